# Class attribute lookup with a metaclass: a data descriptor of the metaclass first, then the
# class's MRO, then the metaclass's attributes (methods bound to the class, properties,
# classmethods, __getattr__); setattr/delattr through the metaclass's __setattr__ and data
# descriptors; the metaclass's special methods (repr, len, iter, getitem, contains, bool,
# operators, comparisons, hash, call) applied to its classes.
class Meta(type):
    counter = 0
    def meta_method(cls):
        return f"meta_method on {cls.__name__}"
    @classmethod
    def meta_cm(mcls):
        return f"meta_cm on {mcls.__name__}"
    @staticmethod
    def meta_sm(x):
        return x * 2
    @property
    def upper_name(cls):
        return cls.__name__.upper()
    @property
    def both(cls):
        return "meta property wins"
    def __repr__(cls):
        return f"<Meta class {cls.__name__}>"
    def __len__(cls):
        return len(cls.__name__)
    def __iter__(cls):
        return iter(cls.__name__)
    def __getitem__(cls, k):
        return f"{cls.__name__}[{k!r}]"
    def __contains__(cls, x):
        return x in cls.__name__
    def __bool__(cls):
        return cls.__name__ != "Empty"
    def __or__(cls, other):
        return f"{cls.__name__}|{getattr(other, '__name__', other)}"
    def __ror__(cls, other):
        return f"{other}|{cls.__name__}"
    def __eq__(cls, other):
        return getattr(other, '__name__', None) == cls.__name__
    def __hash__(cls):
        return hash(cls.__name__)
    def __lt__(cls, other):
        return cls.__name__ < other.__name__
    def __neg__(cls):
        return f"-{cls.__name__}"
    def __call__(cls, *a):
        return ("called", cls.__name__, a)
    def __getattr__(cls, name):
        if name.startswith("dyn_"):
            return name[4:]
        raise AttributeError(name)

class Widget(metaclass=Meta):
    both = "class attribute"
    shadow = "from class"
    def method(self): return 1
    @classmethod
    def cm(cls): return cls.__name__
class Empty(metaclass=Meta): pass

print(Widget.meta_method())
print(Widget.meta_cm())
print(Widget.meta_sm(21))
print(Widget.upper_name)
print(Widget.both)
print(Widget.counter)
print(Widget.cm())
print(Widget.method.__qualname__)
print(Widget.dyn_hello)
try:
    Widget.nope
except AttributeError as e:
    print("AttributeError", e)
print(repr(Widget), str(Widget), f"{Widget}", [Widget])
print(len(Widget), list(Widget), Widget[3], Widget["k"])
print("idg" in Widget, "zz" in Widget)
print(bool(Widget), bool(Empty), "yes" if Empty else "no")
print(Widget | int, int | Widget, Widget | Empty)
print(Widget == Empty, Widget == Widget, Widget != Empty)
print(Empty < Widget, sorted([Widget, Empty]))
print(-Widget)
print(hash(Widget) == hash("Widget"))
d = {Widget: 1}
print(d[Widget])
print(Widget(1, 2))
print(type(Widget).__name__, Widget.__class__.__name__)
w = object.__new__(Widget)
print(type(w).__name__, w.method())
try:
    w.meta_method
except AttributeError as e:
    print("AttributeError", e)
try:
    Widget.upper_name = "x"
except AttributeError as e:
    print("AttributeError", e)

class Plain: pass
print(Plain.__class__, type(Plain), repr(Plain))
class SA(type):
    def __setattr__(cls, name, value):
        print("setattr", cls.__name__, name, value)
        super().__setattr__(name, value.upper() if isinstance(value, str) else value)
    def __delattr__(cls, name):
        print("delattr", name)
        super().__delattr__(name)
class T(metaclass=SA):
    a = "x"
T.b = "hello"
print(T.b)
del T.b
print(hasattr(T, "b"))

class Desc:
    def __get__(self, obj, owner):
        return ("desc get", obj.__name__ if obj else None, owner.__name__)
    def __set__(self, obj, v):
        print("desc set", obj.__name__, v)
class DM(type):
    d = Desc()
class U(metaclass=DM):
    d = "class value"
print(U.d)
U.d = 5
print(U.__dict__["d"])

class PM(type):
    _x = {}
    @property
    def x(cls): return PM._x.get(cls.__name__, 0)
    @x.setter
    def x(cls, v): PM._x[cls.__name__] = v
class V(metaclass=PM): pass
V.x = 7
print(V.x, "x" in V.__dict__)
print(Meta.__name__, Meta.__qualname__, Meta.__bases__, type(Meta).__name__)
print(Widget.__name__, Widget.__qualname__, Widget.__type_params__)
print(type.__call__(Plain).__class__.__name__)
print(sorted(k for k in vars(Meta) if not k.startswith('__')))

# Attribute errors name the class; a metaclass attribute is not visible on instances.
try:
    Plain.missing
except AttributeError as e:
    print("AttributeError:", e)
try:
    V.missing
except AttributeError as e:
    print("AttributeError:", e)


# A metaclass property without a setter, and deleting through the metaclass.
class RO(type):
    @property
    def fixed(cls):
        return 1

    @property
    def gone(cls):
        return "present"

    @gone.deleter
    def gone(cls):
        print("deleter called for", cls.__name__)


class R(metaclass=RO):
    pass


try:
    R.fixed = 2
except AttributeError as e:
    print("AttributeError:", e)
del R.gone
print(R.fixed, R.gone)
try:
    del R.fixed
except AttributeError as e:
    print("AttributeError:", e)


# Builtin types cannot be changed, with or without a metaclass in the way.
try:
    int.x = 1
except TypeError as e:
    print("TypeError:", e)
try:
    del int.real
except TypeError as e:
    print("TypeError:", e)


# super() inside metaclass methods, and a class attribute shadowing a metaclass method.
class Counting(type):
    def __call__(cls, *a, **k):
        cls.instances = getattr(cls, "instances", 0) + 1
        return super().__call__(*a, **k)

    def describe(cls):
        return f"{cls.__name__} made {getattr(cls, 'instances', 0)}"


class Thing(metaclass=Counting):
    def __init__(self, n):
        self.n = n


class Shadow(metaclass=Counting):
    def describe(self):
        return "instance method"


Thing(1)
Thing(2)
print(Thing.describe(), Shadow.describe(Shadow()), Thing(3).n, Thing.instances)
print(callable(Thing), Thing.__call__.__name__, Plain.__call__().__class__ is Plain)
