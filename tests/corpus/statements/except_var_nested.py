# The exception variable is cleared after the except block; nested try statements.
e = "before"
try:
    raise ValueError("boom")
except ValueError as e:
    print("inside:", e)
try:
    print(e)
except NameError as err:
    print("NameError:", err)

def scoped():
    exc = None
    try:
        1 / 0
    except ZeroDivisionError as exc:
        saved = exc
    try:
        return exc
    except UnboundLocalError:
        return "exc unbound, saved: " + type(saved).__name__

print(scoped())

# nested try: inner handles some, outer handles others
def process(value):
    try:
        try:
            if value == "key":
                raise KeyError(value)
            if value == "val":
                raise ValueError(value)
            if value == "type":
                raise TypeError(value)
            return "ok"
        except KeyError as e:
            return "inner handled KeyError " + str(e)
        finally:
            print("  inner finally for", value)
    except ValueError as e:
        return "outer handled ValueError " + str(e)
    finally:
        print("  outer finally for", value)

for v in ["ok", "key", "val"]:
    print(process(v))
try:
    process("type")
except TypeError as e:
    print("escaped:", repr(e))

# exception raised inside except handler is seen by the outer try
try:
    try:
        raise KeyError("first")
    except KeyError:
        raise ValueError("second")
except ValueError as e:
    print("outer got", repr(e), "context:", repr(e.__context__))

# raise from
try:
    try:
        int("x")
    except ValueError as e:
        raise RuntimeError("wrapped") from e
except RuntimeError as e:
    print(repr(e), "cause:", repr(e.__cause__), "suppress:", e.__suppress_context__)

# raise from None suppresses the context
try:
    try:
        {}["k"]
    except KeyError:
        raise LookupError("clean") from None
except LookupError as e:
    print(repr(e), e.__cause__, e.__suppress_context__)

# handled exceptions inside loops
results = []
for item in ["1", "two", "3", None, "4"]:
    try:
        results.append(int(item))
    except ValueError:
        results.append("V")
    except TypeError:
        results.append("T")
print(results)

# deeply nested try blocks
depth = []
try:
    try:
        try:
            raise IndexError("deep")
        except KeyError:
            depth.append("wrong")
        finally:
            depth.append("f3")
    except IndexError as e:
        depth.append("caught " + str(e))
    finally:
        depth.append("f2")
finally:
    depth.append("f1")
print(depth)
