# round, divmod, pow, abs, hex/oct/bin: edge cases, other types, and error messages.


def attempt(f):
    try:
        print("ok", repr(f()))
    except (ValueError, TypeError, OverflowError, ZeroDivisionError) as e:
        print(type(e).__name__ + ":", e)


# round: halves to even, on the exact binary value
print(round(0.5), round(1.5), round(2.5), round(-0.5), round(-1.5), round(-2.5), round(0.49999999999999994))
print(round(2.675, 2), round(1.005, 2), round(0.125, 2), round(0.375, 2), round(2.5e-5, 5), round(1.15, 1), round(1.25, 1))
print(round(1234.5678, -1), round(1234.5678, -2), round(1250.0, -2), round(1350.0, -2), round(-1250.0, -2), round(12345.6789, -4))
print(round(5e-324, 323), round(5e-324, 324), round(1e300, 2), round(1e308, -308), round(-1e-300, 5), round(123.456, 400), round(123.456, -400))
print(round(1234, -2), round(1250, -2), round(1350, -2), round(-1250, -2), round(5, 3), round(5, -1), round(15, -1), round(25, -1))
print(round(2 ** 80 + 12345, -4), round(-(10 ** 30) - 5 * 10 ** 9, -10), round(10 ** 20, -25), round(True), round(True, 2))
print(round(2.5, None), type(round(2.5)).__name__, type(round(2.5, 0)).__name__, type(round(7, 2)).__name__, round(-0.0), round(-0.0, 1))
print(round(float("inf"), 2), round(float("-inf"), -2), round(float("nan"), 1), round(number=2.5), round(3.14159, ndigits=3))
attempt(lambda: round(float("nan")))
attempt(lambda: round(float("inf")))
attempt(lambda: round(1.7e308, -308))
attempt(lambda: round("1.5"))
attempt(lambda: round(1.5, 1.0))
attempt(lambda: round([]))


class Money:
    def __init__(self, cents):
        self.cents = cents

    def __round__(self, n=None):
        return "Money.__round__(%r)" % (n,)

    def __abs__(self):
        return "Money.__abs__"

    def __divmod__(self, other):
        return "Money.__divmod__(%r)" % (other,)

    def __rdivmod__(self, other):
        return "Money.__rdivmod__(%r)" % (other,)

    def __pow__(self, e, m=None):
        return "Money.__pow__(%r, %r)" % (e, m)

    def __index__(self):
        return self.cents


m = Money(1234)
print(round(m), round(m, 1), abs(m), divmod(m, 3), divmod(3, m), pow(m, 2), pow(m, 2, 5), hex(m), bin(Money(5)), oct(m))

# abs
print(abs(-5), abs(5), abs(-0.0), abs(-2.5), abs(float("-inf")), abs(-(2 ** 63)), abs(-(2 ** 100)), abs(True), abs(False))
attempt(lambda: abs("x"))
attempt(lambda: abs(None))

# divmod: floor semantics, floats, big ints
for a, b in [(17, 5), (-17, 5), (17, -5), (-17, -5), (0, 3), (7, 7), (2 ** 70, 3), (-(2 ** 70), 3), (2 ** 70, -(3 ** 40)), (True, 2)]:
    q, r = divmod(a, b)
    print(a, b, q, r, q * b + r == a)
print(divmod(17.5, 5), divmod(-17.5, 5), divmod(17.5, -5), divmod(0.0, -3), divmod(-0.0, 3), divmod(5, 0.5), divmod(1e300, 1e-300)[1])
print(divmod(-5.5, float("inf")), divmod(5.5, float("inf")), divmod(7, 2.0), divmod(2 ** 60, 0.5))
attempt(lambda: divmod(1, 0))
attempt(lambda: divmod(2 ** 70, 0))
attempt(lambda: divmod(1.5, 0))
attempt(lambda: divmod(1, 0.0))
attempt(lambda: divmod("a", 2))
attempt(lambda: divmod(2, None))
attempt(lambda: divmod(10 ** 400, 1.5))

# pow: two and three arguments
print(pow(2, 10), pow(2, -1), pow(-2, 3), pow(2.5, 2), pow(4, 0.5), pow(0, 0), pow(2, 100), pow(-1, 2 ** 70 + 1))
print(pow(7, 2, 10), pow(3, 1000, 7), pow(2, 10 ** 18, 10 ** 9 + 7), pow(-3, 3, 7), pow(3, 3, -7), pow(5, 0, 1), pow(0, 0, 7))
print(pow(3, -1, 7), pow(4, -1, 7), pow(2, -3, 11), pow(-2, -1, 5), pow(3, -1, -7), pow(2 ** 100 + 1, -1, 2 ** 61 - 1))
print(pow(base=2, exp=5), pow(2, exp=5, mod=3), pow(2 ** 200, 2 ** 200, 10 ** 40 + 1))
attempt(lambda: pow(2, 3, 0))
attempt(lambda: pow(2, -1, 4))
attempt(lambda: pow(6, -1, 9))
attempt(lambda: pow(2.0, 3, 5))
attempt(lambda: pow(2, 3.0, 5))
attempt(lambda: pow(2, 3, 5.0))
attempt(lambda: pow("2", 3, 5))
attempt(lambda: pow(0, -1))
attempt(lambda: pow(0.0, -2))
attempt(lambda: pow(10.0, 400))

# hex / oct / bin
for n in [0, 1, -1, 255, -255, 4096, 2 ** 64, -(2 ** 65) + 1, True]:
    print(n, hex(n), oct(n), bin(n))
attempt(lambda: hex(1.5))
attempt(lambda: oct("8"))
attempt(lambda: bin(None))
