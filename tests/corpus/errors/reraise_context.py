# __context__ of an exception raised while another is handled, also when it was raised
# before (`raise saved`); the context chain never gets a cycle. Ends uncaught.
def chain(e):
    out = []
    while e is not None and len(out) < 6:
        out.append(repr(e))
        e = e.__context__
    return " <- ".join(out)


# The re-raised exception's context is the handled one; the cycle through it is cut.
try:
    try:
        raise ValueError("a")
    except ValueError as e1:
        saved = e1
        try:
            raise KeyError("b")
        except KeyError:
            raise saved
except ValueError as e:
    print(repr(e.__context__), repr(e.__context__.__context__))
    print(chain(e))

# Re-raising the handled exception itself, or a bare raise, keeps the context.
try:
    try:
        raise ValueError("x")
    except ValueError as e:
        raise e
except ValueError as e:
    print(repr(e.__context__))
try:
    try:
        raise KeyError("k")
    except KeyError:
        try:
            raise ValueError("v")
        except ValueError:
            raise
except ValueError as e:
    print(chain(e))

# A later raise replaces the context.
err = TypeError("t")
try:
    raise OSError("first")
except OSError:
    try:
        raise err
    except TypeError:
        pass
print(chain(err))
try:
    raise IndexError("second")
except IndexError:
    try:
        raise err
    except TypeError:
        pass
print(chain(err))

# Three levels: raising the outermost again cuts the chain where it reappears.
try:
    try:
        raise ValueError("a")
    except ValueError as a:
        first = a
        try:
            raise KeyError("b")
        except KeyError:
            try:
                raise IndexError("c")
            except IndexError:
                raise first
except ValueError as e:
    print(chain(e))
    print(chain(e.__context__))

# A cycle made by assignment is left as it is (the walk stops).
x = ValueError("x")
y = KeyError("y")
x.__context__ = y
y.__context__ = x
try:
    try:
        raise x
    except ValueError:
        raise IndexError("z")
except IndexError as e:
    print(repr(e.__context__), repr(x.__context__), repr(y.__context__))

# `from None` suppresses the context but still sets it; errors raised by operations and
# in called functions get it too.
try:
    try:
        raise KeyError("k")
    except KeyError:
        raise ValueError("v") from None
except ValueError as e:
    print(repr(e.__context__), e.__suppress_context__, repr(e.__cause__))


def fail():
    return 1 / 0


try:
    try:
        [][1]
    except IndexError:
        fail()
except ZeroDivisionError as e:
    print(chain(e))

# Uncaught: the traceback shows the context chain.
def f():
    raise ValueError("a")


try:
    f()
except ValueError as e1:
    saved = e1
try:
    raise KeyError("b")
except KeyError:
    raise saved
