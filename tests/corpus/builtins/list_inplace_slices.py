# In-place list operations and slices: the same list on both sides, extended slices,
# negative steps, sizes that do not fit, MemoryError for an impossible repeat, and a list
# modified by a sort key.
a = [1, 2, 3]
b = a
a += a
print(a, b is a)
a += (4, 5)
a += iter([6])
a += {7: 'x'}
print(a)
a *= 2
print(len(a), a[:4])
a *= 0
print(a, b)

c = list(range(10))
c[::2] = c[1::2]
print(c)
c[::-3] = ['a', 'b', 'c', 'd']
print(c)
try:
    c[::2] = [1, 2]
except ValueError as e:
    print("ValueError:", e)
c[2:5] = c
print(c)
c[:] = []
print(c)

d = list(range(12))
del d[::-4]
print(d)
del d[1:-1:3]
print(d)
del d[100:]
del d[-100:1]
print(d)
print(d[::-1], d[-2::-2], d[5:1:-1], d[-100:100:7])

for n in (10**20, 2**62):
    try:
        [1, 2] * n
    except (MemoryError, OverflowError) as e:
        print(type(e).__name__)
    try:
        x = [1, 2]
        x *= n
    except (MemoryError, OverflowError) as e:
        print(type(e).__name__)

s = [3, 1, 2]

def key(v):
    s.append(v)
    return v

try:
    s.sort(key=key)
except ValueError as e:
    print("ValueError:", e)
print(s)

e = [5, 1, 4]
e.extend(e)
print(e, e + e, e == e + [], e < e + [0])
f = [0, 1, 2, 3]
print(f.pop(-4), f.pop(), f)
for bad in (5, -5):
    try:
        f.pop(bad)
    except IndexError as ex:
        print("IndexError:", ex)
f.insert(-100, 'start')
f.insert(100, 'end')
print(f)
