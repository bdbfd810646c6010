# Wrong argument counts and names are TypeErrors; print their messages.
def two(a, b):
    return a + b

def defaults(a, b=1, c=2):
    return a + b + c

def kwonly(a, *, key):
    return a, key

def posonly(a, /, b):
    return a, b

def noargs():
    return "none"

def varargs(a, *rest):
    return a, rest

ident = lambda x: x
zero = lambda: 0

cases = [
    ("two(1)", lambda: two(1)),
    ("two()", lambda: two()),
    ("two(1, 2, 3)", lambda: two(1, 2, 3)),
    ("two(1, b=2, c=3)", lambda: two(1, b=2, c=3)),
    ("two(1, a=1)", lambda: two(1, a=1)),
    ("defaults()", lambda: defaults()),
    ("defaults(1, 2, 3, 4)", lambda: defaults(1, 2, 3, 4)),
    ("defaults(1, d=4)", lambda: defaults(1, d=4)),
    ("kwonly(1)", lambda: kwonly(1)),
    ("kwonly(1, 2)", lambda: kwonly(1, 2)),
    ("kwonly(1, key=2, other=3)", lambda: kwonly(1, key=2, other=3)),
    ("posonly(a=1, b=2)", lambda: posonly(a=1, b=2)),
    ("posonly(1)", lambda: posonly(1)),
    ("noargs(1)", lambda: noargs(1)),
    ("noargs(x=1)", lambda: noargs(x=1)),
    ("varargs()", lambda: varargs()),
    ("varargs(1, 2, a=3)", lambda: varargs(1, 2, a=3)),
    ("ident()", lambda: ident()),
    ("zero(1, 2)", lambda: zero(1, 2)),
]

for text, call in cases:
    try:
        result = call()
        print(text, "->", result)
    except TypeError as e:
        print(text, "-> TypeError:", e)

# missing several arguments
def three(x, y, z):
    return x * y * z

for args in [(), (1,), (1, 2)]:
    try:
        three(*args)
    except TypeError as e:
        print(len(args), "args -> TypeError:", e)

def kw3(*, p, q, r):
    return p + q + r

try:
    kw3(q=1)
except TypeError as e:
    print("TypeError:", e)

# correct calls still work after the errors
print(two(1, 2), defaults(1), kwonly(1, key="k"), posonly(1, b=2), noargs(), varargs(1, 2, 3), three(2, 3, 4))

# calling a non-callable
for obj in [1, "str", None, [1]]:
    try:
        obj()
    except TypeError as e:
        print("TypeError:", e)
