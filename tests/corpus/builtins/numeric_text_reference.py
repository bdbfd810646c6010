# Reference values for the interpreter's numeric and text helpers, checked against CPython:
# the Mersenne Twister, frexp/ldexp at the subnormal edge, round() and float.hex/fromhex,
# complex() parsing, and the str predicates and case mappings of non-ASCII characters.
import math
import random

# mt19937ar.c's reference test seeds with init_by_array({0x123, 0x234, 0x345, 0x456});
# random.seed(n) feeds the 32-bit words of n, low word first.
r = random.Random(0x123 | 0x234 << 32 | 0x345 << 64 | 0x456 << 96)
print([r.getrandbits(32) for _ in range(5)])
r = random.Random(12345)
print([r.getrandbits(32) for _ in range(3)], r.random())

print(math.frexp(8.0), math.frexp(-3.0), math.frexp(5e-324))
print(math.ldexp(0.5, 4), math.ldexp(1.0, -1074), math.ldexp(1.0, -1075), math.ldexp(1.5, -1075))
print(math.ldexp(1.0, 1023) == 2.0 ** 1023)
try:
    math.ldexp(1.0, 1024)
except OverflowError as e:
    print("OverflowError", e)

print(round(2.675, 2), round(1234.5678, -2), round(1250.0, -2), round(1350.0, -2))
print((1.5).hex(), (5e-324).hex(), float.fromhex("0x1.8p1"))

for s in ["1+2j", " ( -1.5e3-J ) ", "j", "5.j", "1e", "1 + 2j", "(1+2j", ""]:
    try:
        print(repr(s), complex(s))
    except ValueError as e:
        print(repr(s), "ValueError", e)

print("a".isalpha(), "é".isalpha(), "1".isalpha())
print("٣".isdecimal(), "²".isdigit(), "²".isdecimal(), "一".isnumeric())
print("\u3000".isspace(), "\x1f".isspace(), "\u200b".isspace())
print("\u200b".isprintable(), " ".isprintable(), "\xa0".isprintable())
print("ǅ".istitle(), "A".isupper(), "ß".islower())
print("_".isidentifier(), "a".isidentifier(), "1".isidentifier(), "a1_".isidentifier())
print(int("٣"), int("\U0001d7d9"), int("\U0001d7ce"))
print("ß".title(), "ß".casefold(), "ǆ".title(), "ß".upper(), "ǆ".capitalize())
