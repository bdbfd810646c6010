# sys.set_int_max_str_digits / get_int_max_str_digits: the integer string conversion
# length limit (CPython 3.14's messages and rules).
import sys

print(sys.get_int_max_str_digits(), sys.flags.int_max_str_digits)
print(sys.int_info.default_max_str_digits, sys.int_info.str_digits_check_threshold)

def attempt(f, *a):
    try:
        r = f(*a)
    except (ValueError, TypeError, OverflowError) as e:
        print(type(e).__name__, e)
    else:
        print("ok", len(r) if isinstance(r, str) else r.bit_length())

sys.set_int_max_str_digits(1000)
print(sys.get_int_max_str_digits(), sys.flags.int_max_str_digits)
attempt(int, "1" * 1000)
attempt(int, "1" * 1001)
attempt(int, "-" + "1" * 1000 + " ")
attempt(int, "1_1" * 400)
attempt(int, "2" * 1001, 3)
attempt(int, "1" * 5000, 16)     # power-of-two bases are not limited
attempt(int, "0x" + "f" * 5000, 0)
attempt(str, 10 ** 999)
attempt(str, 10 ** 1000)
attempt(str, -10 ** 999)
attempt(repr, 7 ** 5000)
attempt(lambda: "%d" % 10 ** 1000)
attempt(lambda: format(10 ** 1000, "d"))
attempt(lambda: f"{10 ** 1000:,}")
attempt(lambda: "%x" % 10 ** 1000)
attempt(hex, 10 ** 5000)
attempt(int, "12x" + "1" * 2000)   # invalid literal wins

for bad in (5, -1, 639, 5.0, "700", 2 ** 70):
    try:
        sys.set_int_max_str_digits(bad)
    except Exception as e:
        print(type(e).__name__, e)
sys.set_int_max_str_digits(maxdigits=640)
print(sys.get_int_max_str_digits())
try:
    sys.set_int_max_str_digits()
except TypeError as e:
    print(e)
sys.set_int_max_str_digits(0)
print(len(str(10 ** 20000)), len(str(int("9" * 30000))))
sys.set_int_max_str_digits(4300)
print(sys.get_int_max_str_digits(), sys.flags.int_max_str_digits)
