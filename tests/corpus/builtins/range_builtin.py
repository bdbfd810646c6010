# range() in detail: negative steps, len, indexing, membership.
print(list(range(5)), list(range(2, 5)), list(range(0, 10, 3)))
print(list(range(5, 0, -1)), list(range(5, -6, -2)), list(range(-1, -10, -4)))
print(list(range(0)), list(range(-3)), list(range(3, 3)), list(range(3, 0, 1)), list(range(0, 3, -1)))

cases = [range(10), range(1, 11), range(0, 10, 2), range(10, 0, -1), range(10, 0, -3), range(-5, 5, 5), range(7, -7, -7), range(0, 1), range(100, 0)]
for r in cases:
    print(r, len(r), list(r)[:4], r[0] if len(r) else None, r[-1] if len(r) else None, 5 in r, -5 in r)

r = range(3, 30, 4)
print([r[i] for i in range(len(r))], r[-2], r[2:5], r[::-1], r[::2], list(r[1:-1:3]))
try:
    r[100]
except IndexError as e:
    print("IndexError:", e)
try:
    range(1, 2, 0)
except ValueError as e:
    print("ValueError:", e)

print(r.index(11), r.count(11), r.count(12), 11 in r, 12 in r, 3.0 in r, "x" in r)
print(range(0, 6, 2) == range(0, 5, 2), range(2) == range(0, 2), range(0) == range(3, 1), range(1, 4) == [1, 2, 3])

big = range(0, 10 ** 18, 7)
print(len(big), big[10 ** 12], 7 * 10 ** 12 in big, 7 * 10 ** 12 + 1 in big, big[-1])

# iterating in reverse
print(list(reversed(range(1, 8, 2))), list(reversed(range(5, 0, -2))), list(reversed(range(0))))
print(sum(range(1, 101)), sum(range(0, 101, 2)), max(range(5)), min(range(5, 0, -1)))

# range in loops
total = 0
for i in range(10, 0, -2):
    total += i
print(total)
for i in range(3):
    for j in range(i, 3):
        print((i, j), end=" ")
print()
print([i for i in range(20) if i in range(5, 15, 3)])
print(list(zip(range(3), range(10, 0, -1))), list(enumerate(range(5, 8))))
print(tuple(range(4)), range(4)[1:3], list(map(lambda x: x * 2, range(4))))
