# sys.monitoring (PEP 669): LINE, JUMP and BRANCH_LEFT/BRANCH_RIGHT events of loops and
# branches, as CPython 3.14 reports them.
from _mon import Recorder, E

rec = Recorder(__file__, ["PY_START", "PY_RETURN", "LINE", "JUMP", "BRANCH_LEFT", "BRANCH_RIGHT"])


def loops(n):
    t = 0
    for i in range(n):
        if i % 2:
            t += i
        else:
            t -= 1
    while n > 0:
        n -= 1
        if n == 1:
            continue
        t += 1
    for k in range(5):
        if k == 2:
            break
    else:
        t = -1
    return t


def conditions(a, b):
    r = []
    if a and b:
        r.append(1)
    elif a or b:
        r.append(2)
    else:
        r.append(3)
    x = 1 if a else 2
    if a is None:
        x = 0
    if not b:
        x += 1
    y = a < 3 and b
    return x, y


def nested(rows):
    total = 0
    for row in rows:
        for v in row:
            if v < 0:
                continue
            total += v
    return total


def one_line_loop(n):
    for i in range(n): pass
    return n


with rec:
    loops(3)
rec.show("loops")
with rec:
    conditions(1, 0)
    conditions(0, 0)
    conditions(5, 2)
rec.show("conditions")
with rec:
    nested([[1, -2], [3]])
rec.show("nested")
with rec:
    one_line_loop(2)
rec.show("one-line loop")
rec.close()
