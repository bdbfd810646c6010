# PEP 649/749 deferred annotations (CPython 3.14): forward references, __annotate__, caching.
class O: pass
o = O()
o.attr: undefined_thing = 4
print(o.attr)
def f(a: Later, b: int = 1) -> Later: pass
class Later: pass
print(f.__annotations__, f.__annotate__.__name__, f.__annotate__.__qualname__)
def g(): pass
print(g.__annotations__, g.__annotate__)
try:
    f.__annotate__(3)
except NotImplementedError as e:
    print("NotImplementedError", repr(e))
print(f.__annotate__(2))
class C:
    Inner = int
    x: Inner
    y: "str" = "s"
    z: Fwd
    def m(self, q: Inner) -> C: pass
class Fwd: pass
print(C.__annotations__, C.m.__annotations__, C.__annotate__.__qualname__)
class D(C): pass
print(D.__annotations__, D.__annotate__)
print(int.__dict__.get('__annotations__'))
f.__annotations__ = {'a': 1}
print(f.__annotations__)
def h(x: int): pass
h.__annotate__ = None
print(h.__annotations__)
import sys
m: int = 3
print(sys.modules[__name__].__annotations__)
def bad(x: nope): pass
try:
    bad.__annotations__
except NameError as e:
    print("NameError", e)
print("__annotations__" in C.__dict__, "__annotate__" in C.__dict__)

# Forward references between classes, resolved when first read.
class Node:
    next: Node | None
    children: list[Tree]
    def link(self, other: Node) -> Tree: ...
class Tree:
    root: Node
print(Node.__annotations__["next"], Node.link.__annotations__, Tree.__annotations__)

# Annotations are evaluated once and cached; __annotate__ runs again if called.
calls = []
def counted(name):
    calls.append(name)
    return name
def k(a: counted("a"), b: counted("b")) -> counted("ret"): pass
print(calls)
print(k.__annotations__, k.__annotations__ is k.__annotations__, calls)
print(k.__annotate__(1), calls)

# Name mangling and class-level names in method annotations.
class Priv:
    __secret: int
    Alias = str
    def m(self, __x: Alias) -> "Alias": pass
print(Priv.__annotations__, Priv.m.__annotations__)

# A generic function's annotations see its type parameters.
def ident[T](x: T) -> list[T]: return [x]
print(ident.__annotations__["x"] is ident.__type_params__[0])

# Conditional and nested annotations in a class body.
class Cond:
    a: int
    if True:
        b: str
    for _ in range(1):
        c: float
print(list(Cond.__annotations__))
