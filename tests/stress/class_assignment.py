# Threads read and write attributes and slots of shared instances, and call their methods,
# while other threads reassign the instances' __class__ (compatible classes, so the
# assignment moves inline values to a dict while readers index them) and install and remove
# a __getattribute__ override. Each thread owns some attribute names: what it stores there
# it must read back, whatever class the instance has meanwhile.
from _threads import run_threads

N_THREADS = 4
N = 20000


class A:
    def who(self):
        return "A"


class B:
    def who(self):
        return "B"


class S1:
    __slots__ = ("s0", "s1", "s2", "s3")

    def who(self):
        return "S1"


class S2:
    __slots__ = ("s0", "s1", "s2", "s3")

    def who(self):
        return "S2"


class H:
    pass


objs = [A() for _ in range(8)]
slotted = [S1() for _ in range(8)]
hooked = H()
hooked.v = 1


def hook(self, name):
    if name == "v":
        return "hooked"
    return object.__getattribute__(self, name)


done = []
flips = [0]


def worker(t):
    mine = "x%d" % t
    slot = "s%d" % t
    if t == 0:
        # The swapper: flips classes, and the hook, as fast as it can until the others
        # are done.
        i = 0
        while len(done) < N_THREADS - 1:
            o = objs[i % len(objs)]
            s = slotted[i % len(slotted)]
            o.__class__ = B if type(o) is A else A
            s.__class__ = S2 if type(s) is S1 else S1
            if i % 64 == 0:
                if "__getattribute__" in H.__dict__:
                    del H.__getattribute__
                else:
                    H.__getattribute__ = hook
            i += 1
        flips[0] = i
        return
    for i in range(N):
        o = objs[i % len(objs)]
        s = slotted[i % len(slotted)]
        setattr(o, mine, i)
        assert getattr(o, mine) == i, (mine, getattr(o, mine), i)
        o.shared = i
        assert o.who() in ("A", "B")
        assert type(o) in (A, B)
        setattr(s, slot, i)
        assert getattr(s, slot) == i
        assert s.who() in ("S1", "S2")
        assert hooked.v in (1, "hooked")
        if i % 100 == 0:
            d = vars(o)
            assert d[mine] == i, (d, mine, i)
    done.append(t)


run_threads(N_THREADS, worker)
for o in objs:
    for t in range(1, N_THREADS):
        assert getattr(o, "x%d" % t) % len(objs) == objs.index(o), (t, vars(o))
    assert type(o) in (A, B)
for s in slotted:
    for t in range(1, N_THREADS):
        assert getattr(s, "s%d" % t) % len(slotted) == slotted.index(s)
assert flips[0] > 0
print("OK")
