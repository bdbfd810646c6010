# sys.settrace events through try/except/finally, with, generators, comprehensions,
# lambdas, exceptions raised and caught across calls, and f_trace_lines.
import sys
from _tracer import run


def fail(x):
    if x:
        raise ValueError(x)
    return x


def try_except():
    try:
        a = 1
        fail(a)
        b = 2
    except ValueError as e:
        c = 3
    else:
        d = 4
    finally:
        f = 5
    return "done"


def try_finally_return():
    try:
        return 1
    finally:
        x = 2


def try_nested():
    try:
        try:
            fail(1)
        finally:
            y = 1
    except ValueError:
        z = 2
    return z


class Ctx:
    def __enter__(self):
        return "ctx"

    def __exit__(self, *exc):
        return False


def with_stmt():
    with Ctx() as c:
        x = 1
        y = 2
    return x + y


def gen():
    yield 1
    x = 2
    yield x
    return 3


def use_gen():
    total = 0
    for v in gen():
        total += v
    return total


def comps():
    a = [i * 2 for i in range(3)]
    b = {i: i for i in range(2)}
    c = list(i for i in range(2))
    return a, b, c


def lam():
    f = lambda x: x + 1
    return f(1)


def uncaught():
    x = 1
    fail(x)
    return x


def raise_in_loop():
    out = []
    for i in range(3):
        try:
            fail(i)
            out.append(i)
        except ValueError:
            out.append(-i)
    return out


def no_lines():
    sys._getframe().f_trace_lines = False
    x = 1
    y = 2
    return x + y


def tracer_lines_off(frame, event, arg):
    return None


run(try_except)
run(try_finally_return)
run(try_nested)
run(with_stmt)
run(use_gen)
run(comps)
run(lam)
run(uncaught)
run(raise_in_loop)
run(no_lines)
