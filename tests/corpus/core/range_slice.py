# range objects and slice objects.
r = range(10)
print(r, list(r), len(r), r[0], r[-1], r[3], type(r).__name__)
print(range(2, 8), list(range(2, 8)), range(0, 20, 5), list(range(0, 20, 5)))
print(list(range(10, 0, -1)), list(range(10, 0, -3)), list(range(0, -10, -2)))
print(list(range(5, 5)), list(range(5, 0)), list(range(0, 5, -1)), len(range(5, 0)))
print(len(range(0, 10, 3)), len(range(10, 0, -3)), len(range(-5, 5)), len(range(0, 10 ** 12)))
print(range(0, 10, 3)[-1], range(10, 0, -3)[1], range(0, 10 ** 12)[10 ** 11])
print(5 in range(10), 10 in range(10), 4 in range(0, 10, 2), 5 in range(0, 10, 2), -3 in range(0, -10, -3))
print(range(10)[2:5], range(10)[::2], range(10)[::-1], list(range(10)[7:2:-2]))
print(range(0, 10, 2) == range(0, 9, 2), range(0) == range(5, 5), range(3) == range(0, 3, 1))
print(range(10).index(4), range(0, 10, 3).count(6), range(1, 7).start, range(1, 7).stop, range(1, 7).step)
print(sum(range(101)), max(range(-5, 3)), min(range(7, 2, -1)))
print(list(reversed(range(4))), list(enumerate(range(3, 6))))
print(tuple(range(3)), set(range(4)))

# slice objects
s = slice(1, 5)
print(s, s.start, s.stop, s.step)
print(slice(5), slice(None, None, -1), slice(1, 10, 2))
data = list(range(20))
print(data[s], data[slice(None, None, 3)], data[slice(-3, None)], data[slice(10, 2, -2)])
print("abcdefgh"[slice(2, 6)], (10, 20, 30, 40)[slice(1, None, 2)])
print(slice(1, 10, 2).indices(5), slice(None, None, -1).indices(4), slice(-100, 100).indices(7))
print(slice(1, 2) == slice(1, 2), slice(1, 2) == slice(1, 3))

# slicing syntax with all combinations
seq = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9]
for spec in [(None, None, None), (2, None, None), (None, 3, None), (2, 8, 2), (-3, None, None),
             (None, -3, None), (None, None, -1), (8, 2, -2), (-1, -6, -1), (100, None, None),
             (-100, 3, None), (3, 3, None), (5, 2, None), (None, None, 4), (1, None, -1)]:
    start, stop, step = spec
    print(spec, seq[start:stop:step], seq[slice(start, stop, step)] == seq[start:stop:step])

# ranges in loops with negative step
out = []
for i in range(20, -1, -5):
    out.append(i)
print(out)
countdown = [i for i in range(3, 0, -1)] + ["liftoff"]
print(countdown)
