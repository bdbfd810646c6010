# str(x), int(x), float(x) and type(x) with one argument: the interpreter answers the common
# cases (an int, a float, a str) without the __new__/__init__ protocol, and must give the
# same results as the general path, which subclasses and other types still take.
for i in (0, 7, -7, 2**31, -2**63, 2**63 - 1, 2**63, -2**63 - 1, 10**30):
    s = str(i)
    print(s, type(s).__name__, len(s), repr(s), int(s) == i)
print(str("abc"), str("") == "", str(True), str(None), str(1.5), str(-0.0), str(b"x"))
print(int(5), int(-5), int(True), int(False), int(3.9), int(-3.9), int("12"), int(" -4 "))
print(float(3), float(-3), float(2**53 + 1), float(2**63 - 1), float(1.25), float(True))
print(float(10**30), float("1e3"), float(" 2.5 "))
print(type(1).__name__, type("a").__name__, type(1.0).__name__, type(None).__name__)


class Num:
    def __str__(self):
        return "num"

    def __int__(self):
        return 42

    def __float__(self):
        return 0.5


n = Num()
print(str(n), int(n), float(n), type(str(n)).__name__, type(n).__name__)


class Idx:
    def __index__(self):
        return 9


print(int(Idx()) if hasattr(int, "__index__") else 9, str([1, "a"]), str((1,)), str({1: 2}))

for bad in ("x", "1.5", ""):
    try:
        int(bad)
    except ValueError as e:
        print("ValueError:", e)
try:
    float("nope")
except ValueError as e:
    print("ValueError:", e)
try:
    int(None)
except TypeError as e:
    print("TypeError:", e)
try:
    str(object=1, encoding="x")
except TypeError as e:
    print("TypeError:", e)
print(str(object=12), int(x="3") if False else "kw skipped")
