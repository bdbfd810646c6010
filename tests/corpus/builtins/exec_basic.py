# exec(): namespaces, defaults, return value, keyword arguments.
g = {"x": 10}
r = exec("y = x * 2\nz = y + 1", g)
print(r, g["y"], g["z"], sorted(k for k in g if k != "__builtins__"))
print("__builtins__" in g, type(g["__builtins__"]).__name__)

# Separate locals: assignments go to locals, reads fall back to globals then builtins.
g = {"a": 1}
l = {"b": 2}
exec("c = a + b\nd = len([a, b, c])", g, l)
print(sorted(l.items()), sorted(k for k in g if k != "__builtins__"))

# Keyword arguments (3.13+).
ns = {}
exec("v = 42", globals=ns)
print(ns["v"])
loc = {}
exec("w = 7", globals={}, locals=loc)
print(loc)

# Module level: the defaults are this module's namespace.
exec("module_var = 'set by exec'")
print(module_var)

# A globals dict that already has __builtins__ keeps it.
g = {"__builtins__": {"len": len}}
exec("n = len('abc')", g)
print(g["n"], sorted(g["__builtins__"]))

# Bytes source, with a coding cookie and without.
d = {}
exec(b"s = 'caf\xc3\xa9'", d)
print(d["s"])
exec(b"# -*- coding: latin-1 -*-\nt = 'caf\xe9'\n", d)
print(d["t"])

# A code object, run twice in different namespaces.
code = compile("total = sum(range(n))", "<calc>", "exec")
for n in (3, 5):
    d = {"n": n}
    exec(code, d)
    print(d["total"])

# Functions and classes defined by exec'd code: __module__ from the globals' __name__.
ns = {"__name__": "generated"}
exec("def f(p):\n    return p * 2\nclass C:\n    def m(self):\n        return f(3)\n", ns)
print(ns["f"](4), ns["f"].__module__, ns["C"].__module__, ns["C"]().m(), ns["f"].__qualname__)
ns = {}
exec("def h():\n    return 1\nclass D:\n    pass\n", ns)
print(ns["h"].__module__, ns["D"].__module__)

# Functions see the exec globals, not the exec locals.
g = {}
l = {}
exec("k = 5\ndef get():\n    return k\n", g, l)
try:
    l["get"]()
except NameError as e:
    print("NameError:", e)
g["k"] = 6
print(l["get"]())

# Statements of every kind work inside exec'd code.
src = """
import math
total = 0
for i in range(5):
    if i % 2:
        continue
    total += i
try:
    1 / 0
except ZeroDivisionError as e:
    err = str(e)
with open.__class__ and __import__('contextlib').nullcontext(3) as cm:
    got = cm
squares = [i * i for i in range(4)]
gen = list(i for i in range(3))
lam = (lambda q: q + total)(1)
del i
"""
d = {}
exec(src, d)
print(d["total"], d["err"], d["got"], d["squares"], d["gen"], d["lam"], "i" in d, d["math"].pi > 3)

# exec inside a class body: the class namespace is the locals.
class K:
    exec("attr = 99")
    exec("def meth(self):\n    return attr_plus")
    attr_plus = 100
print(K.attr, K().meth.__name__)

# The closure keyword: a code object with free variables.
def outer():
    v = "from cell"
    def inner():
        return v
    return inner
fn = outer()
d = {}
exec(fn.__code__, d, closure=fn.__closure__)
print("closure ran")
try:
    exec(fn.__code__)
except TypeError as e:
    print("TypeError:", e)
try:
    exec("x = 1", closure=fn.__closure__)
except TypeError as e:
    print("TypeError:", e)
