# The memory suite's program (gilvm-compare --suite memory). Usage: objects.py KIND N
#
# Builds a list of N objects of one kind, keeps them alive until the process exits and
# prints one line (checked to be identical on every interpreter). gilvm-compare reads the
# peak RSS of the process from outside (wait4) at two sizes N1 < N2 and reports
# (peak(N2) - peak(N1)) / (N2 - N1): the bytes one more object costs, its slot in the list
# included, start-up cancelled. See docs/benchmarking.md.
#
# The list is allocated at its final size first ([None] * N), so that it holds exactly N
# slots on every interpreter (a list grown by append over-allocates by an amount that
# depends on the interpreter and on N) and is never copied while it grows.
#
# The instances' attributes are shared constants, so that inst2 and inst5 measure the
# instance and its attribute storage, not the values; tuple2 and list1 hold fresh ints as
# in (i, -i) and [i], and count them.
import sys


class Inst2:
    def __init__(self):
        self.a = 0
        self.b = 1


class Inst5:
    def __init__(self):
        self.a = 0
        self.b = 1
        self.c = 2
        self.d = None
        self.e = True


def build(kind, n):
    objs = [None] * n
    if kind == "object":
        for i in range(n):
            objs[i] = object()
    elif kind == "tuple2":
        for i in range(n):
            objs[i] = (i, -i)
    elif kind == "list1":
        for i in range(n):
            objs[i] = [i]
    elif kind == "dict0":
        for i in range(n):
            objs[i] = {}
    elif kind == "str":
        for i in range(n):
            objs[i] = str(i)
    elif kind == "inst2":
        for i in range(n):
            objs[i] = Inst2()
    elif kind == "inst5":
        for i in range(n):
            objs[i] = Inst5()
    else:
        raise ValueError("unknown kind: " + kind)
    return objs


kind = sys.argv[1] if len(sys.argv) > 1 else "object"
n = int(sys.argv[2]) if len(sys.argv) > 2 else 100000
objs = build(kind, n)
print(kind, len(objs), type(objs[-1]).__name__)
