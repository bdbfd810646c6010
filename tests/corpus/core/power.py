# The ** operator and three-argument pow.
print(2 ** 10, 2 ** 0, 0 ** 0, 0 ** 5, 1 ** 1000)
print((-2) ** 3, (-2) ** 2, -2 ** 2, (-1) ** 101)
print(2 ** -1, 2 ** -2, 10 ** -3, (-2) ** -3)
print(type(2 ** -1).__name__, type(2 ** 3).__name__)
print(2.0 ** 3, 2 ** 3.0, 4 ** 0.5, 8 ** (1 / 3))
print(0.0 ** 0, 0 ** 0.0, 1.5 ** 2, 2.5 ** -1)
print((-8.0) ** 3, (-2.0) ** -2)
print(2 ** 3 ** 2, (2 ** 3) ** 2)
print(10 ** 18, 10 ** 19, 7 ** 30)
print(float(2) ** 100)
print(2 ** 0.5 * 2 ** 0.5)

# pow builtin
print(pow(2, 10), pow(2, -1), pow(2.0, 3), pow(0, 0))
print(pow(3, 4, 5), pow(2, 100, 1000), pow(7, 0, 13), pow(5, 3, 1))
print(pow(-3, 3, 7), pow(3, 3, -7), pow(-3, 3, -7))
print(pow(3, -1, 7), pow(10, -2, 7), pow(38, -1, 97))
print(pow(2, 10 ** 6, 10 ** 9 + 7))
print(pow(123456789, 987654321, 10 ** 12 + 39))

# square and multiply by hand agrees with pow
def modpow(b, e, m):
    r = 1
    b %= m
    while e > 0:
        if e & 1:
            r = r * b % m
        b = b * b % m
        e >>= 1
    return r

for b, e, m in [(2, 100, 1000), (3, 200, 17), (12345, 6789, 101), (2, 2 ** 70, 10 ** 9 + 9)]:
    print(b, e, m, modpow(b, e, m), pow(b, e, m), modpow(b, e, m) == pow(b, e, m))

# powers in a loop
for e in range(-3, 4):
    print(e, 2 ** e, 3.0 ** e)

# big exponents
print(len(str(2 ** 10000)))
print(str(3 ** 1000)[-10:])
