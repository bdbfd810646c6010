# PEP 695/696 compile-time errors: messages and positions as CPython 3.14's.
cases = [
    "def f[T, T](): pass",
    "def f[T=int, U](): pass",
    "class C[T, *T]: pass",
    "type X[T, **T] = int",
    "def f[T: (yield)](): pass",
    "type X = (yield)",
    "def f[T = (x := 1)](): pass",
    "class C[T: (x:=3)]: pass",
    "class C[T: (int, (yield))]: pass",
    "def f[*Ts = (yield)](): pass",
    "def f[**P = (yield from x)](): pass",
    "type X[T] = (yield)",
    "def f():\n    type X = (a := 1)\n",
]
for src in cases:
    try:
        compile(src, "<case>", "exec")
        print("compiled:", src)
    except SyntaxError as e:
        print(repr(src), "->", e.msg, e.lineno, e.offset, e.end_offset)

# Allowed: a lambda is its own scope; type parameters shadow outer names.
type L = lambda: (yield)
T = "outer"
def f[T](x: T) -> T:
    return T
print(f(1), T)
