# Default parameter values: evaluated once, mutable defaults.
def greet(name, greeting="Hello", punct="!"):
    return greeting + ", " + name + punct

print(greet("Ann"), greet("Bob", "Hi"), greet("Cy", punct="?"), greet(greeting="Yo", name="Di"))

calls = []
def default_value():
    calls.append("evaluated")
    return 10

def uses_default(x=default_value()):
    return x

print(calls)
print(uses_default(), uses_default(), uses_default(5), calls)

# mutable default shared between calls
def append_to(item, target=[]):
    target.append(item)
    return target

print(append_to(1))
print(append_to(2))
print(append_to(3, []))
print(append_to(4))

# the usual fix with None
def append_safe(item, target=None):
    if target is None:
        target = []
    target.append(item)
    return target

print(append_safe(1), append_safe(2))

# default captured at definition time
base = 100
def add_base(x, b=base):
    return x + b
base = 200
print(add_base(1), add_base(1, base))

# defaults referencing earlier definitions
def power(x, exp=2, mod=None):
    r = x ** exp
    return r if mod is None else r % mod

print(power(3), power(3, 3), power(3, mod=5), power(2, 10, 1000))

# counting calls via a mutable default dict
def memo_fib(n, cache={0: 0, 1: 1}):
    if n not in cache:
        cache[n] = memo_fib(n - 1) + memo_fib(n - 2)
    return cache[n]

print(memo_fib(50), memo_fib(90))

# defaults with keyword arguments in any order
def box(width=1, height=2, depth=3):
    return (width, height, depth, width * height * depth)

print(box(), box(4), box(depth=10), box(height=5, width=2), box(1, 1, 1))
