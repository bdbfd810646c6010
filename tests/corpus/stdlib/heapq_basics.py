# heapq: heappush/heappop/heapify/heapreplace/heappushpop (exact heap layouts,
# comparison counts, list subclasses), the private max-heap helpers, and error cases.
import heapq


def show(label, f, *args):
    try:
        print(label, repr(f(*args)))
    except Exception as e:
        print(label, type(e).__name__, e)


class Rng:
    # Small deterministic LCG so the test does not depend on the random module.
    def __init__(self, seed):
        self.state = seed

    def below(self, n):
        self.state = (self.state * 1103515245 + 12345) % 2147483648
        return (self.state >> 8) % n


def is_heap(h):
    return all(not h[i] < h[(i - 1) // 2] for i in range(1, len(h)))


print(sorted(heapq.__all__))

# heappush: the layout after every push.
h = []
for v in [5, 3, 8, 1, 9, 2, 7, 1, 6, 0, 4, 4]:
    heapq.heappush(h, v)
    print('push', v, h)

# heappop: the layout after every pop.
while h:
    v = heapq.heappop(h)
    print('pop', v, h)

# heapify on assorted inputs.
for data in [[], [1], [2, 1], [3, 2, 1], [9, 8, 7, 6, 5, 4, 3, 2, 1, 0],
             [1, 2, 3, 4, 5], [5, 5, 5, 1, 1, 1], list('heapqueue'),
             [3.5, -1, 2, 0.25, 10, -7]]:
    x = list(data)
    heapq.heapify(x)
    print('heapify', data, '->', x, is_heap(x))

# Heap sort through pops matches sorted(), on pseudo-random data of many sizes.
rng = Rng(12345)
ok = True
for size in range(0, 60):
    data = [rng.below(40) for _ in range(size)]
    x = list(data)
    heapq.heapify(x)
    if not is_heap(x):
        ok = False
    out = [heapq.heappop(x) for _ in range(size)]
    if out != sorted(data):
        ok = False
print('heapsort ok', ok)

# A larger heap, driven by a mixed sequence of operations; print a checksum of layouts.
rng = Rng(7)
h = []
check = 0
for step in range(3000):
    op = rng.below(4)
    v = rng.below(1000)
    if op == 0 or not h:
        heapq.heappush(h, v)
    elif op == 1:
        r = heapq.heappop(h)
        check = (check * 31 + r) % 1000000007
    elif op == 2:
        r = heapq.heapreplace(h, v)
        check = (check * 31 + r) % 1000000007
    else:
        r = heapq.heappushpop(h, v)
        check = (check * 31 + r) % 1000000007
    if step % 500 == 0:
        print('step', step, len(h), h[:8])
print('checksum', check, len(h), is_heap(h))
big = [rng.below(100000) for _ in range(5000)]
heapq.heapify(big)
print('big heapify', is_heap(big), big[:10], sum(i * v for i, v in enumerate(big)) % 1000003)

# heapreplace and heappushpop.
h = [1, 3, 2, 7, 4]
print('heapreplace', heapq.heapreplace(h, 0), h)
print('heapreplace', heapq.heapreplace(h, 10), h)
print('heappushpop small', heapq.heappushpop(h, -5), h)
print('heappushpop equal', heapq.heappushpop(h, h[0]), h)
print('heappushpop big', heapq.heappushpop(h, 6), h)
e = []
print('heappushpop empty', heapq.heappushpop(e, 42), e)

# Tuples as (priority, insertion count, payload).
tasks = []
count = 0
for prio, name in [(2, 'write'), (1, 'plan'), (3, 'test'), (1, 'coffee'), (2, 'review')]:
    heapq.heappush(tasks, (prio, count, name))
    count += 1
print([heapq.heappop(tasks)[2] for _ in range(len(tasks))])


# Objects that only define __lt__, counting comparisons: the exact number of
# comparisons (and who is compared with whom) follows CPython's algorithm.
class Item:
    calls = 0

    def __init__(self, v):
        self.v = v

    def __lt__(self, other):
        Item.calls += 1
        return self.v < other.v

    def __repr__(self):
        return 'I%d' % self.v


rng = Rng(99)
items = [Item(rng.below(50)) for _ in range(40)]
Item.calls = 0
heapq.heapify(items)
print('heapify calls', Item.calls, items[:6])
Item.calls = 0
for v in [3, 60, 25, 0]:
    heapq.heappush(items, Item(v))
print('push calls', Item.calls)
Item.calls = 0
popped = [heapq.heappop(items) for _ in range(10)]
print('pop calls', Item.calls, popped)
Item.calls = 0
print('replace', heapq.heapreplace(items, Item(30)), 'pushpop', heapq.heappushpop(items, Item(31)), Item.calls)


# Equal keys: which of several equal items a pop returns follows CPython.
class Tagged:
    def __init__(self, k, tag):
        self.k = k
        self.tag = tag

    def __lt__(self, other):
        return self.k < other.k

    def __repr__(self):
        return '%d%s' % (self.k, self.tag)


h = []
for i, k in enumerate([1, 1, 0, 1, 0, 1, 1, 0]):
    heapq.heappush(h, Tagged(k, 'abcdefgh'[i]))
print('ties', h)
print('ties popped', [heapq.heappop(h) for _ in range(len(h))])


# A list subclass is accepted and keeps its type.
class MyList(list):
    pass


m = MyList([4, 2, 6, 1])
heapq.heapify(m)
heapq.heappush(m, 0)
print(type(m).__name__, m, heapq.heappop(m), m)

# The private max-heap helpers.
mx = [1, 5, 3, 9, 2, 8]
heapq._heapify_max(mx)
print('max heap', mx)
print('max pop', heapq._heappop_max(mx), mx)
print('max replace', heapq._heapreplace_max(mx, 4), mx)
print('max drain', [heapq._heappop_max(mx) for _ in range(len(mx))])
s = [5, 1, 4]
heapq._siftdown(s, 0, 2)
print('siftdown', s)
s = [9, 1, 2, 3, 4]
heapq._siftup(s, 0)
print('siftup', s)

# Errors.
show('pop empty', heapq.heappop, [])
show('replace empty', heapq.heapreplace, [], 1)
show('max pop empty', heapq._heappop_max, [])
show('max replace empty', heapq._heapreplace_max, [], 1)
show('push tuple', heapq.heappush, (), 1)
show('push None', heapq.heappush, None, 1)
show('pop tuple', heapq.heappop, (1, 2))
show('pop dict', heapq.heappop, {})
show('heapify str', heapq.heapify, 'abc')
show('heapify tagged', heapq.heapify, Tagged(1, 'x'))
show('replace tuple', heapq.heapreplace, (1,), 1)
show('pushpop tuple', heapq.heappushpop, (1,), 1)
show('pushpop tuple empty', heapq.heappushpop, (), 1)
show('max heapify tuple', heapq._heapify_max, ())
show('max pop tuple', heapq._heappop_max, ())
show('max replace tuple', heapq._heapreplace_max, (), 1)
h = [1]
show('push unorderable', heapq.heappush, h, 'a')
print('after failed push', h)
h = [object(), object()]
show('heapify unorderable', heapq.heapify, h)
