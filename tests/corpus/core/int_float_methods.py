# int() and float() constructors, and the methods of int and float.

# int(): numbers, strings with bases, objects with __int__ / __index__
print(int(), int(7), int(-7.9), int(7.9), int(True), int(2 ** 70 + 0.0), int(-1e19))
print(int("42"), int("  -17\n"), int("+0"), int("1_000_000"), int("0x1F", 16), int("0x1f", 0), int("0o17", 0))
print(int("0b1011", 0), int("zz", 36), int("Z", 36), int("777", 8), int("-ff", 16), int("12", base=5), int("  10  ", 2))
print(int("123456789012345678901234567890"), int("-99999999999999999999", 10), int(b"  42 "), int(b"ff", 16))


class Idx:
    def __init__(self, v):
        self.v = v

    def __index__(self):
        return self.v


class HasInt:
    def __int__(self):
        return 99


class HasFloat:
    def __float__(self):
        return 0.25


print(int(Idx(12)), int(HasInt()), int("11", Idx(2)), float(HasFloat()), float(Idx(3)))


def attempt(f):
    try:
        r = f()
        print("ok", repr(r))
    except (ValueError, TypeError, OverflowError, ZeroDivisionError) as e:
        print(type(e).__name__ + ":", e)


attempt(lambda: int("abc"))
attempt(lambda: int("12.5"))
attempt(lambda: int(""))
attempt(lambda: int("0x10"))
attempt(lambda: int("1__0"))
attempt(lambda: int("9", 8))
attempt(lambda: int("10", 1))
attempt(lambda: int("10", 37))
attempt(lambda: int(10, 10))
attempt(lambda: int(float("inf")))
attempt(lambda: int(float("-inf")))
attempt(lambda: int(float("nan")))
attempt(lambda: int([1, 2]))
attempt(lambda: int(None))
attempt(lambda: int(b"xy"))

# float()
print(float(), float(3), float(-2 ** 60), float("1.5"), float("  -2.5e-3 "), float("1_000.25"), float(".5"), float("5."))
print(float("inf"), float("-Infinity"), float("nan"), float("1e400"), float("-0"), float(2 ** 53 + 1), float(10 ** 22))
print(float(b"2.75"), float(True), float(10 ** 300) == 1e300, float(-(2 ** 1023)))
attempt(lambda: float("abc"))
attempt(lambda: float(""))
attempt(lambda: float("1.2.3"))
attempt(lambda: float("1__0"))
attempt(lambda: float([]))
attempt(lambda: float(10 ** 400))
attempt(lambda: float(-(2 ** 1024)))

# int methods
for n in [0, 1, -1, 5, -8, 255, 256, 1023, 2 ** 64 - 1, -(2 ** 64), 2 ** 100 + 12345]:
    print(n, n.bit_length(), n.bit_count(), n.as_integer_ratio(), n.conjugate(), n.__index__(), n.__int__(), n.__float__(), n.__abs__(), n.__neg__())
print((1024).to_bytes(2, "big"), (1024).to_bytes(2, "little"), (1024).to_bytes(4, byteorder="big"), (5).to_bytes())
print((-1).to_bytes(2, "big", signed=True), (-129).to_bytes(2, "little", signed=True), (0).to_bytes(0, "big"), (2 ** 72).to_bytes(10, "big"))
print(int.from_bytes(b"\x04\x00", "big"), int.from_bytes(b"\x04\x00", "little"), int.from_bytes(b"\xff\xfe", "big", signed=True))
print(int.from_bytes(b"\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff", "little"), int.from_bytes(b"\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff", "little", signed=True), int.from_bytes([1, 2, 3], "big"), int.from_bytes(b""))
attempt(lambda: (256).to_bytes(1, "big"))
attempt(lambda: (-1).to_bytes(1, "big"))
attempt(lambda: (128).to_bytes(1, "big", signed=True))
attempt(lambda: (1).to_bytes(1, "sideways"))
attempt(lambda: (1).to_bytes(-1, "big"))
attempt(lambda: int.from_bytes([300], "big"))
attempt(lambda: (5).bit_length(1))
attempt(lambda: int.bit_length(2.5))

# special methods called directly
print(int.__add__(1, 2), (5).__sub__(7), (5).__rsub__(7), (6).__mul__(7), (7).__truediv__(2), (7).__floordiv__(-2), (7).__mod__(-2))
print((2).__pow__(10), (2).__pow__(10, 1000), (2).__rpow__(3), (1).__lshift__(65), (2 ** 65).__rshift__(60), (12).__and__(10), (12).__or__(3), (12).__xor__(5))
print((17).__divmod__(5), (17).__rdivmod__(5), int.__add__(1, 2.5), (3).__eq__(3), (3).__lt__(2), (3).__eq__(3.0), (5).__round__(-1), (2 ** 80).__round__(-20))
print(True.__and__(True), True & False, True | False, True ^ True, True & 3, type(True ^ False).__name__, (7).__format__("05d"), (255).__format__("#x"))
print(float.__add__(1.5, 2), (1.5).__radd__(2), (2.0).__rtruediv__(1), (7.5).__floordiv__(2), (-7.5).__mod__(2), (2.0).__pow__(0.5), (9.5).__divmod__(2))
print((1.5).__eq__(1.5), (1.5).__lt__(2), (1.5).__eq__("x"), float.__mul__(2.5, 4))

# float methods
for x in [0.0, -0.0, 1.0, 0.1, -2.5, 3.75, 1e300, 5e-324, 123456.789, 2.0 ** 60]:
    print(x, x.is_integer(), x.as_integer_ratio(), x.hex(), float.fromhex(x.hex()) == x, x.conjugate(), x.__trunc__(), x.__floor__(), x.__ceil__(), x.__round__())
print(float.fromhex("0x1.8p1"), float.fromhex("-0X.1P4"), float.fromhex("  0x1p-1074 "), float.fromhex("0x1p-1075"), float.fromhex("0x3p-1076"))
print(float.fromhex("1"), float.fromhex("ff"), float.fromhex("0x1.fffffffffffff8p1023") if False else 0, float.fromhex("inf"), float.fromhex("-nan"))
print((2.675).__round__(2), (2.5).__round__(), (-0.5).__round__(), (1234.5).__round__(-2), (1.5).__int__(), (-1.5).__int__(), (2.5).__float__())
print((0.5).__format__(".3f"), (1e20).__format__(","), (-0.0).__abs__(), (2.5).__neg__(), (2.5).__pos__(), (0.0).__bool__(), (1e-300).__bool__())
attempt(lambda: float("inf").as_integer_ratio())
attempt(lambda: float("nan").as_integer_ratio())
attempt(lambda: float("inf").__floor__())
attempt(lambda: float("nan").__ceil__())
attempt(lambda: float.fromhex("0x1.8q"))
attempt(lambda: float.fromhex("0x1p5000"))
attempt(lambda: float.hex(1))
