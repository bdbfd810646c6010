# collections.deque: both ends, maxlen, rotation, indexing, iteration, comparisons, errors.
from collections import deque

d = deque([1, 2, 3])
d.append(4)
d.appendleft(0)
print(d, len(d), d[0], d[-1], d[2], 3 in d, 9 in d)
print(d.pop(), d.popleft(), d)
d.extend([7, 8])
d.extendleft([-1, -2])
print(d)
d.rotate(2)
print(d)
d.rotate(-3)
print(d)
d.rotate(0)
d.rotate(len(d) * 5 + 1)
print(d)

# bounded deques drop from the opposite end
m = deque(range(10), maxlen=3)
print(m, m.maxlen, deque().maxlen)
m.append(99)
print(m)
m.appendleft(5)
print(m)
m.extend("ab")
print(m, list(m), [x * 2 for x in m])
z = deque([1, 2], maxlen=0)
z.append(3)
print(z, len(z))

# indexing and mutation
d = deque("abcdef")
d[1] = "B"
del d[0]
d[-1] = "F"
print(d, d.count("c"), d.index("d"), d.index("c", 1))
d.insert(1, "ins")
d.insert(-1, "before-last")
d.insert(100, "end")
print(d)
d.remove("ins")
d.reverse()
print(d)
c = d.copy()
c.append("only in copy")
print(len(d), len(c), c[-1])
d.clear()
print(d, bool(d), bool(deque([0])), deque() == deque([]))

# iteration order, reversed, equality and ordering
q = deque()
for i in range(5):
    q.append(i * i)
print([x for x in q], list(q.__reversed__()), tuple(q))
print(deque([1, 2]) == deque([1, 2]), deque([1, 2]) != deque([2, 1]), deque([1]) == [1])
print(deque([1, 2]) < deque([1, 3]), deque([2]) > deque([1, 9]), deque("ab") <= deque("ab"))
print(deque("ab") + deque("cd"), deque("ab") * 2, 2 * deque([0]))
acc = deque([1])
acc += [2, 3]
acc += acc
print(acc)
acc *= 2
print(len(acc))

# a deque as a FIFO queue and a sliding window
tasks = deque(["parse", "compile", "run"])
while tasks:
    t = tasks.popleft()
    print("doing", t)
    if t == "compile":
        tasks.append("link")
window = deque(maxlen=3)
totals = []
for x in [5, 1, 4, 2, 8, 3]:
    window.append(x)
    s = 0
    for w in window:
        s += w
    totals += [s]
print(totals, window)

# nested repr and self-reference
n = deque([deque([1]), [2, deque()]])
print(n)
r = deque([1])
r.append(r)
print(r)

def show(f):
    try:
        f()
    except Exception as e:
        print(type(e).__name__ + ":", e)

show(lambda: deque().pop())
show(lambda: deque().popleft())
show(lambda: deque([1])[5])
show(lambda: deque([1])["a"])
show(lambda: deque([1]).index(7))
show(lambda: deque([1]).remove(7))
show(lambda: deque([1], maxlen=1).insert(0, 2))
show(lambda: deque([], -1))
show(lambda: deque(5))
show(lambda: deque([1]) + [1])
show(lambda: hash(deque()))
show(lambda: deque([1], 2, 3))
it = iter(deque([1, 2, 3]))
dd = deque([1, 2, 3])
it = iter(dd)
print(next(it))
dd.append(4)
show(lambda: next(it))
