# Annotations (CPython 3.14, PEP 649): functions', classes' and modules' __annotations__ are
# computed from their __annotate__ when first read; locals' are never evaluated.
def f(a: int, b: "str" = "s", *, c: list) -> None: pass
print(f.__annotations__)
class C:
    x: int = 3
    y: "str"
    if True:
        w: float
    def m(self, q: int): pass
print(C.__annotations__, C.x, hasattr(C, "y"))
print(C.m.__annotations__)
n: int = 5
import sys
print(sys.modules[__name__].__annotations__, n)
def g():
    local: undefined_name = 1
    return local
print(g())
class D:
    pass
def h(a: undefined_name): pass
try:
    h.__annotations__
except NameError as e:
    print("NameError:", e)
import sys
o = type("O", (), {})()
o.attr: int = 4
print(o.attr)
