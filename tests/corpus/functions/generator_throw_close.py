# generator.throw() and close(): the exception is raised at the suspension point (through
# yield from), so except/finally blocks run; contextmanager generators that handle it.
from contextlib import contextmanager

def g():
    try:
        yield 1
    except ValueError as e:
        print("caught", e)
        yield "caught"
    finally:
        print("finally ran")

it = g(); print(next(it))
print(it.throw(ValueError("x")))
it.close()
print("closed")

def g2():
    try:
        yield 1
        yield 2
    finally:
        print("g2 cleanup")
it = g2(); next(it); it.close(); print(it.close())
try:
    next(it)
except StopIteration:
    print("exhausted after close")

def stubborn():
    try:
        yield 1
    except GeneratorExit:
        print("ignoring")
        yield 2
s = stubborn(); next(s)
try:
    s.close()
except RuntimeError as e:
    print("RuntimeError:", e)

@contextmanager
def cm():
    try:
        yield "res"
    except ValueError:
        print("handled in generator")
    finally:
        print("cm cleanup")
with cm() as r:
    print("in block", r)
    raise ValueError("x")
print("after")

@contextmanager
def cm2():
    try:
        yield
    finally:
        print("cm2 cleanup")
try:
    with cm2():
        raise KeyError("k")
except KeyError as e:
    print("caught outside", repr(e))

def inner():
    try:
        yield "a"
        yield "b"
    except ValueError:
        print("inner caught")
        return "inner result"
def outer():
    r = yield from inner()
    print("outer got", r)
    yield "after inner"
o = outer(); print(next(o)); print(o.throw(ValueError))
def inner2():
    yield 1
def outer2():
    try:
        yield from inner2()
    except KeyError as e:
        print("outer2 caught", repr(e))
        yield "x"
o = outer2(); next(o); print(o.throw(KeyError("q")))

fresh = g2()
try:
    fresh.throw(IndexError("early"))
except IndexError as e:
    print("fresh raised", e)
print(list(fresh))

def ret():
    try:
        yield 1
    except ValueError:
        return 5
r = ret(); next(r)
try:
    r.throw(ValueError)
except StopIteration as e:
    print("StopIteration value", e.value)
try:
    r.throw(TypeError("after end"))
except TypeError as e:
    print("finished gen re-raises", e)
def uncaught():
    yield 1
u = uncaught(); next(u)
try:
    u.throw(ZeroDivisionError("zz"))
except ZeroDivisionError as e:
    print("propagated", e)

# close() from inside the running generator.
def selfclose():
    try:
        me.close()
    except ValueError as e:
        print("ValueError:", e)
    yield 1
me = selfclose()
print(next(me))
me.close()
me.close()
print("done")
