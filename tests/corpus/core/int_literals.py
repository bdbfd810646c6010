# Integer literals, basic arithmetic and the int type.
print(0, 7, -7, 1_000_000)
print(0x1F, 0o17, 0b1011, 0XFF, 0O777, 0B1)
print(0x_ff, 1_0, 0b_1010_1010)
print(type(7).__name__, type(-7).__name__)

a = 17
b = 5
print(a + b, a - b, a * b, a / b, a // b, a % b)
print(b - a, -a * b, a * -b)
print(a / 1, type(a / 1).__name__)
print(10 / 4, 10 / 5, 1 / 3)
print(2 ** 10, 2 ** 0, (-2) ** 3, (-2) ** 4)

# int results stay int
x = 3
x = x * 4 + 2
print(x, type(x).__name__)

# integers compare and hash by value
print(1 == 1, 1 != 2, 3 < 4, 4 <= 4, 5 > 6, 6 >= 7)
print(int() == 0, int(0) == 0)

# booleans are ints
print(True, False, type(True).__name__)
print(True + True, True * 10, False - 1, True / 2)
print(int(True), int(False), isinstance(True, int))
print(True == 1, False == 0, True is True)

# accumulate
total = 0
for i in range(1, 11):
    total += i
print("sum 1..10 =", total)

prod = 1
for i in range(1, 11):
    prod *= i
print("10! =", prod)

# negative literals and precedence
print(-2 ** 2, (-2) ** 2, -(2 ** 2))
print(2 + 3 * 4, (2 + 3) * 4, 2 * 3 ** 2, 100 // 7 % 3)
print(1 + 2 - 3 + 4 - 5, 2 * 3 // 4 * 5)
print(7 - -3, 7 + -3, - - 4)

# int() with various inputs
print(int(42), int(-0), int("123"), int("-45"), int("+6"))
print(int("1_000"), int("  7"))
