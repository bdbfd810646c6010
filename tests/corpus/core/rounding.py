# round(), abs(), int() truncation, divmod.
print(round(0.5), round(1.5), round(2.5), round(3.5), round(-0.5), round(-1.5), round(-2.5))
print(round(0.4), round(0.6), round(-0.6), round(7), round(-7))
print(type(round(2.5)).__name__, type(round(2.5, 0)).__name__, type(round(7, 1)).__name__)
print(round(2.675, 2), round(1.005, 2), round(0.125, 2), round(0.375, 2))
print(round(3.14159, 3), round(3.14159, 0), round(-3.14159, 1), round(1e-10, 3))
print(round(1234.5678, -1), round(1234.5678, -2), round(1250.0, -2), round(1350.0, -2))
print(round(1234, -1), round(1235, -1), round(1245, -1), round(-1255, -1), round(15, -1), round(25, -1))
print(round(123456, -3), round(999, -3), round(499, -3), round(500, -3), round(1500, -3))
print(round(2 ** 70 + 5, -1), round(10 ** 20 + 50, -2))
print(round(5, 2), round(5.0, 2), round(-0.0), round(0.5 + 1e-9))
print(round(1e300, 2), round(123.456, 10))
for x in [0.05, 0.15, 0.25, 0.35, 0.45, 0.55, 0.65, 0.75, 0.85, 0.95]:
    print(x, round(x, 1), end="; ")
print()

# abs
print(abs(-5), abs(5), abs(-5.5), abs(0), abs(-0.0), abs(-(2 ** 100)), abs(True))
print(abs(float('-inf')), abs(-1e-300))

# int truncates toward zero
print(int(3.9), int(-3.9), int(0.999), int(-0.999), int(1e15 + 0.5))
print(int(2.5), int(-2.5), int(True), int("  -17  "))

# divmod
print(divmod(17, 5), divmod(-17, 5), divmod(17, -5), divmod(-17, -5))
print(divmod(17.5, 5), divmod(-17.5, 5), divmod(0, 7))
print(divmod(2 ** 100, 3 ** 30))
q, r = divmod(1000, 7)
print(q, r, q * 7 + r)

# rounding helper built on round
def money(v):
    return round(v, 2)

prices = [19.999, 5.005, 3.14159, 100.0, 0.004]
print([money(p) for p in prices])
print(sum(money(p) for p in prices))
