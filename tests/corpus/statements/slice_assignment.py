# Subscript and slice assignment, extended slices and slice deletion.
a = list(range(10))
a[0] = "zero"
a[-1] = "nine"
print(a)
a = list(range(10))
a[2:5] = ["x", "y", "z"]
print(a)
a[2:5] = []
print(a)
a[1:1] = ["ins1", "ins2"]
print(a)
a[:2] = "AB"
print(a)
a[-2:] = [100]
print(a)
a[3:] = range(3)
print(a)
a[:] = [7, 8, 9]
print(a)
a[len(a):] = [10, 11]
print(a)
a[:0] = [0]
print(a)
a[10:20] = ["far"]
print(a)
a[4:2] = ["odd"]
print(a)

# extended slices require equal length
b = list(range(10))
b[::2] = ["e"] * 5
print(b)
b[1::2] = "ABCDE"
print(b)
b[::-3] = [-1, -2, -3, -4]
print(b)
try:
    b[::2] = [1, 2]
except ValueError as e:
    print("ValueError:", e)
c = list(range(6))
c[::1] = [9]
print(c)

# slice deletion
d = list(range(12))
del d[::3]
print(d)
del d[1:3]
print(d)
del d[-2:]
print(d)
del d[::-2]
print(d)
del d[:]
print(d)
e = list(range(10))
del e[5:100], e[0]
print(e)

# slice assignment through an alias keeps identity
f = [1, 2, 3]
g = f
f[:] = [4, 5]
print(f, g, f is g)

# bytes-like sequences of ints in nested lists
grid = [[0] * 4 for _ in range(3)]
grid[1][1:3] = [5, 6]
grid[2][::3] = [7, 8]
print(grid)

# slice assignment from a generator and from itself
h = [1, 2, 3, 4]
h[1:3] = (x * 10 for x in range(4))
print(h)
h[:2] = h
print(h)
