# Annotations are evaluated when the def / class / assignment runs (CPython 3.13): functions'
# __annotations__, a module's and a class's __annotations__ dict; locals' are not evaluated.
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
print(__annotations__, n)
def g():
    local: undefined_name = 1
    return local
print(g())
class D:
    pass
try:
    def h(a: undefined_name): pass
except NameError as e:
    print("NameError:", e)
import sys
o = type("O", (), {})()
o.attr: int = 4
print(o.attr)
