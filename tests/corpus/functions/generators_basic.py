# Generators: yield, next, StopIteration, infinite generators, next with default.
def countdown(n):
    print("  starting countdown")
    while n > 0:
        yield n
        n -= 1
    print("  countdown done")

gen = countdown(3)
print("created generator")
print(next(gen))
print(next(gen))
print(next(gen))
try:
    next(gen)
except StopIteration:
    print("StopIteration raised")
print(next(gen, "default after exhaustion"))

print(list(countdown(4)))
for v in countdown(2):
    print("loop got", v)

# infinite generator with break
def naturals():
    n = 0
    while True:
        yield n
        n += 1

squares = []
for n in naturals():
    if n * n > 50:
        break
    squares.append(n * n)
print(squares)

def fib():
    a, b = 0, 1
    while True:
        yield a
        a, b = b, a + b

f = fib()
print([next(f) for _ in range(15)])

# generator with return value stops iteration
def limited():
    yield 1
    yield 2
    return "done"

g = limited()
print(next(g), next(g))
try:
    next(g)
except StopIteration as e:
    print("StopIteration value:", e.value)

# generators are lazy
def noisy(items):
    for item in items:
        print("  producing", item)
        yield item

lazy = noisy([1, 2, 3])
print("nothing produced yet")
print(next(lazy))
print(sum(lazy))

# generator expressions
gexp = (x * x for x in range(5))
print(next(gexp), next(gexp), list(gexp), list(gexp))
print(sum(x for x in range(101)), max(len(w) for w in ["a", "abc", "ab"]))
print(any(x > 3 for x in [1, 2, 5]), all(x > 0 for x in [1, 2, -1]))

# iterators from iter()
it = iter([10, 20])
print(next(it), next(it), next(it, "end"), next(it, None))

# pipeline of generators
def evens(src):
    for x in src:
        if x % 2 == 0:
            yield x

def scaled(src, k):
    for x in src:
        yield x * k

pipeline = scaled(evens(range(10)), 3)
print(list(pipeline))

# enumerate/zip over generators
print(list(enumerate(countdown(2))), list(zip(fib(), "abcd")))
