# sys.monitoring (PEP 669): PY_START, PY_RETURN, CALL, C_RETURN and C_RAISE for calls of
# Python functions, methods, classes and builtins, as CPython 3.14 reports them.
from _mon import Recorder

rec = Recorder(__file__, ["PY_START", "PY_RETURN", "CALL", "C_RETURN", "C_RAISE"])


class Point:
    def __init__(self, x):
        self.x = x

    def moved(self, d):
        return Point(self.x + d)

    @staticmethod
    def origin():
        return Point(0)


class Plain:
    pass


def kw(a, b=2, *, c=3):
    return a + b + c


def calls():
    p = Point(1)
    q = p.moved(2)
    m = p.moved
    m(3)
    Point.origin()
    Plain()
    items = []
    items.append(q.x)
    ap = items.append
    ap(4)
    n = len(items)
    s = sorted(items, key=abs)
    kw(1, c=5)
    kw(*items)
    print(*items, sep=",")
    "-".join(["a", "b"])
    try:
        int("nope")
    except ValueError:
        pass
    try:
        len(5)
    except TypeError:
        pass
    max(3, 4)
    return n, s


def main():
    return calls()


with rec:
    main()
rec.show("calls")
rec.close()
