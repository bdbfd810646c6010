# Arbitrary precision integers.
print(2 ** 100)
print(2 ** 64, 2 ** 64 - 1, -(2 ** 63))
print(10 ** 30 + 1)
print(sum(i * i for i in range(10 ** 6)))
print(3 ** 200)

f = 1
for i in range(1, 51):
    f *= i
print("50! =", f)
print(len(str(f)))

a = 123456789012345678901234567890
b = 987654321098765432109876543210
print(a + b)
print(a - b)
print(a * b)
print(b // a, b % a)
print(-b // a, -b % a)
print(b // -a, b % -a)
print(divmod(b, a), divmod(-b, a))
print(a / b)
print(a == 123456789012345678901234567890, a < b, -a > -b)

# mixing small and big
print(2 ** 100 // 7, 2 ** 100 % 7, -(2 ** 100) // 7, -(2 ** 100) % 7)
print((2 ** 100) // -3, (2 ** 100) % -3)
print(2 ** 100 - 2 ** 100, type(2 ** 100 - 2 ** 100).__name__)
print((2 ** 100 + 5) - 2 ** 100)
print(2 ** 100 * 0, 2 ** 100 // 2 ** 99)

# big <-> float
print(float(2 ** 100), 2 ** 100 / 2 ** 98, 2 ** 100 == 2.0 ** 100)
print(int(1e30))

# string conversions
n = int("123456789" * 5)
print(n, n + 1)
print(int("-" + "9" * 40) - 1)
print(str(2 ** 200)[:20], len(str(2 ** 200)))

# fibonacci with big numbers
x, y = 0, 1
for _ in range(300):
    x, y = y, x + y
print("fib(300) =", x)

# powers of ten and comparisons
print(10 ** 20 > 10 ** 19, 10 ** 20 == 100000000000000000000)
print(abs(-(10 ** 25)), -(-(10 ** 25)))
print(max(2 ** 70, 3 ** 44), min(-(2 ** 70), -(3 ** 44)))
print(hex(2 ** 100), bin(2 ** 65), oct(2 ** 70))
print((2 ** 100).bit_length(), (2 ** 100 - 1).bit_length())
