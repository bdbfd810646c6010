# *args, keyword-only parameters and **kwargs.
def total(*args):
    print("  args =", args, type(args).__name__)
    return sum(args)

print(total(), total(1), total(1, 2, 3))

def show(first, *rest, sep=", ", **options):
    text = sep.join(str(x) for x in (first,) + rest)
    opts = ", ".join(k + "=" + repr(v) for k, v in options.items())
    return text + " | " + opts

print(show(1))
print(show(1, 2, 3, sep="-"))
print(show("a", "b", color="red", size=3))
print(show("x", sep="/", z=1, a=2))

def kwonly(a, *, b, c=3):
    return a, b, c

print(kwonly(1, b=2), kwonly(1, c=4, b=5))
try:
    kwonly(1, 2)
except TypeError as e:
    print("TypeError:", e)
try:
    kwonly(1)
except TypeError as e:
    print("TypeError:", e)

def kwargs_only(**kw):
    return kw

print(kwargs_only(), kwargs_only(a=1, b=2), kwargs_only(**{"x": 10}, y=20))
result = kwargs_only(z=1, a=2, m=3)
print(list(result), type(result).__name__)

def everything(a, b=2, *args, c, d=4, **kw):
    return f"a={a} b={b} args={args} c={c} d={d} kw={kw}"

print(everything(1, c=3))
print(everything(1, 20, 30, 40, c=3, e=5))
print(everything(a=1, c=3, d=0, z=9))

# forwarding wrappers
def wrapper(*args, **kwargs):
    print("  forwarding", args, kwargs)
    return everything(*args, **kwargs)

print(wrapper(7, 8, 9, c="C", extra=True))

# args tuple is a fresh tuple
def capture(*args):
    return args

t = capture(1, 2)
print(t, capture(*t) == t, capture(*[]))

# max-like function with varargs and a key
def biggest(*values, key=None):
    best = None
    for v in values:
        score = key(v) if key else v
        if best is None or score > best[0]:
            best = (score, v)
    return best[1] if best else None

print(biggest(3, 9, 2), biggest("pear", "fig", "banana", key=len), biggest())
