# contextlib: contextmanager (enter/exit, errors, decorator form), suppress,
# closing, nullcontext, ContextDecorator, and which names the module exports.
import contextlib
from contextlib import contextmanager, suppress, closing, nullcontext, ContextDecorator

print("== contextmanager")
log = []

@contextmanager
def tag(name):
    """Wrap output in a tag."""
    log.append("<%s>" % name)
    yield name.upper()
    log.append("</%s>" % name)

with tag("b") as t:
    log.append("body " + t)
print(log)
print(tag.__name__, tag.__doc__)
cm = tag("i")
print(type(cm).__name__, cm.__doc__)

@contextmanager
def resource(items):
    items.append("open")
    try:
        yield len(items)
    finally:
        items.append("close")

res = []
with resource(res) as n:
    res.append("use %d" % n)
print(res)

with tag("x") as first, resource(res) as second:
    print("two managers:", first, second)
print(log[-1], res[-1])

@contextmanager
def nested_outer():
    with tag("inner"):
        yield "nested"

log.clear()
with nested_outer() as v:
    log.append(v)
print(log)

print("== exception passes through the generator")
@contextmanager
def plain():
    print("  plain: before yield")
    yield
    print("  plain: not reached after an exception")

try:
    with plain():
        raise ValueError("from the block")
except ValueError as e:
    print("caught:", repr(e))

try:
    with plain():
        raise StopIteration("stop in block")
except StopIteration as e:
    print("caught StopIteration:", e)

print("== generator errors")
@contextmanager
def no_yield():
    if False:
        yield

try:
    with no_yield():
        print("not run")
except RuntimeError as e:
    print("RuntimeError:", e)

@contextmanager
def two_yields():
    yield 1
    yield 2

try:
    with two_yields() as v:
        print("body with", v)
except RuntimeError as e:
    print("RuntimeError:", e)

@contextmanager
def raises_on_enter():
    raise KeyError("setup failed")
    yield

try:
    with raises_on_enter():
        print("not run")
except KeyError as e:
    print("KeyError:", e)

@contextmanager
def raises_on_exit():
    yield
    raise OSError("teardown failed")

try:
    with raises_on_exit():
        print("body ran")
except OSError as e:
    print("OSError:", e)

print("== manual __enter__/__exit__")
m = tag("m")
print(m.__enter__())
print(m.__exit__(None, None, None))
m2 = plain()
m2.__enter__()
try:
    print("exit with a class only:", m2.__exit__(KeyError, None, None))
except KeyError as e:
    print("exit with a class only ->", repr(e))
m3 = plain()
m3.__enter__()
err = IndexError("given")
try:
    print(m3.__exit__(IndexError, err, None))
except IndexError as e:
    print("same exception object:", e is err)

print("== contextmanager as decorator")
calls = []

@contextmanager
def traced(label):
    calls.append("enter " + label)
    yield
    calls.append("exit " + label)

@traced("deco")
def work(a, b=2):
    """Adds."""
    calls.append("work %d" % (a + b))
    return a + b

print(work(1), work(3, b=4))
print(calls)
print(work.__name__, work.__doc__)

print("== ContextDecorator subclass")
class announce(ContextDecorator):
    def __init__(self, msg):
        self.msg = msg
    def __enter__(self):
        print("  enter", self.msg)
        return self
    def __exit__(self, *exc):
        print("  exit", self.msg, exc[0].__name__ if exc[0] else None)
        return False

@announce("deco")
def greet(name):
    print("  hello", name)
    return name * 2

print(greet("ab"))
with announce("with") as a:
    print("  inside, got", type(a).__name__)

@announce("failing")
def fails():
    raise LookupError("nope")

try:
    fails()
except LookupError as e:
    print("LookupError:", e)

print("== suppress")
with suppress(KeyError):
    {}["missing"]
    print("not reached")
print("after suppress(KeyError)")
with suppress(ValueError, ZeroDivisionError):
    1 / 0
print("after suppress of a subclass in a tuple")
with suppress(LookupError):
    [][3]
print("after suppress(LookupError) of IndexError")
try:
    with suppress(KeyError):
        raise TypeError("not suppressed")
except TypeError as e:
    print("TypeError:", e)
with suppress():
    pass
try:
    with suppress():
        raise ValueError("empty suppress")
except ValueError as e:
    print("ValueError:", e)
s = suppress(OSError)
print(s.__enter__(), bool(s.__exit__(None, None, None)), s.__exit__(FileNotFoundError, FileNotFoundError(), None))
print(s.__exit__(ValueError, ValueError(), None))
for i in range(3):
    with suppress(ZeroDivisionError):
        print("loop", i, 10 // (1 - i))

print("== closing")
class Thing:
    def __init__(self, name):
        self.name = name
        self.closed = False
    def close(self):
        print("  closing", self.name)
        self.closed = True

with closing(Thing("a")) as th:
    print("  using", th.name, th.closed)
print(th.closed)
try:
    with closing(Thing("b")) as th2:
        raise RuntimeError("inside closing")
except RuntimeError as e:
    print("RuntimeError:", e, th2.closed)
try:
    with closing(42):
        pass
except AttributeError as e:
    print("AttributeError:", e)

print("== nullcontext")
with nullcontext() as nc:
    print(nc)
with nullcontext(5) as nc:
    print(nc)
obj = [1]
with nullcontext(obj) as nc:
    print(nc is obj)
n = nullcontext("x")
print(n.__enter__(), n.__enter__(), n.__exit__(None, None, None))
try:
    with nullcontext():
        raise ValueError("not suppressed by nullcontext")
except ValueError as e:
    print("ValueError:", e)

def maybe_lock(flag):
    return announce("real") if flag else nullcontext("none")
for flag in (True, False):
    with maybe_lock(flag) as got:
        print("  got", type(got).__name__)

print("== module")
for name in ["contextmanager", "closing", "nullcontext", "suppress", "ExitStack", "ContextDecorator"]:
    print(name, hasattr(contextlib, name), name in contextlib.__all__)
