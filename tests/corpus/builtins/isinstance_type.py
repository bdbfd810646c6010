# isinstance() and type().
values = [1, -2, True, 2.5, "s", None, [1], (1,), {1: 2}, {1}, range(1), 2 ** 100]
for v in values:
    print(repr(v), type(v).__name__, isinstance(v, int), isinstance(v, (float, str)), isinstance(v, (list, tuple, dict, set)))

print(type(1), type(1.0), type("x"), type(None), type(True), type([]), type(()), type({}), type(set()))
print(type(type(1)), type(int), type(range(1)))
print(type(1) is int, type(True) is bool, type(True) == int, isinstance(True, int), isinstance(True, bool))
print(isinstance(1, bool), isinstance(1.0, int), isinstance(1, (bool, float)), isinstance(1, ()), isinstance(2 ** 100, int))
print(isinstance(int, type), isinstance(1, object), isinstance(None, object), isinstance("s", object))
print(isinstance([], (int, (str, (list,)))))

# exceptions and their hierarchy
e = KeyError("k")
print(type(e).__name__, isinstance(e, LookupError), isinstance(e, Exception), isinstance(e, (IndexError, ValueError)))
print(issubclass(bool, int), issubclass(KeyError, LookupError), issubclass(int, float), issubclass(ZeroDivisionError, (ValueError, ArithmeticError)))

# type-based dispatch
def describe(x):
    if isinstance(x, bool):
        return "bool"
    if isinstance(x, int):
        return "int"
    if isinstance(x, float):
        return "float"
    if isinstance(x, str):
        return "str"
    if isinstance(x, (list, tuple)):
        return "sequence of " + str(len(x))
    if isinstance(x, dict):
        return "mapping"
    return "other: " + type(x).__name__

print([describe(v) for v in [True, 3, 3.0, "3", [3], (3, 3), {}, None, {3}]])

# type() called with one argument returns the class, usable as a constructor
for v in [5, 2.5, "x", [1, 2], (3,), True]:
    t = type(v)
    print(t.__name__, repr(t()), t is type(t()))

# comparing types
print(type(1) == type(2), type(1) == type(1.0), type("a") != type(1), type([]) in (list, tuple))
