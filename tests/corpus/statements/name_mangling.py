# Private name mangling: inside a class, `__spam` is `_Class__spam`.


class Account:
    __rate = 5  # class variable _Account__rate

    def __init__(self, owner, balance):
        self.owner = owner
        self.__balance = balance  # attribute _Account__balance

    def deposit(self, n):
        self.__balance += n
        return self.__balance

    def __secret(self):
        return "secret of " + self.owner

    def reveal(self):
        return self.__secret()

    @classmethod
    def rate(cls):
        return cls.__rate


a = Account("ann", 10)
print(a.deposit(5))
print(a._Account__balance)
print(sorted(vars(a)))
print(a.reveal(), a._Account__secret())
print(Account.rate(), Account._Account__rate)
print("__secret" in Account.__dict__, "_Account__secret" in Account.__dict__)
print(Account._Account__secret.__name__, Account._Account__secret.__qualname__)
try:
    a.__balance
except AttributeError as e:
    print("AttributeError:", e)
try:
    Account.__rate
except AttributeError as e:
    print("AttributeError:", e)

# Strings are never mangled: getattr/setattr/hasattr take the name as written.
print(getattr(a, "_Account__balance"), hasattr(a, "__balance"))


class Probe:
    def set(self, obj):
        setattr(obj, "__plain", 1)  # a string: stored as "__plain"
        obj.__mangled = 2  # stored as "_Probe__mangled"
        return getattr(obj, "__plain"), obj.__mangled

    def get(self, obj):
        return obj.__dict__.get("__plain"), "__mangled" in obj.__dict__


class Bag:
    pass


b = Bag()
print(Probe().set(b), Probe().get(b), sorted(vars(b)))

# Names ending in two underscores, and names of fewer than two leading underscores, are
# not mangled.
class Dunder:
    __special__ = "special"
    _single = "single"
    __trailing_ = "trailing"

    def __repr__(self):
        return "<Dunder>"


print(sorted(k for k in Dunder.__dict__ if "special" in k or "single" in k or "trailing" in k))
print(repr(Dunder()))


# Inheritance: each class's `__x` is its own.
class Base:
    def __init__(self):
        self.__x = "base"

    def base_x(self):
        return self.__x


class Derived(Base):
    def __init__(self):
        super().__init__()
        self.__x = "derived"

    def derived_x(self):
        return self.__x

    def try_base(self):
        try:
            return self.__x_base_only
        except AttributeError as e:
            return "AttributeError: " + str(e)


d = Derived()
print(d.base_x(), d.derived_x(), sorted(vars(d)))
print(d._Base__x, d._Derived__x)
print(d.try_base())


class Parent:
    def __hook(self):
        return "Parent.__hook"

    def run(self):
        return self.__hook()


class Child(Parent):
    def __hook(self):  # does not override: it is _Child__hook
        return "Child.__hook"


print(Child().run(), Child()._Child__hook())


# Leading underscores of the class name are stripped; an all-underscore name mangles
# nothing.
class _Under:
    def __init__(self):
        self.__v = 1


class __Dunder:
    def __init__(self):
        self.__v = 2


class ___:
    def __init__(self):
        self.__v = 3


print(sorted(vars(_Under())), sorted(vars(__Dunder())), sorted(vars(___())))


# Nested classes: the innermost class's name is used; the nested class's own name is
# mangled where it is bound in the outer class.
class Outer:
    __tag = "outer"

    class __Inner:
        __tag = "inner"

        def tag(self):
            return self.__tag

    class Public:
        def inner(self):
            return Outer._Outer__Inner

    def make(self):
        return self.__Inner()

    def tag(self):
        return self.__tag


print(sorted(k for k in Outer.__dict__ if not k.startswith("__")))
inner = Outer().make()
print(type(inner).__name__, type(inner).__qualname__, inner.tag(), Outer().tag())
print(sorted(k for k in type(inner).__dict__ if "tag" in k))
print(Outer.Public().inner() is Outer._Outer__Inner)


# Functions, lambdas, comprehensions and generator expressions nested in a method.
class Nested:
    def __init__(self):
        self.__items = [1, 2, 3]

    def doubled(self):
        return [x * 2 for x in self.__items]

    def total(self):
        return sum(x for x in self.__items)

    def getter(self):
        return lambda: self.__items

    def closure(self):
        def inner():
            return len(self.__items)

        return inner()

    def keyed(self):
        return {k: self.__items[k] for k in range(2)}


n = Nested()
print(n.doubled(), n.total(), n.getter()(), n.closure(), n.keyed())


# Local variables and parameters are mangled too (their names are still `__p` in the
# source, and a keyword argument in a call is not mangled).
class Params:
    def f(self, __p, *, __k=3):
        __local = __p + __k
        return __local

    def g(self):
        return self.f(1), self.f(1, _Params__k=10)

    def h(self):
        try:
            return self.f(1, __k=10)
        except TypeError as e:
            return "TypeError: " + str(e)

    def names(self):
        return Params.f.__code__.co_varnames, Params.f.__kwdefaults__


p = Params()
print(p.g())
print(p.h())
print(p.names())
print(Params.f(p, 5))


# global and nonlocal declarations name the mangled variable.
_Globals__counter = 0


class Globals:
    def bump(self):
        global __counter
        __counter += 1
        return __counter

    def outer(self):
        __v = 1

        def inner():
            nonlocal __v
            __v += 1
            return __v

        return inner(), __v


print(Globals().bump(), Globals().bump(), _Globals__counter)
print(Globals().outer())


# Class-body names, deletes and exception names.
class Body:
    __a = 1
    __b = __a + 1
    del __a
    try:
        raise ValueError("x")
    except ValueError as __err:
        __caught = str(__err)
    for __i in range(2):
        pass
    __w = [__j for __j in range(3)]


print(sorted(k for k in Body.__dict__ if not k.endswith("__")))


# Imports bind mangled names.
class Imports:
    import math as __m
    from math import pi as __pi
    import os.path

    def radius(self):
        return round(self.__pi * 2, 5), self.__m.sqrt(16)


print(Imports().radius(), sorted(k for k in Imports.__dict__ if not k.endswith("__")))


# Annotations in a class body use the mangled name.
class Annotated:
    __size: int = 3
    __count: str

    def f(self, __a: int) -> None:
        pass


print(Annotated.__annotations__)
print(Annotated.f.__annotations__)


# Module-level code (outside any class) mangles nothing.
__module_private = "module"
print(__module_private, "__module_private" in globals())


# Error messages name the mangled name.
class C:
    try:
        import __nosuch
    except ImportError as e:
        print(e)
    try:
        from math import __nosuch2
    except ImportError as e:
        print(e)
    try:
        from __nosuch3 import x
    except ImportError as e:
        print(e)
    import os.path as __p
    print(__p.__name__)
class D:
    def f(self):
        try:
            print(__undefined)
        except NameError as e:
            print(e)
        try:
            del self.__gone
        except AttributeError as e:
            print(e)
        x = (__w := 3)
        return [__w, x]
print(D().f())
def outer():
    __q = 1
    class E:
        def g(self):
            try:
                return __q
            except NameError as e:
                return str(e)
    return E().g()
print(outer())
