# ast.parse / compile(..., PyCF_ONLY_AST): CPython's node tree, fields and locations.
import ast

SOURCES = [
    "x = 1",
    "a, b = c\ndel a[0], b.x\n",
    "x: int = 5\ny: list[int]\n(z): int = 1\n",
    "x += 1; y **= 2; z @= w",
    "def f(a, /, b: int = 1, *args, c, d=2, **kw) -> None:\n    '''doc'''\n    return a\n",
    "async def g():\n    async with a as b, c:\n        await x\n    async for i in y:\n        yield i\n",
    "@dec\n@dec2(1)\nclass C(B, metaclass=M):\n    x = 1\n    def m(self): pass\n",
    "@property\n# comment\ndef h(): ...\n",
    "if a:\n    pass\nelif b:\n    x\nelif c:\n    y\nelse:\n    z\n",
    "while x:\n    break\nelse:\n    continue\n",
    "for i, j in k:\n    pass\nelse:\n    pass\n",
    "try:\n    a\nexcept E as e:\n    b\nexcept (F, G):\n    c\nelse:\n    d\nfinally:\n    e\n",
    "try:\n    a\nexcept* E:\n    b\n",
    "with open(f) as g, h:\n    pass\n",
    "import a.b as c, d\nfrom ..e import f as g, h\nfrom . import i\n",
    "global x, y\nnonlocal z\nassert x, 'msg'\nraise E from F\n",
    "lambda: 0\nlambda x, *y, z=1, **w: x\n",
    "a if b else c\nnot a and b or c\n-x + ~y - +z\na < b <= c is not d not in e\n",
    "[x for x in y if x if z]\n{x: y for x, y in z}\n{x for x in y}\n(x async for x in y)\n",
    "f(a, *b, c=d, **e)\nf(x for x in y)\nf((x for x in y))\n",
    "a[1:2, ::3]\na[b]\na.b.c\n*a, b = c\n",
    "{1: 2, **d}\n{1, 2}\n[]\n()\n(1,)\n",
    "'abc' 'def'\nu'x'\nb'y' b'z'\nr'\\n'\n1_000\n0x1F\n1.5e3\n2j\n10**100\n...\nNone\nTrue\n",
    "f'a{b!r:>{c}}d' 'e'\nf'{x=}'\nf'{x = !s}'\nf''\nf'{a}{b}'\n",
    "t'hello {name}'\n",
    "(y := 5)\n",
    "match p:\n    case 0 | 1:\n        pass\n    case [a, *rest]:\n        pass\n    case {'k': v, **kw}:\n        pass\n    case Point(x, y=0) as pt if pt:\n        pass\n    case None:\n        pass\n    case _:\n        pass\n",
    "type Alias[T: int = str, *Ts, **P] = list[T]\ndef f[T](x: T) -> T: pass\nclass C[T]: pass\n",
    "x = 'caf\u00e9'; y = 1\n",
]

for src in SOURCES:
    tree = ast.parse(src)
    print(ast.dump(tree, include_attributes=True))

print(ast.dump(ast.parse("1 + 2", mode="eval")))
print(ast.dump(ast.parse("x = 1", mode="single")))
print(ast.dump(ast.parse("(int, str) -> bool", mode="func_type")))
t = compile("x", "<s>", "exec", ast.PyCF_ONLY_AST)
print(type(t).__name__, type(compile(t, "<s>", "exec", ast.PyCF_ONLY_AST)).__name__)
# Shared context singletons, as CPython.
a = ast.parse("x; y")
print(a.body[0].value.ctx is a.body[1].value.ctx)
for bad in ["x = ", "def f(:\n", "(1 +"]:
    try:
        ast.parse(bad)
    except SyntaxError as e:
        print(type(e).__name__, e.msg, e.lineno, e.offset)
try:
    ast.parse("x\0")
except SyntaxError as e:
    print("null:", e.msg)
# optimize: CPython 3.14's AST optimizer (PyCF_OPTIMIZED_AST).
print(ast.dump(ast.parse("__debug__; 1 + 2", optimize=1)))
print(ast.dump(ast.parse("def f():\n    'doc'\n    return __debug__\n", optimize=2)))
print(ast.dump(compile("__debug__", "f", "eval", ast.PyCF_OPTIMIZED_AST, optimize=0)))
print(ast.dump(ast.parse("__debug__")))
