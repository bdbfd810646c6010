# hasattr / getattr / setattr on modules and with defaults.
import math
import sys

print(hasattr(math, "pi"), hasattr(math, "sqrt"), hasattr(math, "no_such_thing"))
print(getattr(math, "pi"), getattr(math, "e") > 2.7, getattr(math, "sqrt")(16.0))
print(getattr(math, "missing", "default"), getattr(math, "missing", None), getattr(sys, "nothing_here", 0))
try:
    getattr(math, "missing")
except AttributeError as e:
    print("AttributeError:", e)

setattr(math, "answer", 42)
print(hasattr(math, "answer"), math.answer, getattr(math, "answer"))
math.answer += 1
print(math.answer)
delattr(math, "answer")
print(hasattr(math, "answer"))

# dynamic lookup by name
for name in ["floor", "ceil", "trunc"]:
    fn = getattr(math, name)
    print(name, fn(2.5), fn(-2.5))
for name in ["sqrt", "nope"]:
    fn = getattr(math, name, None)
    print(name, "callable" if callable(fn) else "not available")

# attributes of built-in objects
print(hasattr("abc", "upper"), hasattr(5, "upper"), getattr("abc", "upper")(), getattr([1, 2], "count")(1))
print(getattr(5, "real"), getattr(5, "bit_length")(), getattr(3.5, "is_integer")())
print(hasattr([], "append"), hasattr({}, "keys"), hasattr((), "append"), hasattr(None, "x"))
try:
    setattr(5, "x", 1)
except AttributeError as e:
    print("AttributeError:", e)
try:
    (5).no_attribute_zzz
except AttributeError as e:
    print("AttributeError:", e)

# attributes of functions
def documented(x):
    "Return x doubled."
    return 2 * x

print(documented.__name__, documented.__doc__, getattr(documented, "__name__"))
setattr(documented, "tag", "custom")
documented.counter = 0
documented.counter += 5
print(documented.tag, documented.counter, hasattr(documented, "tag"), getattr(documented, "other", "no"))

# module attributes from sys
print(type(sys.argv).__name__, len(sys.argv), sys.argv[0])
print(hasattr(sys, "stdout"), hasattr(sys, "exit"), sys.maxsize > 2 ** 31)
print(math.floor(-0.5), math.ceil(-0.5), math.sqrt(2), math.pi, math.e)
