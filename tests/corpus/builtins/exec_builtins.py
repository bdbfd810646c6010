# The builtins of exec'd code come from its globals' __builtins__ (inserted when missing).
g = {}
exec("r = len('abc')", g)
print(g["r"], g["__builtins__"] is __builtins__.__dict__ if hasattr(__builtins__, "__dict__") else True)

# Restricted builtins: only what the dict offers.
safe = {"__builtins__": {"len": len, "sum": sum}}
print(eval("len('xy') + sum([1, 2])", safe))
for src in ["print('hi')", "open('f')", "__import__('os')"]:
    try:
        eval(src, {"__builtins__": {}})
    except NameError as e:
        print("NameError:", e)
print(eval("...", {"__builtins__": {}}), eval("None is None", {"__builtins__": {}}))

# A module as __builtins__.
import builtins
print(eval("abs(-3)", {"__builtins__": builtins}))

# Functions defined there keep those builtins.
ns = {"__builtins__": {"min": lambda *a: "patched min"}}
exec("def f():\n    return min(1, 2)\n", ns)
print(ns["f"]())
for _ in range(3):
    print(ns["f"]())
ns["__builtins__"]["min"] = lambda *a: "changed"
print(ns["f"]())

# import statements call the builtins' __import__.
real_import = builtins.__import__
def my_import(name, globals=None, locals=None, fromlist=(), level=0):
    print("importing", name, fromlist, level)
    return real_import(name, globals, locals, fromlist, level)
exec("import math\nfrom os import path\nprint(math.floor(2.5))", {"__builtins__": {"__import__": my_import, "print": print}})
try:
    exec("import math", {"__builtins__": {}})
except ImportError as e:
    print("ImportError:", e)
orig = builtins.__import__
builtins.__import__ = my_import
import sys as _s
from os import sep
builtins.__import__ = orig
import math
print("restored")

# A generator expression in a module-level annotation.
d = {}
exec("x: sum(1 for c in 'ab') = 1", d)
print(d["x"])
