# globals(), locals(), vars(), dir() see the caller's scope.
top = 1
print(globals() is vars(), locals() is globals(), globals()["top"])
print([n for n in dir() if not n.startswith("__")])

def func(a, b=2):
    c = a + b
    g = globals()
    print(g is globals(), "func" in g, sorted(locals()), sorted(vars()), dir())
    loc = locals()
    loc["c"] = 100
    print(c, locals()["c"], loc is locals())
    def inner():
        return c
    return inner
func(1)

class Ns:
    x = 1
    names = sorted(n for n in locals() if n != "__firstlineno__")
    also = sorted(n for n in vars() if n != "__firstlineno__")
    d = [n for n in dir() if n != "__firstlineno__"]
print(Ns.names, Ns.also, Ns.d)

def writes_global():
    globals()["made_here"] = "yes"
writes_global()
print(made_here)

# vars(obj).
class O:
    def __init__(self):
        self.p = 1
print(vars(O()), sorted(k for k in vars(O) if not k.startswith("__")))
import sys
print(vars(sys) is sys.__dict__)
for bad in (1, "s", [1]):
    try:
        vars(bad)
    except TypeError as e:
        print("TypeError:", e)
try:
    vars(1, 2)
except TypeError as e:
    print("TypeError:", e)
try:
    locals(1)
except TypeError as e:
    print("TypeError:", e)
try:
    globals(x=1)
except TypeError as e:
    print("TypeError:", e)

# Lambdas, nested functions, generators.
print((lambda q: sorted(locals()))(1))
def outer():
    v = 1
    def mid():
        w = 2
        return sorted(locals()), v
    return mid()
print(outer())

# __import__.
m = __import__("os")
print(m.__name__, __import__("os.path").__name__, __import__("os.path", fromlist=["join"]).__name__)
print(__import__("sys", globals(), locals(), [], 0).__name__)
for args, kw in [((), {}), ((1,), {}), (("",), {}), (("os",), {"level": -1}), (("nosuchmodule_xyz",), {})]:
    try:
        __import__(*args, **kw)
    except (TypeError, ValueError, ImportError) as e:
        print(type(e).__name__ + ":", e)
