# gi_code, gi_running, gi_suspended, gi_yieldfrom, gi_frame (cr_frame, ag_frame),
# writable __name__/__qualname__, close()'s return value, cr_origin.
import sys
import types

def inner():
    yield 1
    yield 2

def gen():
    me = yield "start"
    print("inside: running", me.gi_running, "suspended", me.gi_suspended)
    print("inside: frame is running frame", me.gi_frame is sys._getframe())
    yield from inner()
    return "done"

g = gen()
print(type(g.gi_code).__name__, g.gi_code.co_name, g.gi_code is gen.__code__)
print(g.gi_running, g.gi_suspended, g.gi_yieldfrom)
f = g.gi_frame
print(type(f).__name__, f.f_code is gen.__code__, f.f_back, f is g.gi_frame)
print(next(g))
print(g.gi_suspended, g.gi_frame.f_lineno - gen.__code__.co_firstlineno)
print(g.send(g))
print(type(g.gi_yieldfrom).__name__, g.gi_yieldfrom.__name__)
print(next(g))
try:
    next(g)
except StopIteration as e:
    print("stop", e.value)
print(g.gi_frame, g.gi_running, g.gi_suspended, g.gi_yieldfrom)

# __name__ / __qualname__ are writable, with str values only.
g = gen()
g.__name__ = "renamed"
g.__qualname__ = "Q.renamed"
print(g.__name__, g.__qualname__, repr(g).split(" at ")[0])
for attr in ("__name__", "__qualname__"):
    try:
        setattr(g, attr, 7)
    except TypeError as e:
        print(e)
    try:
        delattr(g, attr)
    except TypeError as e:
        print(e)
for attr in ("gi_code", "gi_frame", "gi_running"):
    try:
        setattr(g, attr, None)
    except AttributeError as e:
        print(type(e).__name__)

# f_locals of a suspended generator's frame.
def counter(n):
    i = 0
    while i < n:
        yield i
        i += 1

c = counter(3)
next(c)
print(sorted(c.gi_frame.f_locals.items()))

# close() returns the value the generator returns on GeneratorExit.
def closer():
    try:
        yield
    except GeneratorExit:
        return 42

c = closer()
next(c)
print(c.close(), c.close())
c = closer()
print(c.close())

# Coroutines and async generators.
async def coro():
    return 1

async def agen():
    yield 1

co = coro()
print(type(co.cr_frame).__name__, co.cr_frame.f_code is coro.__code__, co.cr_origin)
co.__name__ = "c2"
print(co.__name__)
co.close()
print(co.cr_frame)
ag = agen()
print(type(ag.ag_frame).__name__, ag.ag_frame.f_back)

# sys.set_coroutine_origin_tracking_depth / cr_origin.
print(sys.get_coroutine_origin_tracking_depth())
def make():
    return coro()
sys.set_coroutine_origin_tracking_depth(2)
co = make()
print([(name, line - make.__code__.co_firstlineno if name == "make" else 0) for _, line, name in co.cr_origin])
co.close()
sys.set_coroutine_origin_tracking_depth(depth=0)
co = make()
print(co.cr_origin)
co.close()
for bad in (-1, "x"):
    try:
        sys.set_coroutine_origin_tracking_depth(bad)
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
