# Unary operators and int / float / bool mixing.
x = 5
print(-x, +x, ~x, not x, -(-x), ~~x)
print(-0, +0, ~0, -0.0, +(-0.0), -(0.0))
print(-2.5, +2.5, -(-2.5), abs(-2.5))
print(-True, +True, ~True, -False, ~False, not True)
print(type(-True).__name__, type(+False).__name__)

# bool arithmetic
print(True + 1, True + True + True, False * 5, True - 2, True * 1.5)
print(sum([True, False, True, True]), True / 2, True // 2, True % 2)
print(True ** 2, 2 ** True, 10 * (3 > 2), "ab" * True + "cd" * False)

# int and float mixing
print(1 + 2.0, 3 * 0.5, 7 - 0.5, 10 / 4, 10 // 4.0, 2 ** 0.5 > 1)
print(type(1 + 2.0).__name__, type(3 * 2).__name__, type(6 / 3).__name__)
print(1 + True + 0.5, type(1 + True).__name__, type(True + 0.5).__name__)
print(0.1 + 0.2 == 0.3, abs(0.1 + 0.2 - 0.3) < 1e-9)
print(3 == 3.0, hash(3) == hash(3.0), type(3) is not type(3.0))
print(int(7.99), int(-7.99), float(7), 7 // 2.0, 7 % 2.5)
print(10 ** 15 + 0.5, 10 ** 16 + 0.5)
print(2 ** 63 * 1.0, 2 ** 64 + 0.0)

# unary on expressions
a = [1, -2, 3]
print([-v for v in a], [~v for v in a], [not v for v in a])
print(-a[1], -(a[0] + a[2]), -abs(a[1]))
print(- - - 1, not not 0, not not "x")

# negative zero behaviour
z = -0.0
print(z, z == 0, str(z), repr(-z), 0.0 * -1, -0.0 + 0.0)
print(round(-0.4), round(-0.4, 1), int(-0.0))

# augmented with unary
n = 3
n = -n
n -= -4
print(n)
n = ~n
print(n)
