# heapq.merge: plain, key=, reverse=, empty inputs, stability across inputs,
# laziness (inputs are pulled only as needed) and error cases.
import heapq


def show(label, f, *args, **kwargs):
    try:
        print(label, repr(f(*args, **kwargs)))
    except Exception as e:
        print(label, type(e).__name__, e)


print(list(heapq.merge()))
print(list(heapq.merge([])))
print(list(heapq.merge([], [], [])))
print(list(heapq.merge([1, 2, 3])))
print(list(heapq.merge([1, 3, 5, 7], [0, 2, 4, 8], [5, 10, 15, 20], [], [25])))
print(list(heapq.merge([1, 1, 2], [1, 2, 2], [0, 3])))
print(list(heapq.merge('adg', 'beh', 'cfi')))
print(list(heapq.merge(iter([1, 4]), (2, 5), range(3, 7, 3))))
print(list(heapq.merge([9, 5, 1], [8, 6, 2], [7], reverse=True)))
print(list(heapq.merge([], [3, 2, 1], [], reverse=True)))
print(list(heapq.merge(['a', 'bb', 'cccc'], ['dd', 'eee'], ['f', 'ggggg'], key=len)))
print(list(heapq.merge(['cccc', 'bb', 'a'], ['eee', 'dd'], ['ggggg', 'f'], key=len, reverse=True)))
print(list(heapq.merge([1, 2], [3], key=None, reverse=False)))
print(list(heapq.merge([-1, 2, -3], [1, -2, 4], key=abs)))
print(list(heapq.merge([5], [], key=abs)))

g = heapq.merge([1, 3], [2])
print(type(g).__name__, iter(g) is g)
print(next(g), next(g), next(g))
show('exhausted', next, g)


# Stability: equal items come out in the order of the inputs they came from,
# both ascending and descending, with and without key.
class Tag:
    def __init__(self, k, tag):
        self.k = k
        self.tag = tag

    def __lt__(self, other):
        return self.k < other.k

    def __eq__(self, other):
        return self.k == other.k

    def __repr__(self):
        return '%d%s' % (self.k, self.tag)


a = [Tag(1, 'a'), Tag(2, 'a'), Tag(2, 'a'), Tag(3, 'a')]
b = [Tag(1, 'b'), Tag(2, 'b'), Tag(3, 'b')]
c = [Tag(0, 'c'), Tag(2, 'c'), Tag(3, 'c'), Tag(3, 'c')]
print(list(heapq.merge(a, b, c)))
print(list(heapq.merge(c, b, a)))
print(list(heapq.merge(a[::-1], b[::-1], c[::-1], reverse=True)))
pairs1 = [(1, 'x1'), (3, 'x3'), (3, 'x3b')]
pairs2 = [(0, 'y0'), (3, 'y3'), (4, 'y4')]
first = lambda p: p[0]
print(list(heapq.merge(pairs1, pairs2, key=first)))
print(list(heapq.merge(pairs2, pairs1, key=first)))
print(list(heapq.merge(pairs1[::-1], pairs2[::-1], key=first, reverse=True)))

# A larger merge against sorted().
streams = [list(range(s, 400, 7 + s)) for s in range(6)]
flat = [v for s in streams for v in s]
print(list(heapq.merge(*streams)) == sorted(flat), len(flat))
print(list(heapq.merge(*[s[::-1] for s in streams], reverse=True)) == sorted(flat, reverse=True))
print(list(heapq.merge(*streams, key=lambda v: v // 10)) == sorted(flat, key=lambda v: v // 10))

# Laziness: nothing is read before the first next(), and then only as needed.
log = []


def source(name, values):
    for v in values:
        log.append('%s%d' % (name, v))
        yield v
    log.append(name + '-end')


m = heapq.merge(source('A', [1, 4, 5]), source('B', [2, 3, 6]))
print('created', log)
print(next(m), log)
print(next(m), log)
print(next(m), log)
print(list(m), log)

log.clear()
m = heapq.merge(source('A', [3, 2]), source('B', [4, 1]), key=lambda v: -v)
print(list(m), log)

# Partial consumption then abandon.
log.clear()
m = heapq.merge(source('A', [1, 2, 3]), source('B', [10]))
print(next(m), next(m), log)
m.close()
print('closed', log)

# The key is called once per item.
calls = []


def k(v):
    calls.append(v)
    return v


print(list(heapq.merge([1, 3], [2, 4], key=k)), calls)

# Errors.
show('non-iterable', lambda: list(heapq.merge([1], 5)))
show('non-iterable first', lambda: list(heapq.merge(None)))
show('unorderable', lambda: list(heapq.merge([1], ['a'])))
show('bad key', lambda: list(heapq.merge([1], [2], key=3)))


def broken():
    yield 1
    raise ValueError('source failed')


show('source error', lambda: list(heapq.merge(broken(), [0, 5])))
g = heapq.merge([1, 2], [0, 3])
print('merge object ok', next(g))
