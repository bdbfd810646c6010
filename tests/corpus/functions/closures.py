# Closures: counters with nonlocal, late binding in loops.
def make_counter(start=0):
    count = start
    def inc():
        nonlocal count
        count += 1
        return count
    def get():
        return count
    return inc, get

inc, get = make_counter()
inc(); inc()
print(get(), inc(), get())
inc2, get2 = make_counter(100)
print(inc2(), get(), get2())

def make_adder(n):
    def add(x):
        return x + n
    return add

add5 = make_adder(5)
add10 = make_adder(10)
print(add5(1), add10(1), make_adder(-1)(1))

# late binding: all closures see the final value
funcs = []
for i in range(4):
    funcs.append(lambda: i)
print([fn() for fn in funcs])

# fix with default arguments
funcs = []
for i in range(4):
    funcs.append(lambda i=i: i)
print([fn() for fn in funcs])

# fix with a factory
def factory(v):
    return lambda: v * v
print([factory(i)() for i in range(4)])

# closures in comprehensions are also late-bound
lams = [lambda: k for k in range(3)]
print([f() for f in lams])

# closure over a mutable object
def make_accumulator():
    items = []
    def add(x):
        items.append(x)
        return list(items)
    return add

acc = make_accumulator()
acc(1)
acc("two")
print(acc(3.0))

# closure variable changed after closure creation
def outer():
    x = 1
    def show():
        return x
    x = 2
    return show

print(outer()())

# closures sharing a cell
def pair():
    value = 0
    def setter(v):
        nonlocal value
        value = v
    def getter():
        return value
    return setter, getter

s, g = pair()
s(42)
print(g())
s("changed")
print(g())

# memoize with closure
def memoize(fn):
    cache = {}
    def wrapped(n):
        if n not in cache:
            cache[n] = fn(n)
        return cache[n]
    return wrapped

@memoize
def slow_square(n):
    print("  computing", n)
    return n * n

print(slow_square(4), slow_square(4), slow_square(5))

# generator of closures
def multipliers():
    return [lambda x, m=m: x * m for m in range(1, 4)]
print([m(10) for m in multipliers()])
