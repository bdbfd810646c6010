# Metaclasses: the order and arguments of __prepare__, __new__, __init__ and __call__,
# class keyword arguments, the most derived metaclass among the bases (and the conflict
# error), a function as metaclass, and namespaces that are not dicts.


def public(names):
    return sorted(n for n in names if not n.startswith("__"))


class Meta(type):
    @classmethod
    def __prepare__(mcls, name, bases, **kw):
        print("prepare", mcls.__name__, name, bases, kw)
        return {"injected": 42}

    def __new__(mcls, name, bases, ns, **kw):
        print("new", mcls.__name__, name, bases, public(ns), kw)
        return super().__new__(mcls, name, bases, ns)

    def __init__(cls, name, bases, ns, **kw):
        print("init", cls.__name__, kw)
        super().__init__(name, bases, ns)

    def __call__(cls, *a, **k):
        print("call", cls.__name__, a, k)
        inst = super().__call__(*a, **k)
        print("made", type(inst).__name__)
        return inst


class Base(metaclass=Meta, flag=1):
    x = injected

    def __init__(self, v, w=0):
        self.v = v + w


print(type(Base) is Meta, Base.__class__ is Meta, isinstance(Base, Meta), isinstance(Base, type))
print(Base.x, Base.injected)
b = Base(5, w=2)
print(b.v, type(b) is Base, type(b).__class__ is Meta)


class Child(Base, other=2):
    pass


print(type(Child).__name__, Child.__mro__)
print(type(Meta).__name__, type(type).__name__, Meta.__mro__)

# The most derived metaclass wins, whatever the order of the bases.
class M2(Meta):
    pass


class X(metaclass=M2):
    pass


class Y(X, Base):
    pass


class Z(Base, X):
    pass


print(type(Y).__name__, type(Z).__name__)


class Other(type):
    pass


class W(metaclass=Other):
    pass


for make in (
    lambda: type("V", (W, Base), {}),
    lambda: Meta("V", (W,), {}),
):
    try:
        make()
    except TypeError as e:
        print("TypeError:", e)
try:

    class V(W, Base):
        pass

except TypeError as e:
    print("TypeError:", e)
try:

    class V2(Base, metaclass=Other):
        pass

except TypeError as e:
    print("TypeError:", e)

# An explicit metaclass that is a base's metaclass's base: the derived one wins.
class V3(Base, metaclass=type):
    pass


print(type(V3).__name__)


# A function as metaclass: called with (name, bases, namespace, **kw), no winner check.
def fmeta(name, bases, ns, **kw):
    print("function metaclass", name, bases, public(ns), kw)
    return 123


class F(metaclass=fmeta, a=1):
    q = 1


print(F)


# __prepare__ returning a dict subclass that records the definition order.
class NS(dict):
    def __init__(self):
        super().__init__()
        self.order = []

    def __setitem__(self, k, v):
        if not k.startswith("__"):
            self.order.append(k)
        super().__setitem__(k, v)


class Ordered(type):
    @classmethod
    def __prepare__(mcls, name, bases):
        return NS()

    def __new__(mcls, name, bases, ns):
        cls = super().__new__(mcls, name, bases, dict(ns))
        cls._order = ns.order
        return cls


class O(metaclass=Ordered):
    z = 1
    a = 2

    def m(self):
        pass

    z = 3


print(O._order, O.z, type(O).__name__)


# A mapping that is not a dict: the body's name loads, stores and deletes go through it.
class Mapping:
    def __init__(self):
        self.d = {}

    def __getitem__(self, k):
        if not k.startswith("__"):
            print("get", k)
        return self.d[k]

    def __setitem__(self, k, v):
        if not k.startswith("__"):
            print("set", k)
        self.d[k] = v

    def __delitem__(self, k):
        print("del", k)
        del self.d[k]


class MM(type):
    @classmethod
    def __prepare__(mcls, name, bases):
        return Mapping()

    def __new__(mcls, name, bases, ns):
        return super().__new__(mcls, name, bases, ns.d)


class P(metaclass=MM):
    a = 1
    b = a + 1
    del a
    c = len
    try:
        del zz
    except NameError as e:
        print("NameError", e)


print(public(P.__dict__), P.b, P.c is len)


class BadPrep(type):
    @classmethod
    def __prepare__(mcls, name, bases):
        return 5


try:

    class Q(metaclass=BadPrep):
        pass

except TypeError as e:
    print("TypeError:", e)


# type() and type.__new__ argument checking.
def attempt(f):
    try:
        r = f()
        print("ok", r)
    except TypeError as e:
        print("TypeError:", e)


attempt(lambda: Meta())
attempt(lambda: M2(1))
attempt(lambda: type())
attempt(lambda: type(1, 2))
attempt(lambda: type.__new__(Meta))
attempt(lambda: type.__new__(1, "a", (), {}))
attempt(lambda: type.__new__(int, "a", (), {}))
attempt(lambda: type.__new__(type, 1))
attempt(lambda: type(1, (), {}))
attempt(lambda: type("a", [], {}))
attempt(lambda: type("a", (), []))
attempt(lambda: type("a", (1,), {}))
attempt(lambda: type.__init__(int, 1, 2))
attempt(lambda: type.__init__(int, 1, x=2))
attempt(lambda: type.__init__(int, 1, 2, 3, x=2))
attempt(lambda: object.__new__(Meta))
attempt(lambda: type("a", (), {}, x=1))
attempt(lambda: type.__call__(5))
attempt(lambda: type("T3", (X,), {}).__class__.__name__)
attempt(lambda: type(Base).__name__)
attempt(lambda: type.__call__(Base, 1).v)
attempt(lambda: type.__prepare__("n", (), a=1))
attempt(lambda: Other.__prepare__())

# A metaclass whose __new__ returns something that is not an instance: no __init__.
class Weird(type):
    def __new__(mcls, name, bases, ns):
        return [name]

    def __init__(cls, *a):
        print("not called")


class Odd(metaclass=Weird):
    pass


print(Odd)


# A metaclass of a metaclass.
class MetaMeta(type):
    def __call__(mcls, name, bases, ns):
        print("metameta call", mcls.__name__, name)
        return super().__call__(name, bases, ns)


class Meta3(type, metaclass=MetaMeta):
    pass


class Deep(metaclass=Meta3):
    pass


print(type(Deep).__name__, type(type(Deep)).__name__)
