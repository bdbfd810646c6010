# The class-creation hooks: __init_subclass__ with the class keyword arguments (an implicit
# classmethod; object's rejects keywords), __set_name__ on every attribute whose type
# defines it (errors get a note), __class_getitem__ (implicit classmethod), __mro_entries__
# and __orig_bases__, three-argument type() with keywords, __qualname__, __classcell__.
class Plugin:
    registry = []
    def __init_subclass__(cls, /, name=None, **kwargs):
        super().__init_subclass__(**kwargs)
        cls.plugin_name = name or cls.__name__.lower()
        Plugin.registry.append(cls.plugin_name)
class A(Plugin, name="alpha"): pass
class B(Plugin): pass
print(Plugin.registry, A.plugin_name, B.plugin_name)
print(type(Plugin.__dict__["__init_subclass__"]).__name__)
try:
    class C(Plugin, name="c", extra=1): pass
except TypeError as e:
    print("TypeError:", e)
try:
    class D(extra=1): pass
except TypeError as e:
    print("TypeError:", e)

class Field:
    def __set_name__(self, owner, name):
        print("set_name", owner.__name__, name)
        self.name = name
class Model:
    x = Field()
    y = Field()
print(Model.x.name, Model.y.name)

class Named(type):
    def __set_name__(cls, owner, name):
        print("class attr set_name", cls.__name__, owner.__name__, name)
class K(metaclass=Named): pass
class Holder:
    k = K

class Bad:
    def __set_name__(self, owner, name):
        raise ValueError("bad name " + name)
try:
    class H:
        attr = Bad()
except ValueError as e:
    print("ValueError:", e, e.__notes__)

class Box:
    def __class_getitem__(cls, item):
        return f"{cls.__name__}[{item!r}]"
print(Box[int], Box["x"])
class SubBox(Box): pass
print(SubBox[1])
print(type(Box.__dict__["__class_getitem__"]).__name__)

class Alias:
    def __init__(self, origin): self.origin = origin
    def __mro_entries__(self, bases):
        print("mro_entries", len(bases))
        return (self.origin,)
class Base: pass
class Derived(Alias(Base), int.__class__.__mro__[-1]):
    pass
print(Derived.__bases__, Derived.__orig_bases__[0].__class__.__name__)
class Plain2(Base): pass
print("__orig_bases__" in Plain2.__dict__)
class Empty:
    def __mro_entries__(self, bases): return ()
class E2(Empty()): pass
print(E2.__bases__)
class BadEntries:
    def __mro_entries__(self, bases): return [object]
try:
    class E3(BadEntries()): pass
except TypeError as e:
    print("TypeError:", e)
try:
    type("E4", (Alias(Base),), {})
except TypeError as e:
    print("TypeError:", e)

class Hooked:
    def __init_subclass__(cls, **kw):
        print("hooked", cls.__name__, kw)
T = type("T", (Hooked,), {"a": 1, "__qualname__": "Outer.T"}, color="red")
print(T.__name__, T.__qualname__, T.a, T.__module__)
print(repr(T))
try:
    type("Q", (), {"__qualname__": 5})
except TypeError as e:
    print("TypeError:", e)

class WithCell:
    def who(self):
        return __class__
    def sup(self):
        return super().__repr__.__name__
print(WithCell().who() is WithCell, WithCell().sup())
print("__classcell__" in WithCell.__dict__)

class DropCell(type):
    def __new__(mcls, name, bases, ns):
        ns = {k: v for k, v in ns.items() if k != "__classcell__"}
        return super().__new__(mcls, name, bases, ns)
try:
    class Z(metaclass=DropCell):
        def f(self): return __class__
except RuntimeError as e:
    print("RuntimeError:", e)

class Swap(type):
    def __new__(mcls, name, bases, ns):
        super().__new__(mcls, name, bases, ns)
        rest = {k: v for k, v in ns.items() if k != "__classcell__"}
        return super().__new__(mcls, name + "2", bases, rest)
try:
    class Y(metaclass=Swap):
        def f(self): return __class__
except TypeError as e:
    print("TypeError:", str(e).replace("__main__.", ""))

try:
    type("R", (), {"__classcell__": 1})
except TypeError as e:
    print("TypeError:", e)

class Outer:
    class Inner:
        pass
print(Outer.Inner.__qualname__)
print(Outer.__type_params__, int.__type_params__)
class NewFunc:
    def __new__(cls, *a):
        print("new", cls.__name__, a)
        return super().__new__(cls)
    def __init__(self, *a):
        print("init", a)
NewFunc(1, 2)
print(type(NewFunc.__dict__["__new__"]).__name__)

# __init_subclass__ sees the class fully built; a staticmethod/classmethod in the chain.
class Tracked:
    seen = []

    @classmethod
    def __init_subclass__(cls, tag="none"):
        Tracked.seen.append((cls.__name__, tag, cls.__mro__[1].__name__))


class T1(Tracked, tag="one"):
    pass


class T2(T1):
    pass


print(Tracked.seen)


# __set_name__ in definition order, including on attributes added by a metaclass's
# __new__ namespace, but not on attributes set after creation.
class Order:
    def __init__(self, label):
        self.label = label

    def __set_name__(self, owner, name):
        print("set_name", self.label, "->", owner.__qualname__, name)


class Host:
    b = Order("first")
    a = Order("second")

    class Nested:
        c = Order("third")


Host.late = Order("late")
print(hasattr(Host.late, "label"))

# __init_subclass__ errors propagate out of the class statement.
class Strict:
    def __init_subclass__(cls, **kw):
        if "bad" in cls.__name__:
            raise ValueError("rejected " + cls.__name__)


try:

    class my_bad_class(Strict):
        pass

except ValueError as e:
    print("ValueError:", e)
