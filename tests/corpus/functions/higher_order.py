# Functions as first-class values.
def apply(fn, *args):
    return fn(*args)

def square(x):
    return x * x

def cube(x):
    return x ** 3

print(apply(square, 5), apply(cube, 3), apply(max, 3, 9, 2), apply(len, "abcd"))

fns = [square, cube, abs, str]
print([f(-3) for f in fns])
print([f.__name__ for f in fns])

def compose(*funcs):
    def composed(x):
        for f in reversed(funcs):
            x = f(x)
        return x
    return composed

inc = lambda x: x + 1
print(compose(square, inc)(3), compose(inc, square)(3), compose()(7), compose(str, cube, inc)(1))

def make_multiplier(n):
    def mul(x):
        return x * n
    mul.__name__ = "times_" + str(n)
    return mul

triple = make_multiplier(3)
print(triple(7), triple.__name__, make_multiplier(2)("ab"))

# reduce implemented by hand
def reduce(fn, seq, initial):
    acc = initial
    for item in seq:
        acc = fn(acc, item)
    return acc

print(reduce(lambda a, b: a + b, range(10), 0), reduce(lambda a, b: a * b, range(1, 8), 1))
print(reduce(lambda acc, w: acc + [len(w)], ["a", "bb", "ccc"], []))

# dispatch dictionary of functions
def on_add(a, b):
    return a + b

def on_mul(a, b):
    return a * b

handlers = {"add": on_add, "mul": on_mul, "pow": pow}
for name in ["add", "mul", "pow"]:
    print(name, handlers[name](3, 4))

# functions stored in data structures and called later
callbacks = []
def on_event(fn):
    callbacks.append(fn)
    return fn

@on_event
def first(evt):
    return "first saw " + evt

@on_event
def second(evt):
    return "second saw " + evt.upper()

for cb in callbacks:
    print(cb("click"))

# functions returning multiple values and functions
def stats(values):
    n = len(values)
    mean = sum(values) / n
    def deviation(x):
        return x - mean
    return n, mean, deviation

count, mean, dev = stats([2, 4, 6, 8])
print(count, mean, [dev(v) for v in [2, 4, 6, 8]])

# map/filter/sorted with named functions
def is_vowel(c):
    return c in "aeiou"

print("".join(filter(is_vowel, "functional programming")))
print(list(map(square, filter(lambda n: n % 2, range(8)))))
print(sorted(["x", "yyy", "zz"], key=len), sorted([-3, 2, -1], key=abs))
print(callable(square), callable(3), callable(print), callable(lambda: 0))
