# Python 3.14's traceback module marks the failing part of a line with carets (~~~^^^),
# locating it with ast.parse; unittest's failure reports print these tracebacks.
import traceback


def show(fn):
    try:
        fn()
    except Exception:
        for line in traceback.format_exc().splitlines():
            if not line.lstrip().startswith("File "):
                print(line)


def subscript():
    d = {"a": {"b": None}}
    return d["a"]["b"]["c"]


def binop():
    x, y = 1, 0
    return x / y + 1


def attribute():
    a = [1]
    return a[0].foo.bar


def call():
    def inner(v):
        return v.missing()
    return inner(1) + 2


for f in (subscript, binop, attribute, call):
    show(f)
