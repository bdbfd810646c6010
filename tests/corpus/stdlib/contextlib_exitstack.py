# contextlib.ExitStack: enter_context, callback, push, pop_all, close, LIFO
# order, suppression by callbacks and chaining of exceptions raised by them.
from contextlib import ExitStack, contextmanager, suppress

class Res:
    def __init__(self, name, suppress=False):
        self.name = name
        self.suppress = suppress
    def __enter__(self):
        print("  enter", self.name)
        return self.name.upper()
    def __exit__(self, et, ev, tb):
        print("  exit", self.name, et.__name__ if et else None, repr(ev) if ev else "")
        return self.suppress

def chain(e):
    out = []
    while e is not None:
        out.append(repr(e))
        e = e.__context__
    return out

print("== enter_context and callback order")
with ExitStack() as stack:
    got = [stack.enter_context(Res(n)) for n in "abc"]
    print("  entered", got)
    ret = stack.callback(print, "  callback with", 1, sep="|")
    print("  callback returned print:", ret is print)
    stack.callback(lambda: print("  lambda callback"))
print("done")

print("== exception from the body")
try:
    with ExitStack() as stack:
        stack.enter_context(Res("outer"))
        stack.callback(print, "  cb sees no exception info")
        stack.enter_context(Res("inner"))
        raise ValueError("body")
except ValueError as e:
    print("propagated:", repr(e))

print("== suppression by a pushed manager")
with ExitStack() as stack:
    stack.enter_context(Res("later"))
    stack.enter_context(Res("swallower", suppress=True))
    stack.enter_context(Res("first"))
    raise KeyError("swallowed")
print("after suppressed block")

print("== push")
def exit_fn(et, ev, tb):
    print("  exit_fn got", et.__name__ if et else None)
    return isinstance(ev, ZeroDivisionError)
with ExitStack() as stack:
    r = stack.push(exit_fn)
    print("  push returned the callable:", r is exit_fn)
    res = Res("pushed")
    print("  push of a manager returns it:", stack.push(res) is res)
    1 / 0
print("after division by zero")

@contextmanager
def gen_cm(name):
    print("  gen enter", name)
    yield name
    print("  gen exit", name)

with ExitStack() as stack:
    print("  value", stack.enter_context(gen_cm("g1")))
    print("  value", stack.enter_context(gen_cm("g2")))

print("== pop_all and close")
def open_all(names):
    with ExitStack() as stack:
        items = [stack.enter_context(Res(n)) for n in names]
        moved = stack.pop_all()
        print("  leaving the with: nothing is closed")
    return items, moved
items, moved = open_all(["x", "y"])
print(items, type(moved).__name__)
moved.close()
print("closing again does nothing:")
moved.close()
print("end")

class MyStack(ExitStack):
    pass
ms = MyStack()
ms.callback(print, "  MyStack callback")
ms2 = ms.pop_all()
print(type(ms2).__name__)
ms.close()
ms2.close()

st = ExitStack()
st.callback(print, "  reused 1")
st.close()
st.callback(print, "  reused 2")
st.close()

print("== callbacks after a failing callback")
def boom(msg):
    print("  boom", msg)
    raise ValueError(msg)
try:
    with ExitStack() as stack:
        stack.callback(print, "  still runs")
        stack.callback(boom, "first pushed")
        stack.callback(boom, "second pushed")
        raise KeyError("body")
except ValueError as e:
    print("raised:", chain(e))

try:
    with ExitStack() as stack:
        stack.callback(boom, "only")
except ValueError as e:
    print("raised:", chain(e))

try:
    with ExitStack() as stack:
        stack.push(lambda *exc: True)
        stack.callback(boom, "suppressed later")
except ValueError as e:
    print("not reached", e)
print("a later exit function suppressed the callback's error")

seen = []
def record(et, ev, tb):
    seen.append(repr(ev))
try:
    with ExitStack() as stack:
        stack.push(record)
        stack.callback(boom, "replaces")
        stack.push(record)
        raise IndexError("orig")
except ValueError as e:
    print("raised:", chain(e))
print(seen)

try:
    raise KeyError("outer handler")
except KeyError:
    try:
        with ExitStack() as stack:
            stack.callback(boom, "a")
            stack.callback(boom, "b")
    except ValueError as e:
        print("inside handler:", chain(e))

print("== received and suppressed")
st = ExitStack()
st.push(lambda *exc: True)
print(st.__exit__(None, None, None))
st.push(lambda *exc: True)
err = OSError("x")
print(st.__exit__(OSError, err, None))
st.push(lambda *exc: False)
print(st.__exit__(OSError, err, None))
st.callback(boom, "replacing")
try:
    st.__exit__(OSError, err, None)
except ValueError as e:
    print("raised:", chain(e))

print("== enter_context errors")
class NotCM:
    pass
class HalfCM:
    def __enter__(self):
        return 1
for bad in (NotCM(), HalfCM(), 5, "s"):
    with ExitStack() as stack:
        try:
            stack.enter_context(bad)
        except TypeError as e:
            print("TypeError:", e)

print("== nesting")
def cb(x):
    print("  cb", x)
with ExitStack() as outer:
    outer.callback(cb, "outer")
    with ExitStack() as inner:
        inner.callback(cb, "inner")
        outer.enter_context(suppress(KeyError))
        inner.callback(cb, "inner 2")
    raise KeyError("suppressed by the entered suppress")
print("end of nesting")
