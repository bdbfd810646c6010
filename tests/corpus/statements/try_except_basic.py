# try / except / else / finally and raising built-in exceptions.
def divide(a, b):
    try:
        result = a / b
    except ZeroDivisionError as e:
        print("  caught:", type(e).__name__, e)
        return None
    else:
        print("  no exception, result", result)
        return result
    finally:
        print("  finally for", a, b)

print(divide(10, 2))
print(divide(1, 0))

# tuples of exception types
def convert(value):
    try:
        return int(value)
    except (ValueError, TypeError) as e:
        return "bad: " + type(e).__name__

print([convert(v) for v in ["12", "x", None, 3.7, [1]]])

# bare except
try:
    [][0]
except:
    print("bare except caught something")

# except order: first matching clause wins, base classes match subclasses
for exc in [KeyError("k"), IndexError("i"), ZeroDivisionError("z"), ValueError("v"), TypeError("t")]:
    try:
        raise exc
    except LookupError as e:
        print("LookupError branch:", type(e).__name__, repr(e))
    except ArithmeticError as e:
        print("ArithmeticError branch:", type(e).__name__)
    except Exception as e:
        print("Exception branch:", type(e).__name__, e)

# raising built-in exception types, with and without arguments
for make in [lambda: ValueError, lambda: ValueError("bad value"), lambda: RuntimeError("a", 2),
             lambda: KeyError("missing"), lambda: StopIteration, lambda: NotImplementedError("todo")]:
    try:
        raise make()
    except Exception as e:
        print(type(e).__name__, repr(str(e)), e.args, repr(e))

# re-raising with bare raise
def reraise():
    try:
        {}["nope"]
    except KeyError:
        print("logging and re-raising")
        raise

try:
    reraise()
except KeyError as e:
    print("outer caught", repr(e))

# exception raised in else is not caught by the same try
try:
    try:
        pass
    except ValueError:
        print("not here")
    else:
        raise ValueError("from else")
except ValueError as e:
    print("outer caught:", e)

# exceptions propagate through functions
def level3():
    return 1 / 0
def level2():
    return level3()
def level1():
    try:
        return level2()
    except ZeroDivisionError:
        return "handled at level1"
print(level1())

# isinstance checks on exception objects
try:
    int("nope")
except Exception as e:
    print(isinstance(e, ValueError), isinstance(e, Exception), isinstance(e, BaseException), isinstance(e, TypeError))
    print(str(e))
