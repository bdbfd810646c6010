# float()/int() conversions as CPython 3.14: float.from_number, fromhex of a subclass and
# with vertical-tab whitespace, memoryview sources, __float__/__int__/__index__ returning
# a subclass (DeprecationWarning), no __trunc__ delegation, keywords for a subclass's own
# __init__, and a few integer/float edge cases.
import warnings

class F(float):
    pass

class WithFloat:
    def __float__(self):
        return 3.5

class WithIndex:
    def __index__(self):
        return 7

for cls in (float, F):
    for x in (3.25, 4, F(1.5), WithFloat(), WithIndex()):
        r = cls.from_number(x)
        print(cls.__name__, type(r).__name__, r)
    for bad in ("3.14", b"1", None):
        try:
            cls.from_number(bad)
        except TypeError as e:
            print(e)

print(type(F.fromhex("0x1p3")).__name__, F.fromhex("0x1p3"), float.fromhex("\v 0x1p-1 \v"))
print(float(memoryview(b"12.3")[1:4]), int(memoryview(b"1234")[1:3]))
for conv, src in ((int, memoryview(b"1x")), (int, b"123\xa0"), (float, b"123\xa0")):
    try:
        conv(src)
    except ValueError as e:
        print(e)

class FloatSub(float):
    def __float__(self):
        return self

class IntReturnsBool:
    def __int__(self):
        return True

class IndexReturnsBool:
    def __index__(self):
        return True

class OnlyTrunc:
    def __trunc__(self):
        return 3

with warnings.catch_warnings(record=True) as w:
    warnings.simplefilter("always")
    print(float(FloatSub(2.5)), type(float(FloatSub(2.5))).__name__)
    print(int(IntReturnsBool()), int(IndexReturnsBool()))
    for x in w:
        print(x.category.__name__, x.message)
try:
    int(OnlyTrunc())
except TypeError as e:
    print(e)

class FI(float):
    def __init__(self, value, extra=None):
        self.extra = extra

class TI(tuple):
    def __init__(self, it, extra=None):
        self.extra = extra

print(FI(2.5, extra=1).extra, TI([1, 2], extra=3).extra, TI([1, 2], extra=3))
for call in (lambda: float(x="1"), lambda: F(2.5, extra=1), lambda: tuple(iterable=[])):
    try:
        call()
    except TypeError as e:
        print(e)

print((-0.0) ** float("-inf"), 0.0 ** float("-inf"))
print(0 << (1 << 1000), 0 << 2 ** 100)
t = (1, 2)
print(t * 1 is t, t * 2)

class ValidBytes:
    def __bytes__(self):
        return b"\x01\x02"

print(int.from_bytes(ValidBytes()), int.from_bytes([1, 0], "little"))

class E(Exception):
    def __new__(cls, *args):
        return cls

try:
    raise E
except TypeError as e:
    print(e)
