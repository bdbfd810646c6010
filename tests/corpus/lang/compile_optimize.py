# compile(..., optimize=N): -1 is the interpreter's level, 0 keeps everything, 1 removes
# assert statements and makes __debug__ False, 2 also drops docstrings; each compilation
# has its own level, independent of -O.
import sys

SRC = '''
"""module doc"""
def f():
    """function doc"""
    assert False, "assert ran"
    return __debug__
class C:
    """class doc"""
    def m(self):
        "method doc"
        return 1
if __debug__:
    flag = "debug"
else:
    flag = "optimized"
result = (globals().get("__doc__"), f.__doc__, C.__doc__, C.m.__doc__, flag)
'''

print(sys.flags.optimize)
for level in (-1, 0, 1, 2):
    ns = {}
    code = compile(SRC, "<src>", "exec", optimize=level)
    exec(code, ns)
    try:
        debug = ns["f"]()
    except AssertionError as e:
        debug = "AssertionError: %s" % e
    print(level, ns["result"], debug)

# eval mode and the keyword form.
print(eval(compile("__debug__", "<e>", "eval", optimize=1)))
print(eval(compile("__debug__", "<e>", "eval", optimize=0)))
print(eval(compile("__debug__", "<e>", "eval")))
# Nested code objects follow their compilation's level.
ns = {}
exec(compile("def g():\n    assert 0\n    return 'no assert'\n", "<g>", "exec", optimize=2), ns)
print(ns["g"]())
# A later compilation is back at the interpreter's level.
ns = {}
exec(compile("def h():\n    assert 0, 'assert kept'\n", "<h>", "exec"), ns)
try:
    ns["h"]()
except AssertionError as e:
    print("AssertionError", e)
for bad in (3, -2):
    try:
        compile("1", "<b>", "eval", optimize=bad)
    except ValueError as e:
        print("ValueError", e)
