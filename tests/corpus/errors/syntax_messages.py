# CPython's SyntaxError messages for common mistakes (test_syntax's doctests): parameters,
# calls, assignment/deletion targets, annotations, imports.
cases = [
    "def f(*b,*d): pass", "def f(a,*,*b): pass", "def f(**a, **b): pass", "def f(*): pass",
    "def f(a, *, /): pass", "def f(a, /, /): pass", "def f(*a, /): pass",
    "def foo(/,a,b=,c): pass", "def f(*a=1): pass", "def f(**a=1): pass", "lambda *a=1: 1",
    "def f(a=1, b): pass", "lambda a=1, b: 1", "def f(**k, a): pass", "lambda **k, a: 1",
    "def f(**k, *a): pass", "f(x for x in y, 1)", "f(1, x for x in y)",
    "class C(x for x in y, 1): pass", "3 + not 3", "a = not 3 * not 2", "type A[] = int",
    "from t import x,", "from i import", "{1: *12+1}", "del f()", "del (a, f())",
    "(a, f()) += 1", "f() += 1", "(a, b): int", "[a]: int", "a, b: int", "f(): int",
    "with a as f(): pass", "for 1 in x: pass", "[x for f() in y]", "(f() := 1)",
    "(a.b := 1)", "import a as 1", "f(**a, *b)", "f(a=1, b)", "f(**a, b)", "x = yield = 1",
    "f() = 1", "1 = 1", "None = 1", "True = 1", "a + 1 = 2", "[a, b, c + 1] = [1, 2, 3]",
    "for a() in b: pass", "f'{x}' = 42", "yield = 1", "x = f() = 1", "(): int",
    "try:\n pass\nexcept TypeError:\n pass\nexcept* ValueError:\n pass",
    "A[:*b]", "raise X, Y", "del *x", "del [*x]", "del a, *b", "del (a, *b)",
]
for c in cases:
    try:
        compile(c, "<s>", "exec")
        print(repr(c), "compiles")
    except SyntaxError as e:
        print(repr(c), "|", e.msg)
# `import ... from` and a `*` without an expression (Grammar's invalid_import and
# invalid_starred_expression).
for c in ["import a, b from c", "import a.y.z, b.y.z from b.y.z", "import a,b,c from b as bar",
          "f(x, *)", "f(**x, *)", "f(x, *:)", "f(x = 5, *)", "A[*]", "A[*:]", "[*]", "(*)",
          "print(*)", "x = [1, *]", "f(*, x)", "{*}"]:
    try:
        compile(c, "<s>", "exec")
        print(repr(c), "compiles")
    except SyntaxError as e:
        print(repr(c), "|", e.msg, e.offset)
