# Comparison operators, chaining, membership and identity.
print(1 < 2, 2 < 1, 1 <= 1, 1 >= 2, 1 == 1.0, 1 != 1.0)
print(1 < 2 < 3, 1 < 3 < 2, 3 > 2 > 1, 1 == 1 == 1, 1 < 2 > 0)
print(0 <= 5 < 10, 0 <= 15 < 10, 1 < 2 < 3 < 4 < 5, 5 > 4 > 3 > 3)
x = 5
print(1 < x <= 5, 1 < x < 5, x == 5 != 6, x is not None)

calls = []
def v(n):
    calls.append(n)
    return n

# chained comparison evaluates middle operand once and short-circuits
print(v(1) < v(2) < v(3))
print(calls)
calls.clear()
print(v(3) < v(2) < v(1))
print(calls)

# mixed numeric types
print(1 == True, 0 == False, 2 == 2.0, 2 < 2.5, -1 < -0.5)
print(10 ** 20 < 1e21, 10 ** 20 == 1e20, 2 ** 53 + 1 > 2.0 ** 53)

# sequences compare lexicographically
print([1, 2, 3] < [1, 2, 4], [1, 2] < [1, 2, 0], [] < [0], [2] > [1, 9])
print((1, 2) == (1, 2), (1, 2) < (1, 3), (1, "a") < (1, "b"), () == ())
print("abc" < "abd", "abc" < "ab", "Z" < "a", "" < "a", "apple" == "apple")
print([1, [2, 3]] == [1, [2, 3]], (1, (2,)) < (1, (3,)))

# equality across types
print(1 == "1", [1] == (1,), None == 0, {} == [], "" == None)
print({1: 2} == {1: 2}, {1: 2, 3: 4} == {3: 4, 1: 2}, {1, 2} == {2, 1})

# membership
print(3 in [1, 2, 3], 4 in [1, 2, 3], 4 not in [1, 2, 3])
print("ell" in "hello", "x" not in "hello", "" in "abc")
print(2 in (1, 2), 1 in {1: "a"}, "a" in {1: "a"}, 5 in {5, 6}, 5 in range(10))
print(1.0 in [1, 2], True in [1], (1, 2) in [(1, 2), (3, 4)])

# identity
a = [1, 2]
b = a
c = [1, 2]
print(a is b, a is c, a == c, a is not c)
print(None is None, True is True, False is not True)
y = None
print(y is None, y is not None, type(y) is type(None))

# comparisons produce bools
r = 3 > 2
print(r, type(r).__name__)
print(sorted([3 > 2, 1 > 2, True, False]))
print(max(1, 2) == 2 < 3)
print(not 1 == 2, not (1 < 2 < 3))
