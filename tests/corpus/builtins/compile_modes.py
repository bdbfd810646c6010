# compile(): modes, code objects, 'single' mode's display of values, errors.
import sys

c = compile("a = 1\nb = a + 1\n", "prog.py", "exec")
print(type(c).__name__, c.co_name, c.co_filename, c.co_firstlineno, c.co_argcount)
print(repr(c).startswith("<code object <module> at 0x"), repr(c).endswith(', file "prog.py", line 1>'))
print("a" in c.co_names, "b" in c.co_names, 1 in c.co_consts, c.co_varnames)
d = {}
print(exec(c, d), d["b"])

e = compile("x ** 2", "<expr>", "eval")
print(e.co_filename, eval(e, {"x": 9}))

# Keyword arguments and the optional parameters.
k = compile(source="1 + 1", filename="kw.py", mode="eval", flags=0, dont_inherit=True, optimize=-1)
print(eval(k), k.co_filename)
print(eval(compile(b"40 + 2", b"bytes_name.py", "eval")))

# A function's code object through __code__.
def f(p, q=1, *args, r, **kw):
    local = p
    return local
fc = f.__code__
print(fc.co_name, fc.co_argcount, fc.co_kwonlyargcount, fc.co_varnames, fc.co_firstlineno)
print(fc.co_qualname, fc.co_posonlyargcount, fc.co_nlocals, fc.co_flags & 0xf)

# 'single' mode: expression statements show their value through sys.displayhook.
exec(compile("1 + 2", "<stdin>", "single"))
exec(compile("'text'", "<stdin>", "single"))
exec(compile("None", "<stdin>", "single"))
exec(compile("for i in range(3): i * 10\n", "<stdin>", "single"))
exec(compile("if True:\n    'a'\n    'b'\n", "<stdin>", "single"))
exec(compile("def g():\n    'not shown'\n    return 5\n", "<stdin>", "single"))
exec(compile("g()", "<stdin>", "single"))
import builtins
print(builtins._)
shown = []
sys.displayhook = shown.append
exec(compile("[1, 2]", "<stdin>", "single"))
exec(compile("x = 5", "<stdin>", "single"))
sys.displayhook = sys.__displayhook__
print(shown)
sys.__displayhook__(None)
sys.__displayhook__("direct")

# Errors.
def show(fn):
    try:
        fn()
    except Exception as e:
        print(type(e).__name__ + ":", e)

show(lambda: compile("x", "f", "bad"))
show(lambda: compile("x", "f", 1))
show(lambda: compile(1, "f", "exec"))
show(lambda: compile(None, "f", "exec"))
show(lambda: compile("x", 1, "exec"))
show(lambda: compile("x", "f"))
show(lambda: compile("x", "f", "exec", 0x10000000))
show(lambda: compile("x", "f", "exec", optimize=5))
show(lambda: compile("x", "f", "exec", flags="1"))
show(lambda: compile("x", "f", "exec", nope=1))
show(lambda: compile("1\n2", "f", "single"))
show(lambda: compile("for i in range(3): i", "f", "single"))
show(lambda: compile("a\0b", "f", "exec"))
show(lambda: compile(b"\xff = 1", "f", "exec"))

# SyntaxErrors carry the location, and are catchable.
for src, mode in [("x = (1,\n", "exec"), ("1 +", "eval"),
                  ("if x\n    pass", "exec"), ("  x = 1", "exec"), ("return 5", "exec"),
                  ("x = 1\ny = = 2\n", "exec")]:
    try:
        compile(src, "bad.py", mode)
    except SyntaxError as e:
        print(type(e).__name__, repr(e.msg), e.filename, e.lineno)
try:
    compile("a\0", "f", "exec")
except SyntaxError as e:
    print(e.msg, e.lineno, e.offset, e.text, e.filename)

# Nothing to compile in 'eval' and 'single' modes.
for src, mode in [("", "eval"), ("", "single"), ("\n\n", "single"), ("# c", "single")]:
    try:
        compile(src, "f", mode)
    except SyntaxError as e:
        print(repr(src), mode, e.args, e.lineno, e.offset, repr(e.text))
for src in ["", "   ", "\t"]:
    try:
        eval(src)
    except SyntaxError as e:
        print(repr(src), e)
print(compile("", "f", "exec").co_name)
