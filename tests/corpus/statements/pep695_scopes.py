# PEP 695 annotation scopes: class namespaces, closures, generic bases, lazy bounds (CPython 3.14).
import typing

class Outer:
    Inner = int
    type InClass = Inner
    def meth[T: Inner](self, x: T) -> T:
        return x
    class Nested[U = Inner]:
        pass

print(Outer.InClass.__value__)
print(Outer.meth.__type_params__[0].__bound__)
print(Outer.Nested.__type_params__[0].__default__)
print(Outer.meth.__qualname__, Outer.Nested.__qualname__)
print(Outer().meth(5))

def outer():
    local = str
    def g[T: local](): return T
    type A = local
    class K[S = local]:
        def get(self): return S
    return g, A, K
g, A, K = outer()
print(g().__bound__, A.__value__, K().get().__default__, g.__qualname__, K.__qualname__)

# super() in a generic class
class Base:
    def hello(self): return "base"
class Child[T](Base):
    def hello(self): return "child+" + super().hello()
print(Child().hello(), Child.__mro__)
print(Child.__type_params__, Child.__parameters__, Child.__orig_bases__)

# class keywords and metaclass with a generic class
class Meta(type):
    def __new__(m, name, bases, ns, **kw):
        print("Meta", name, [b.__name__ for b in bases], sorted(kw))
        return super().__new__(m, name, bases, ns)
class WithMeta[T](Base, metaclass=Meta, flag=1):
    pass
print(type(WithMeta).__name__, WithMeta.__type_params__)

# defaults of a generic function evaluated outside, before the type parameters
def d[T](a=1, *, b=2) -> T:
    return a, b
print(d(), d(5, b=6), d.__defaults__, d.__kwdefaults__, d.__type_params__)

# decorators
def deco(f):
    print("decorating", f.__name__, f.__type_params__)
    return f
@deco
def dd[X, *Y, **Z](): pass

# lazy evaluation: bound referring to a later name
def lazy[T: LaterClass](): pass
class LaterClass: pass
print(lazy.__type_params__[0].__bound__)
def bad[T: Missing](): pass
try:
    bad.__type_params__[0].__bound__
except NameError as e:
    print("NameError", e)
type Rec = list[Rec]
print(Rec.__value__ is not None)
tv = lazy.__type_params__[0]
print(tv.evaluate_bound(1), tv.evaluate_bound(2))
try:
    tv.evaluate_bound(3)
except NotImplementedError:
    print("NotImplementedError")
print(tv.evaluate_bound.__name__, tv.evaluate_default)
type Q = int
print(Q.evaluate_value.__name__, Q.evaluate_value(1))

# generic class subscription
class Box[T]:
    def __init__(self, v: T): self.v = v
print(Box[int], Box[int](3).v)
try:
    Box[int, str]
except TypeError as e:
    print(e)
class Pair[A, B]: pass
print(Pair[int, str].__args__, Pair.__parameters__)
class Sub(Box[int]): pass
print(Sub.__orig_bases__, Sub.__mro__)
print(typing.Generic in Box.__mro__, isinstance(Box(1), Box))
