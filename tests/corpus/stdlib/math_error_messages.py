# math's ValueError messages as CPython 3.14 words them, and special methods that are
# descriptors (bound by their own __get__, which may raise).
import math
from decimal import Decimal
from fractions import Fraction

inf = float("inf")
cases = [("acos", 2.0), ("acosh", 0.5), ("asin", -2.0), ("atanh", 1.0), ("atanh", 2.0),
         ("cos", inf), ("sin", -inf), ("tan", inf), ("sqrt", -1.1), ("log1p", -1.0),
         ("log1p", -2.0), ("log", -1.1), ("log", 0.0), ("log", -123), ("log", 0),
         ("log2", -1.1), ("log10", -2), ("log", Decimal("-1.1")),
         ("log", Fraction(1, 10 ** 400)), ("log", -2 ** 1000), ("exp", 1000.0),
         ("cosh", 1000.0), ("sqrt", 4.0), ("log1p", -0.5)]
for name, x in cases:
    try:
        print(name, getattr(math, name)(x))
    except (ValueError, OverflowError) as e:
        print(name, type(e).__name__, e)
for args in [(123, -1.1), (-1.1, 123), (10, 1), (0.0, 10), (8, 2)]:
    try:
        print("log", math.log(*args))
    except (ValueError, ZeroDivisionError) as e:
        print("log", args, type(e).__name__, e)

class BadDescr:
    def __get__(self, obj, objtype=None):
        raise ValueError("from __get__")

class Getter:
    def __get__(self, obj, objtype=None):
        return lambda: 42

class Callable:
    def __call__(self, *args):
        return ("called", len(args))

for dunder, fn in [("__ceil__", math.ceil), ("__floor__", math.floor), ("__trunc__", math.trunc)]:
    for value in (BadDescr(), Getter(), Callable()):
        cls = type("T", (), {dunder: value})
        try:
            print(dunder, fn(cls()))
        except ValueError as e:
            print(dunder, "ValueError", e)
