# heapq.nsmallest / heapq.nlargest: key=, n <= 0, n == 1, n >= len, iterators,
# stability of equal items (same as sorted()), and error cases.
import heapq


def show(label, f, *args, **kwargs):
    try:
        print(label, repr(f(*args, **kwargs)))
    except Exception as e:
        print(label, type(e).__name__, e)


class Rng:
    def __init__(self, seed):
        self.state = seed

    def below(self, n):
        self.state = (self.state * 1103515245 + 12345) % 2147483648
        return (self.state >> 8) % n


data = [7, 2, 9, 4, 2, 8, 1, 9, 3, 5]
for n in [-3, -1, 0, 1, 2, 3, 5, 9, 10, 11, 100]:
    print(n, heapq.nsmallest(n, data), heapq.nlargest(n, data))
    print(n, heapq.nsmallest(n, iter(data)), heapq.nlargest(n, iter(data)))
    print(n, heapq.nsmallest(n, data, key=lambda v: -v), heapq.nlargest(n, data, key=lambda v: v % 4))

# Empty inputs, sized and not.
for n in [-1, 0, 1, 2]:
    print('empty', n, heapq.nsmallest(n, []), heapq.nlargest(n, ()),
          heapq.nsmallest(n, iter([])), heapq.nlargest(n, iter([]), key=abs))

# Generators, strings, sets, dict keys, ranges.
print(heapq.nsmallest(3, (x * x % 17 for x in range(20))))
print(heapq.nlargest(3, (x * x % 17 for x in range(20))))
print(heapq.nsmallest(2, 'heapq'), heapq.nlargest(2, 'heapq'))
print(heapq.nsmallest(3, {5, 3, 11, 1}), heapq.nlargest(2, {5, 3, 11, 1}))
print(heapq.nsmallest(2, {'b': 1, 'a': 2, 'c': 0}), heapq.nlargest(2, {'b': 1, 'a': 2, 'c': 0}))
d = {'b': 1, 'a': 2, 'c': 0}
print(heapq.nsmallest(2, d, key=d.get), heapq.nlargest(2, d, key=d.get))
print(heapq.nsmallest(4, range(100, 0, -7)), heapq.nlargest(4, range(100, 0, -7)))
words = ['pear', 'fig', 'banana', 'kiwi', 'apple', 'plum', 'date', 'cherry']
print(heapq.nsmallest(3, words, key=len), heapq.nlargest(3, words, key=len))
print(heapq.nsmallest(1, words, key=len), heapq.nlargest(1, words, key=len))
print(heapq.nsmallest(3, iter(words), key=len), heapq.nlargest(3, iter(words), key=len))
print(heapq.nsmallest(n=2, iterable=words), heapq.nlargest(iterable=words, n=2, key=str.upper))


# Stability: equal keys keep their input order, exactly as in sorted().
class Rec:
    def __init__(self, k, tag):
        self.k = k
        self.tag = tag

    def __repr__(self):
        return '%s%d' % (self.tag, self.k)


rng = Rng(2024)
recs = [Rec(rng.below(5), 'r%d_' % i) for i in range(30)]
kf = lambda r: r.k
for n in [1, 2, 3, 7, 29, 30, 31]:
    a = heapq.nsmallest(n, recs, key=kf)
    b = heapq.nlargest(n, recs, key=kf)
    ai = heapq.nsmallest(n, iter(recs), key=kf)
    bi = heapq.nlargest(n, iter(recs), key=kf)
    same = (a == ai == sorted(recs, key=kf)[:n]
            and b == bi == sorted(recs, key=kf, reverse=True)[:n])
    print(n, same, a[:5], b[:5])


# Items that compare equal without key (only __lt__ defined).
# (Comparisons are not counted here: the final sort of the candidates is
# list.sort, whose comparison sequence is not what this test is about.)
class Lt:
    def __init__(self, k, tag):
        self.k = k
        self.tag = tag

    def __lt__(self, other):
        return self.k < other.k

    def __repr__(self):
        return '%d%s' % (self.k, self.tag)


objs = [Lt(k, t) for k, t in zip([3, 1, 3, 2, 1, 3, 2, 1], 'abcdefgh')]
for n in [1, 2, 3, 4, 8]:
    s = heapq.nsmallest(n, iter(objs))
    g = heapq.nlargest(n, iter(objs))
    print(n, s, g, heapq.nsmallest(n, objs), heapq.nlargest(n, objs))

# Larger pseudo-random check against sorted().
rng = Rng(5)
big = [rng.below(1000) for _ in range(2000)]
ok = True
for n in [0, 1, 2, 10, 100, 1999, 2000, 2001]:
    if heapq.nsmallest(n, iter(big)) != sorted(big)[:max(n, 0)]:
        ok = False
    if heapq.nlargest(n, iter(big)) != sorted(big, reverse=True)[:max(n, 0)]:
        ok = False
    if heapq.nsmallest(n, big, key=lambda v: v % 97) != sorted(big, key=lambda v: v % 97)[:max(n, 0)]:
        ok = False
    if heapq.nlargest(n, big, key=lambda v: v % 97) != sorted(big, key=lambda v: v % 97, reverse=True)[:max(n, 0)]:
        ok = False
print('random ok', ok)
print(heapq.nsmallest(5, big), heapq.nlargest(5, big))


# The key is called exactly once per item.
calls = []
def logkey(v):
    calls.append(v)
    return -v
print(heapq.nsmallest(2, iter([4, 1, 3, 5, 2]), key=logkey), calls)
calls.clear()
print(heapq.nlargest(2, [4, 1, 3, 5, 2], key=logkey), calls)

# Errors.
show('none iterable', heapq.nsmallest, 2, None)
show('none iterable large', heapq.nlargest, 2, None)
show('int iterable', heapq.nlargest, 3, 5)
show('n None', heapq.nlargest, None, [1, 2])
show('n float', heapq.nsmallest, 2.5, [3, 1, 2, 6, 5])
show('n float iter', heapq.nlargest, 2.0, iter([3, 1, 2]))
show('n float one', heapq.nsmallest, 1.0, [3, 1, 2])
show('bad key', heapq.nsmallest, 2, iter([1, 2, 3]), key=1)
show('bad key n=1', heapq.nlargest, 1, [1, 2], key=1)
show('bad key sorted', heapq.nlargest, 5, [1, 2], key=1)
show('key raises', heapq.nsmallest, 2, iter([1, 0, 2]), key=lambda v: 1 // v)
show('unorderable', heapq.nsmallest, 2, iter([1, None, 3]))
show('unorderable sorted', heapq.nlargest, 5, [1, 'x'])
show('unorderable one', heapq.nsmallest, 1, [1, 'x'])
