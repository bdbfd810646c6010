# An enum written in plain Python, as CPython's enum module is built: a metaclass whose
# __prepare__ returns a dict subclass recording the members in definition order, whose
# __new__ turns them into instances, and whose __call__, __iter__, __len__, __getitem__,
# __contains__, __repr__, __setattr__ and __delattr__ make the class behave as a
# collection of its members.


class auto:
    pass


class _EnumDict(dict):
    def __init__(self):
        super().__init__()
        self.member_names = []
        self.last_value = 0

    def __setitem__(self, key, value):
        if key.startswith("_") or callable(value) or isinstance(value, (classmethod, staticmethod, property)):
            if key in self.member_names:
                raise TypeError(f"{key!r} already defined as {self[key]!r}")
            super().__setitem__(key, value)
            return
        if key in self.member_names:
            raise TypeError(f"Attempted to reuse key: {key!r}")
        if key in self:
            raise TypeError(f"{key!r} already defined as {self[key]!r}")
        if isinstance(value, auto):
            value = self.last_value + 1
        if isinstance(value, int):
            self.last_value = value
        self.member_names.append(key)
        super().__setitem__(key, value)


class EnumType(type):
    @classmethod
    def __prepare__(mcls, name, bases, **kw):
        return _EnumDict()

    def __new__(mcls, name, bases, ns, **kw):
        members = [(k, ns[k]) for k in ns.member_names]
        body = {k: v for k, v in ns.items() if k not in ns.member_names}
        body["_member_names_"] = []
        body["_member_map_"] = {}
        body["_value2member_map_"] = {}
        cls = super().__new__(mcls, name, bases, body, **kw)
        for key, value in members:
            if value in cls._value2member_map_:
                member = cls._value2member_map_[value]  # an alias
            else:
                member = object.__new__(cls)
                member._name_ = key
                member._value_ = value
                cls._member_names_.append(key)
                cls._value2member_map_[value] = member
            cls._member_map_[key] = member
            type.__setattr__(cls, key, member)
        return cls

    def __call__(cls, value):
        try:
            return cls._value2member_map_[value]
        except KeyError:
            raise ValueError(f"{value!r} is not a valid {cls.__qualname__}") from None

    def __iter__(cls):
        return (cls._member_map_[n] for n in cls._member_names_)

    def __reversed__(cls):
        return (cls._member_map_[n] for n in reversed(cls._member_names_))

    def __len__(cls):
        return len(cls._member_names_)

    def __getitem__(cls, name):
        return cls._member_map_[name]

    def __contains__(cls, value):
        if isinstance(value, cls):
            return True
        return value in cls._value2member_map_

    def __bool__(cls):
        return True

    def __repr__(cls):
        return f"<enum {cls.__name__!r}>"

    @property
    def __members__(cls):
        return dict(cls._member_map_)

    def __setattr__(cls, name, value):
        if name in cls.__dict__.get("_member_map_", {}):
            raise AttributeError(f"cannot reassign member {name!r}")
        super().__setattr__(name, value)

    def __delattr__(cls, name):
        if name in cls._member_map_:
            raise AttributeError(f"{cls.__name__!r} cannot delete member {name!r}.")
        super().__delattr__(name)


class Enum(metaclass=EnumType):
    def __init_subclass__(cls, **kw):
        if kw:
            print("Enum subclass options", cls.__name__, kw)

    @property
    def name(self):
        return self._name_

    @property
    def value(self):
        return self._value_

    def __repr__(self):
        return f"<{type(self).__name__}.{self._name_}: {self._value_!r}>"

    def __str__(self):
        return f"{type(self).__name__}.{self._name_}"

    def __hash__(self):
        return hash(self._name_)

    def __reduce_ex__(self, proto):
        return type(self), (self._value_,)


class Color(Enum):
    RED = 1
    GREEN = 2
    BLUE = 3
    CRIMSON = 1  # an alias of RED

    def describe(self):
        return f"{self.name} is {self.value}"

    @classmethod
    def default(cls):
        return cls.GREEN


print(Color, repr(Color), len(Color), bool(Color))
print(list(Color))
print(list(reversed(Color)))
print(Color.RED, repr(Color.RED), Color.CRIMSON is Color.RED)
print(Color(2), Color["BLUE"], Color.default(), Color.BLUE.describe())
print(Color.RED in Color, 3 in Color, 7 in Color, "RED" in Color)
print(sorted(Color.__members__), type(Color.RED).__name__, isinstance(Color.GREEN, Color))
print({Color.RED: "r", Color.GREEN: "g"}[Color.CRIMSON])
print([m.value for m in Color], [m.name for m in Color])
try:
    Color(9)
except ValueError as e:
    print("ValueError:", e)
try:
    Color.RED = 5
except AttributeError as e:
    print("AttributeError:", e)
try:
    del Color.GREEN
except AttributeError as e:
    print("AttributeError:", e)
Color.extra = "allowed"
print(Color.extra)
try:
    Color["PURPLE"]
except KeyError as e:
    print("KeyError:", e)


class Number(Enum, style="plain"):
    ONE = auto()
    TWO = auto()
    TEN = 10
    ELEVEN = auto()


print([(m.name, m.value) for m in Number])

try:

    class Broken(Enum):
        A = 1
        A = 2

except TypeError as e:
    print("TypeError:", e)

try:

    class Broken2(Enum):
        A = 1

        def A(self):
            pass

except TypeError as e:
    print("TypeError:", e)


# Members are usable in the class body of another class and as dict keys.
class Palette:
    primary = Color.RED
    table = {c: c.value * 10 for c in Color}


print(Palette.primary, Palette.table[Color.BLUE])
print(Color.RED.__reduce_ex__(2)[0] is Color, Color.__class__.__name__, Enum.__class__.__name__)
print(len(Enum), list(Enum))
