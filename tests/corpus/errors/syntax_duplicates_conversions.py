# CPython 3.14's SyntaxErrors (message, line, columns) for duplicate parameters, the
# reserved type-parameter name, and f-/t-string conversion characters.
cases = [
    "def f(a, a): pass",
    "lambda a, a: 0",
    "def f(a, *, a): pass",
    "def f(a, /, b, *a): pass",
    "def f(a, **a): pass",
    "class C:\n    def f(self, __x, __x): pass",
    "def f[T, __classdict__](): pass",
    "class C[__classdict__]: pass",
    "type A[__classdict__] = int",
    "def f[T, T](): pass",
    "f'{x!}'",
    "f'{x!z}'",
    "f'{x!zz}'",
    "t'{x!zz}'",
    "t'{x!}'",
    "f'{x!r:>3}'",
    "t'{x!a}'",
]
for c in cases:
    try:
        compile(c, "<s>", "exec")
        print(repr(c), "compiles")
    except SyntaxError as e:
        print(repr(c), "->", e.msg, e.lineno, e.offset, e.end_offset)
