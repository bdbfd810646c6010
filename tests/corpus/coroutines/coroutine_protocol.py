# Coroutine objects: attributes, send/throw/close, await protocol errors, async with/for.
import types

def run(coro):
    try:
        while True:
            coro.send(None)
    except StopIteration as e:
        return e.value

class Suspend:
    """An awaitable that suspends once, yielding its tag."""
    def __init__(self, tag):
        self.tag = tag
    def __await__(self):
        got = yield self.tag
        return ("resumed", self.tag, got)

async def simple(x):
    r = await Suspend(x)
    return r

c = simple("a")
print(type(c).__name__, c.__name__, c.__qualname__)
print(c.cr_running, c.cr_suspended, c.cr_await, c.cr_origin)
print(c.cr_code.co_name, hex(c.cr_code.co_flags))
print(repr(c).startswith("<coroutine object simple at 0x"))
print(c.send(None))
print(c.cr_suspended, type(c.cr_await).__name__)
try:
    c.send("value")
except StopIteration as e:
    print("returned", e.value)
print(c.cr_suspended, c.cr_await)
try:
    c.send(None)
except RuntimeError as e:
    print("RuntimeError:", e)
try:
    c.throw(ValueError)
except RuntimeError as e:
    print("RuntimeError:", e)
c.close()

c = simple("b")
try:
    c.send(1)
except TypeError as e:
    print("TypeError:", e)
c.close()

# throw: 1-arg and 3-arg forms, caught inside
async def catcher():
    while True:
        try:
            await Suspend("wait")
        except KeyError as e:
            print("caught KeyError", e)
        except GeneratorExit:
            print("closing")
            raise

c = catcher()
print(c.send(None))
print(c.throw(KeyError("k1")))
print(c.throw(KeyError, KeyError("k2"), None))
try:
    c.throw(ValueError("v"))
except ValueError as e:
    print("propagated", e)
print(c.cr_suspended)

c = catcher()
c.send(None)
c.close()
print("closed", c.cr_suspended, c.cr_running)
c.close()

async def ignore_exit():
    try:
        await Suspend(1)
    except GeneratorExit:
        await Suspend(2)
c = ignore_exit()
c.send(None)
try:
    c.close()
except RuntimeError as e:
    print("RuntimeError:", e)

# StopIteration inside a coroutine
async def raises_stop():
    raise StopIteration(5)
try:
    run(raises_stop())
except RuntimeError as e:
    print("RuntimeError:", e, type(e.__cause__).__name__)

# __await__ and coroutine_wrapper
c = simple("w")
w = c.__await__()
print(type(w).__name__, next(w))
try:
    w.send(3)
except StopIteration as e:
    print("wrapper returned", e.value)

# awaiting errors
class A: pass
class BadAwait:
    def __await__(self): return 5
class CoroAwait:
    def __await__(self): return simple(0)
async def awaiter(x):
    try:
        await x
    except Exception as e:
        print(type(e).__name__, e)
for x in [1, A(), "s", BadAwait()]:
    run(awaiter(x))
ca = CoroAwait()
co = ca.__await__()
class Given:
    def __await__(self): return co
run(awaiter(Given()))
co.close()

# a coroutine awaited twice
async def inner():
    await Suspend("inner")
i = inner()
async def outer1():
    await i
async def outer2():
    await i
o1 = outer1()
o1.send(None)
try:
    outer2().send(None)
except RuntimeError as e:
    print("RuntimeError:", e)
o1.close()

# running from inside itself
async def reenter():
    me.send(None)
me = reenter()
try:
    me.send(None)
except ValueError as e:
    print("ValueError:", e)

# async with
class Mgr:
    def __init__(self, name, suppress=False):
        self.name = name
        self.suppress = suppress
    async def __aenter__(self):
        print("enter", self.name)
        await Suspend("enter " + self.name)
        return self.name.upper()
    async def __aexit__(self, t, v, tb):
        print("exit", self.name, t.__name__ if t else None, v)
        await Suspend("exit " + self.name)
        return self.suppress

async def with_test():
    async with Mgr("a") as x, Mgr("b") as y:
        print("body", x, y)
    async with Mgr("c", suppress=True):
        raise KeyError("suppressed")
    try:
        async with Mgr("d"):
            raise KeyError("escapes")
    except KeyError as e:
        print("caught", e)
    for i in range(3):
        async with Mgr("loop%d" % i):
            if i == 1:
                break
            continue
    async with Mgr("ret"):
        return "returned from with"

c = with_test()
steps = []
try:
    while True:
        steps.append(c.send(None))
except StopIteration as e:
    print(e.value)
print(steps)

class NoAenter:
    async def __aexit__(self, *a): pass
class NoAexit:
    async def __aenter__(self): pass
class BadAenter:
    def __aenter__(self): return 1
    async def __aexit__(self, *a): pass
class BadAexit:
    async def __aenter__(self): return 1
    def __aexit__(self, *a): return 1
async def bad_with(m):
    try:
        async with m:
            pass
    except TypeError as e:
        print("TypeError:", e)
for m in [1, NoAenter(), NoAexit(), BadAenter(), BadAexit()]:
    run(bad_with(m))

# async for over a class-based iterator
class Counter:
    def __init__(self, n):
        self.n = n
        self.i = 0
    def __aiter__(self):
        return self
    async def __anext__(self):
        await Suspend("tick")
        if self.i >= self.n:
            raise StopAsyncIteration
        self.i += 1
        return self.i

async def for_test():
    total = 0
    async for v in Counter(4):
        if v == 2:
            continue
        total += v
    else:
        print("else ran")
    async for v in Counter(5):
        if v == 3:
            break
    else:
        print("not printed")
    print("v after break", v)
    print([v async for v in Counter(3)])
    print([(a, b) async for a in Counter(2) for b in range(2)])
    print([await Suspend(x) for x in range(2)])
    return total
print(run(for_test()))

class NoAiter: pass
class BadAiter:
    def __aiter__(self): return 1
class BadAnext:
    def __aiter__(self): return self
    def __anext__(self): return 1
async def bad_for(x):
    try:
        async for v in x:
            pass
    except TypeError as e:
        print("TypeError:", e)
for x in [1, NoAiter(), BadAiter(), BadAnext()]:
    run(bad_for(x))

# types.coroutine
@types.coroutine
def legacy():
    v = yield "legacy"
    return v * 2
async def use_legacy():
    return await legacy()
c = use_legacy()
print(c.send(None))
try:
    c.send(21)
except StopIteration as e:
    print("legacy result", e.value)
print(types.coroutine(simple) is simple, hex(legacy.__code__.co_flags))
def plain_gen():
    yield 1
async def await_plain():
    await plain_gen()
try:
    run(await_plain())
except TypeError as e:
    print("TypeError:", e)
print(types.CoroutineType is type(c), types.AsyncGeneratorType.__name__)
