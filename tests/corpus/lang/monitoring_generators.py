# sys.monitoring (PEP 669): generators and coroutines: PY_START, PY_RESUME, PY_YIELD,
# PY_RETURN, PY_THROW, STOP_ITERATION, and the RAISE of a for loop that ends on a
# StopIteration, as CPython 3.14 reports them.
from _mon import Recorder

rec = Recorder(__file__, ["PY_START", "PY_RESUME", "PY_RETURN", "PY_YIELD", "PY_THROW",
                          "PY_UNWIND", "STOP_ITERATION", "RAISE", "RERAISE",
                          "EXCEPTION_HANDLED", "LINE"])


def counter(k):
    for i in range(k):
        yield i
    return "done"


def quiet():
    yield 1


def delegate():
    r = yield from counter(2)
    return r


class Countdown:
    def __init__(self, n):
        self.n = n

    def __iter__(self):
        return self

    def __next__(self):
        if self.n == 0:
            raise StopIteration
        self.n -= 1
        return self.n


def consume():
    for v in counter(2):
        pass
    for v in quiet():
        pass
    for v in Countdown(1):
        pass
    for v in delegate():
        pass
    g = counter(3)
    next(g)
    try:
        g.throw(KeyError("k"))
    except KeyError:
        pass
    h = quiet()
    next(h)
    h.close()


async def leaf():
    return 7


async def root():
    return await leaf()


def run_coroutine():
    c = root()
    try:
        c.send(None)
    except StopIteration as e:
        return e.value


with rec:
    consume()
rec.show("generators")
with rec:
    run_coroutine()
rec.show("coroutines")
rec.close()
