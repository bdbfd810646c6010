# yield from with return value, send(), StopIteration.value.
def inner():
    x = yield "inner-1"
    print("  inner received", x)
    y = yield "inner-2"
    print("  inner received", y)
    return "inner-result"

def outer():
    result = yield from inner()
    print("  yield from returned", result)
    yield "outer-after"
    return "outer-result"

g = outer()
print(next(g))
print(g.send("A"))
print(g.send("B"))
try:
    g.send("C")
except StopIteration as e:
    print("StopIteration value:", e.value)

# yield from plain iterables
def chain(*iterables):
    for it in iterables:
        yield from it

print(list(chain([1, 2], "ab", range(3), (x * 10 for x in range(2)))))

# running averages with send
def averager():
    total = 0
    count = 0
    average = None
    while True:
        value = yield average
        total += value
        count += 1
        average = total / count

avg = averager()
next(avg)
for v in [10, 20, 30, 40]:
    print("sent", v, "average", avg.send(v))

# send(None) is equivalent to next
def echo():
    received = None
    while True:
        received = yield received

e = echo()
print(e.send(None), e.send("hello"), next(e), e.send(42))

# recursive generator with yield from
def walk(tree, depth=0):
    name, children = tree
    yield "  " * depth + name
    for child in children:
        yield from walk(child, depth + 1)

tree = ("root", [("a", [("a1", []), ("a2", [])]), ("b", [("b1", [("b1x", [])])])])
for line in walk(tree):
    print(line)

# collecting return values of sub-generators
def sub(n):
    for i in range(n):
        yield i
    return n * 100

def delegator():
    totals = []
    for n in [1, 2, 3]:
        r = yield from sub(n)
        totals.append(r)
    return totals

d = delegator()
items = []
while True:
    try:
        items.append(next(d))
    except StopIteration as stop:
        print("items", items, "returned", stop.value)
        break

# StopIteration from a return with no value
def empty():
    return
    yield

try:
    next(empty())
except StopIteration as e:
    print("empty generator value:", e.value)

# generator state after exhaustion
def two():
    yield 1
    yield 2

t = two()
print(list(t), list(t), next(t, "exhausted"))

# sending a non-None value to a just-started generator is an error
fresh = two()
try:
    fresh.send("x")
except TypeError as e:
    print("TypeError:", e)
