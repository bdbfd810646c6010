# __getattribute__ overrides on every path: obj.x in loops (the inline attribute caches must
# not serve an overriding class), method calls, getattr/hasattr, augmented assignment,
# super().__getattribute__, object.__getattribute__, __getattr__ after an AttributeError,
# inherited overrides, overrides installed and removed after instances exist, overrides on
# metaclasses (class attribute access), and slots behind an override.
log = []


class Logged:
    def __init__(self):
        self.x = 1

    def __getattribute__(self, name):
        log.append(name)
        return super().__getattribute__(name)

    def method(self):
        return "method"


lg = Logged()
total = 0
for _ in range(5):
    total += lg.x
print(total, lg.method(), getattr(lg, "x"), hasattr(lg, "nope"))
lg.x += 10
print(lg.x, log)
log.clear()


class Child(Logged):
    pass


c = Child()
print(c.x, c.method(), log)
log.clear()


# Returning something else entirely, for every name (special attributes included).
class Everything:
    def __getattribute__(self, name):
        return f"<{name}>"


ev = Everything()
print(ev.anything, ev.__dict__, ev.__class__, getattr(ev, "g"), hasattr(ev, "h"))
print(object.__getattribute__(ev, "__class__").__name__)
try:
    object.__getattribute__(ev, "missing")
except AttributeError as e:
    print("object.__getattribute__:", e)


# __getattr__ runs when __getattribute__ raises AttributeError, not for other errors.
class Picky:
    def __init__(self):
        self.real = "real"

    def __getattribute__(self, name):
        if name.startswith("bad"):
            raise AttributeError(f"no {name} here")
        if name == "boom":
            raise KeyError(name)
        return object.__getattribute__(self, name)

    def __getattr__(self, name):
        return f"__getattr__({name})"


pk = Picky()
print(pk.real, pk.bad_one, pk.missing, getattr(pk, "bad2", "default"))
try:
    pk.boom
except KeyError as e:
    print("KeyError", e)


class NoFallback:
    def __getattribute__(self, name):
        raise AttributeError(f"custom message for {name}")


nf = NoFallback()
print(getattr(nf, "x", "default"), hasattr(nf, "x"))
try:
    nf.x
except AttributeError as e:
    print("AttributeError:", e)


# Installed after instances exist (and the attribute caches have seen them), then removed.
class Late:
    def __init__(self, v):
        self.v = v

    def get(self):
        return self.v


items = [Late(i) for i in range(4)]


def read():
    return [it.v for it in items], [it.get() for it in items]


print(read())


def doubled(self, name):
    value = object.__getattribute__(self, name)
    return value * 2 if name == "v" else value


Late.__getattribute__ = doubled
print(read())
del Late.__getattribute__
print(read())
Late.__getattribute__ = lambda self, name: "lambda" if name == "v" else object.__getattribute__(self, name)
print(read())
del Late.__getattribute__


# Installed on a base class after a subclass's instances were used.
class Root:
    pass


class Leaf(Root):
    def __init__(self):
        self.val = "leaf value"


leaf = Leaf()
print(leaf.val)
Root.__getattribute__ = lambda self, name: "from Root hook"
print(leaf.val, Leaf().val)
del Root.__getattribute__
print(leaf.val)


# super() lookups go around the instance's own override.
class Base:
    def greet(self):
        return "Base.greet"


class Derived(Base):
    def __getattribute__(self, name):
        if name == "greet":
            return lambda: "hooked greet"
        return super().__getattribute__(name)

    def call_super(self):
        return super().greet()


d = Derived()
print(d.greet(), d.call_super())


# Slots behind an override.
class Slotted:
    __slots__ = ("a",)

    def __getattribute__(self, name):
        if name == "a":
            return "hidden"
        return object.__getattribute__(self, name)


sl = Slotted()
sl.a = "stored"
print(sl.a, Slotted.a.__get__(sl))


# A metaclass's __getattribute__ for class attribute access.
class Meta(type):
    def __getattribute__(cls, name):
        if name == "virtual":
            return f"virtual attribute of {type.__getattribute__(cls, '__name__')}"
        return super().__getattribute__(name)

    def __getattr__(cls, name):
        return f"Meta.__getattr__({name})"


class WithMeta(metaclass=Meta):
    real = "real class attribute"


print(WithMeta.virtual, WithMeta.real, WithMeta.absent)
print(WithMeta().real, getattr(WithMeta, "virtual"))
try:
    type.__getattribute__(WithMeta, "absent")
except AttributeError as e:
    print("type.__getattribute__:", e)
