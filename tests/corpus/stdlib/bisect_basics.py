# bisect: bisect_left/bisect_right/bisect and insort_left/insort_right/insort
# with lo, hi and key=, custom sequences, argument conversion and error cases.
import bisect


def show(label, f, *args, **kwargs):
    try:
        print(label, repr(f(*args, **kwargs)))
    except Exception as e:
        print(label, type(e).__name__, e)


print(bisect.bisect is bisect.bisect_right, bisect.insort is bisect.insort_right)
print(bisect.bisect.__name__, bisect.insort.__name__)

a = [1, 2, 2, 2, 3, 5, 8, 8, 13]
for x in [0, 1, 2, 3, 4, 5, 8, 9, 13, 14, 1.5, 2.0, 8.0]:
    print(x, bisect.bisect_left(a, x), bisect.bisect_right(a, x), bisect.bisect(a, x))

# Empty and single-element sequences.
for seq in [[], [5], (5,), [5, 5]]:
    print(seq, [(bisect.bisect_left(seq, x), bisect.bisect_right(seq, x)) for x in (4, 5, 6)])

# lo and hi, positional and by keyword.
for lo, hi in [(0, None), (2, None), (0, 4), (3, 6), (4, 4), (5, 3), (9, 9), (0, 0), (7, None)]:
    print('lo', lo, 'hi', hi, bisect.bisect_left(a, 2, lo, hi), bisect.bisect_right(a, 2, lo, hi),
          bisect.bisect_left(a, 8, lo=lo, hi=hi), bisect.bisect_right(a, 8, hi=hi, lo=lo))
print(bisect.bisect_left(a=a, x=3), bisect.bisect_right(x=3, a=a, hi=4))

# CPython quirks of the argument handling: hi=-1 means len(a); other negative hi
# give an empty range; bools and __index__ objects are accepted.
print('hi=-1', bisect.bisect_left(a, 8, 0, -1), bisect.bisect_right(a, 8, hi=-1))
print('hi=-2', bisect.bisect_left(a, 8, 0, -2), bisect.bisect_right(a, 8, 1, -5))
print('bools', bisect.bisect_left([1, 2, 3], 2, True), bisect.bisect_left([1, 2, 3], 3, False, True))


class Idx:
    def __init__(self, v):
        self.v = v

    def __index__(self):
        return self.v


print('index objs', bisect.bisect_left(a, 8, Idx(1), Idx(7)), bisect.bisect_right(a, 2, hi=Idx(2)))

# Strings, tuples and other orderable values.
print(bisect.bisect_left('acegi', 'd'), bisect.bisect_right('acegi', 'e'))
words = ['apple', 'banana', 'cherry', 'date']
print(bisect.bisect_left(words, 'banana'), bisect.bisect_right(words, 'banana'), bisect.bisect(words, 'c'))
recs = [(1, 'a'), (2, 'b'), (2, 'c'), (4, 'd')]
print(bisect.bisect_left(recs, (2,)), bisect.bisect_right(recs, (2, 'b')), bisect.bisect_right(recs, (2, 'z')))
print(bisect.bisect_left(range(0, 100, 5), 42), bisect.bisect_right(range(0, 100, 5), 45))

# key= (applied to the elements only).
people = [('ann', 19), ('bob', 25), ('cid', 25), ('dee', 31), ('eve', 40)]
age = lambda p: p[1]
for x in [18, 19, 25, 30, 40, 41]:
    print('key', x, bisect.bisect_left(people, x, key=age), bisect.bisect_right(people, x, key=age),
          bisect.bisect(people, x, 1, 4, key=age))
print(bisect.bisect_left(people, ('bob',), key=None), bisect.bisect_right([1, 2], 1, key=None))
print(bisect.bisect_left(['x', 'yy', 'zzz'], 2, key=len), bisect.bisect_right(['zzz', 'yy', 'x'], -2, key=lambda s: -len(s)))

# Grading example.
def grade(score, breakpoints=[60, 70, 80, 90], grades='FDCBA'):
    return grades[bisect.bisect(breakpoints, score)]


print([grade(s) for s in [33, 99, 77, 70, 89, 90, 100, 60, 59]])

# insort variants.
b = []
for v in [5, 1, 4, 1, 5, 9, 2, 6, 5, 3]:
    bisect.insort(b, v)
print(b)
b = []
for v in [5, 1, 4, 1, 5, 9, 2, 6, 5, 3]:
    bisect.insort_left(b, v)
print(b)
c = [10, 20, 30, 40, 50]
bisect.insort_left(c, 25, 0, 2)
print('insort with hi', c)
bisect.insort_right(c, 5, 3)
print('insort with lo', c)
bisect.insort(c, 60, hi=-1)
print('insort hi=-1', c)


class Tagged:
    def __init__(self, k, tag):
        self.k = k
        self.tag = tag

    def __lt__(self, other):
        return self.k < other.k

    def __repr__(self):
        return '%d%s' % (self.k, self.tag)


t = [Tagged(1, 'a'), Tagged(2, 'a'), Tagged(3, 'a')]
bisect.insort_left(t, Tagged(2, 'L'))
bisect.insort_right(t, Tagged(2, 'R'))
bisect.insort(t, Tagged(1, 'R'))
bisect.insort_left(t, Tagged(3, 'L'))
print(t)

# insort with key: key is applied to x as well.
people2 = list(people)
bisect.insort(people2, ('fay', 25), key=age)
bisect.insort_left(people2, ('gus', 25), key=age)
bisect.insort_right(people2, ('hal', 50), key=age)
bisect.insort_left(people2, ('ivy', 1), key=age)
print(people2)
seen = []


def logkey(v):
    seen.append(v)
    return v


d = [1, 3, 5, 7, 9, 11, 13]
bisect.insort(d, 6, key=logkey)
print(d, seen)
seen.clear()
print(bisect.bisect_left(d, 12, key=logkey), seen)
seen.clear()
print(bisect.bisect_right(d, 12, 2, 5, key=logkey), seen)

# Which elements are inspected (the midpoints) follows CPython.
class Probe:
    def __init__(self, data):
        self.data = data
        self.log = []

    def __len__(self):
        return len(self.data)

    def __getitem__(self, i):
        self.log.append(i)
        return self.data[i]

    def insert(self, i, v):
        self.log.append(('insert', i, v))
        self.data.insert(i, v)


p = Probe(list(range(0, 40, 2)))
print(bisect.bisect_left(p, 17), p.log)
p.log.clear()
print(bisect.bisect_right(p, 38, 3), p.log)
p.log.clear()
print(bisect.bisect_left(p, -1, hi=7), p.log)
p.log.clear()
bisect.insort(p, 13)
bisect.insort_left(p, 13, key=lambda v: v)
print(p.log, p.data[:10])


# A list subclass with its own insert is used through that insert.
class Noisy(list):
    def insert(self, i, v):
        print('Noisy.insert', i, v)
        list.insert(self, i, v)


n = Noisy([1, 5, 9])
bisect.insort(n, 6)
bisect.insort_left(n, 1)
print(n)

# A larger check against a brute-force search.
vals = sorted((i * 37) % 101 for i in range(150))
ok = True
for x in range(-2, 104):
    if bisect.bisect_left(vals, x) != sum(1 for v in vals if v < x):
        ok = False
    if bisect.bisect_right(vals, x) != sum(1 for v in vals if v <= x):
        ok = False
print('brute force ok', ok)

# Errors.
show('lo negative', bisect.bisect_left, [1, 2], 1, -1)
show('lo negative right', bisect.bisect_right, [1, 2], 1, lo=-5)
show('lo negative insort', bisect.insort, [1, 2], 3, -1)
show('lo negative insort_left', bisect.insort_left, [1, 2], 3, -1)
show('lo float', bisect.bisect_left, [1, 2, 3], 3, 1.0)
show('lo None', bisect.bisect_right, [1, 2, 3], 3, None)
show('lo str', bisect.bisect_left, [1], 1, 'x', 1.0)
show('hi float', bisect.bisect_right, [1, 2, 3], 3, 0, 2.0)
show('hi str', bisect.bisect_left, [1], 1, 0, 'x')
show('hi float lo negative', bisect.bisect_left, [1], 1, -1, 1.0)
show('hi too big', bisect.bisect_left, [1, 2, 3], 3, 0, 10)
show('hi too big tuple', bisect.bisect_left, (1, 2, 3), 2, 0, 10)
show('no len', bisect.bisect_left, 5, 3)
show('no len None', bisect.bisect_right, None, 3)
show('no len lo negative', bisect.bisect_left, 5, 3, -1)
show('insort tuple', bisect.insort, (1, 2), 3)
show('insort str', bisect.insort_left, 'ab', 'b')
show('unorderable', bisect.bisect_right, [1, 2, 'a'], 3)
show('unorderable left', bisect.bisect_left, [1, 2, 3], 'x')
show('unorderable key', bisect.bisect_left, [1, 2, 'a'], 3, key=lambda v: v)
show('bad key', bisect.bisect_left, [1, 2], 1, key=5)
show('bad key insort', bisect.insort, [1, 2], 1, key=5)
show('key raises', bisect.bisect_right, [1, 0, 2], 1, key=lambda v: 1 // v)
