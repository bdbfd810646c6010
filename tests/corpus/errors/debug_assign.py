# Every construct that binds or deletes __debug__ is a SyntaxError at compile time
# (CPython's message and location).
cases = [
    "obj.__debug__ = 1", "del obj.__debug__", "__debug__ = 1", "(__debug__ := 1)",
    "def __debug__(): pass", "class __debug__: pass", "del __debug__",
    "(a, *__debug__, c) = (1, 2, 3)", "f(__debug__=1)", "__debug__: int", "x.__debug__: int",
    "__debug__ += 1", "x.__debug__ += 1", "match x:\n case a, __debug__: pass",
    "match x:\n case {**__debug__}: pass", "match x:\n case Foo(a, __debug__=1): pass",
    "match x:\n case 1 as __debug__: pass", "try: pass\nexcept T as __debug__: pass",
    "class C(__debug__=42): ...", "import __debug__", "import a as __debug__",
    "from a import __debug__", "from a import b as __debug__", "def f(__debug__): pass",
    "def f(*, __debug__): pass", "def f(*__debug__): pass", "def f(**__debug__): pass",
    "lambda __debug__: 1", "def f[__debug__](): pass", "type __debug__ = int",
    "global __debug__", "with a as __debug__: pass", "for __debug__ in x: pass",
    "[1 for __debug__ in x]", "print(__debug__)", "x[__debug__] = 1", "import __debug__.a",
    "def f(__debug__=1): pass", "async def __debug__(): pass", "lambda *__debug__: 1",
    "class C[__debug__]: pass", "def f[*__debug__](): pass", "def f[**__debug__](): pass",
    "__debug__, = 1", "import a.__debug__",
]
for c in cases:
    try:
        compile(c, "<s>", "exec")
        print(repr(c), "compiles")
    except SyntaxError as e:
        print(repr(c), "|", e.msg, e.lineno, e.offset, e.end_lineno, e.end_offset)
