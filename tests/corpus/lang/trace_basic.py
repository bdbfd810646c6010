# sys.settrace 'line' events: straight-line code, several statements on one line,
# nested calls, loops (for, while, break/continue, else), returns from the middle.
# (gilvm gives the sub-expressions of a statement its first line: CPython's events for
# the continuation lines of a multi-line statement are not reproduced, so none is here.)
from _tracer import run


def add(a, b):
    c = a + b
    return c


def straight():
    x = 1
    y = 2; z = 3
    w = add(x, y)
    return x + y + z + w


def nested():
    return add(add(1, 2), add(3, 4))


def loop_for():
    total = 0
    for i in range(3):
        total += i
    return total


def loop_while():
    n = 3
    while n:
        n -= 1
    return n


def loop_oneline():
    s = 0
    for i in range(3): s += i
    return s


def loop_break():
    for i in range(10):
        if i == 2:
            break
        if i == 0:
            continue
        x = i
    else:
        x = -1
    return i


def loop_else():
    for i in range(2):
        pass
    else:
        i = 10
    return i


def nested_loops():
    r = []
    for i in range(2):
        for j in range(2):
            r.append((i, j))
    return r


def cond(x):
    if x > 0:
        y = 1
    elif x < 0:
        y = -1
    else:
        y = 0
    return y


def early(x):
    if x:
        return "early"
    return "late"


run(straight)
run(nested)
run(loop_for)
run(loop_while)
run(loop_oneline)
run(loop_break)
run(loop_else)
run(nested_loops)
run(cond, 1)
run(cond, -1)
run(cond, 0)
run(early, True)
run(early, False)
