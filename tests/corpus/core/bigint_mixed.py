# Arithmetic mixing big ints (beyond 64 bits) with small ints, bools and floats, in both
# operand orders, including the results that fall back into the small range.
big = [2 ** 64, -(2 ** 64), 2 ** 63, -(2 ** 63) - 1, 3 ** 50, -(7 ** 40), 10 ** 30 + 7]
small = [0, 1, -1, 2, -3, 7, 1000, -(2 ** 62), 2 ** 63 - 1, True]
for a in big:
    for b in small:
        print(a + b, b + a, a - b, b - a, a * b, b * a, a & b, a | b, a ^ b, b & a)
        if b:
            print(a // b, a % b, b // a, b % a, divmod(a, b), a / b, b / a)
        print(a < b, b < a, a == b, a != -a, a >= b)
for a in big:
    for s in [0, 1, 3, 63, 64, 65, 100]:
        print(a << s, a >> s, (-a) >> s)
    print(a ** 2, a ** 3 % 1000007, (-1) ** (a % 2), abs(a), -a, ~a, +a, a.bit_length())
    print(a + 0.5, a * 1.5, a / 3.0, 1.0 - a, a == float(a), a < float(a) + 1e10)
x = 2 ** 64
print(x - 2 ** 64, x - x, x // x, x % x, type(x - x).__name__, x - 1 - (2 ** 64 - 1), (x * 5) // 5 == x)
print(-(2 ** 63) // -1, (-(2 ** 63)) % -1, -(-(2 ** 63)), (2 ** 63 - 1) + 1, -(2 ** 63) - 1, (2 ** 32) * (2 ** 32), (-(2 ** 32)) * (2 ** 31))
acc = 0
for i in range(200):
    acc = acc * 3 + i
print(acc, acc % 1000000007, acc // 10 ** 80, acc >> 300, acc & 0xFFFF)
fib_a, fib_b = 0, 1
for i in range(300):
    fib_a, fib_b = fib_b, fib_a + fib_b
print(fib_a, fib_b - fib_a, fib_a * fib_b % 999999937)
