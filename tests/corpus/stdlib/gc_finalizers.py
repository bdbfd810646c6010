# __del__ in a cycle (PEP 442): weak reference callbacks first, then finalizers, each
# once; a resurrected object survives with what it reaches, and is freed later. The order
# of the finalizers among the garbage is unspecified: their messages are printed sorted.
import gc
import _weakref

gc.disable()
gc.collect()

class A:
    def __init__(self, name):
        self.name = name
    def __del__(self):
        log.append("del %s partner alive: %s" % (self.name, self.other.name))

log = []
def flush():
    for m in sorted(log):
        print(m)
    log.clear()

a = A("a"); b = A("b")
a.other = b; b.other = a
wa = _weakref.ref(a, lambda r: print("callback a, referent gone:", r() is None))
del a, b
n = gc.collect()
flush()
print("collected", n)
print("weakref dead:", wa() is None)

# A weak reference that is itself garbage: its callback is not called.
class C:
    pass
c = C()
c.me = c
c.wr = _weakref.ref(c, lambda r: print("never called"))
del c
print("collected garbage weakref", gc.collect() >= 1)

# Resurrection: the finalizer stores the object; it survives, is finalized once.
saved = []
class R:
    def __del__(self):
        log.append("R.__del__ runs")
        saved.append(self)
r = R()
r.me = r
r.friend = A("friend")
r.friend.other = r.friend
del r
n = gc.collect()
flush()
print("resurrected, collected:", n)
print(len(saved), saved[0].me is saved[0], saved[0].friend.name)
print("is_finalized:", gc.is_finalized(saved[0]))
saved.clear()
print("second collection:", gc.collect())
flush()
print("saved:", saved)

# Finalizers run once even if the object is collected again after resurrection.
count = []
class Once:
    def __del__(self):
        count.append(1)
        if len(count) == 1:
            keep.append(self)
keep = []
o = Once(); o.cycle = [o]
del o
gc.collect()
print("after first:", len(count), len(keep))
keep.clear()
gc.collect()
print("after second:", len(count), len(keep))

# An exception in __del__ during a collection is reported, not raised.
class Boom:
    def __call__(self):
        raise ValueError("boom")
    def __repr__(self):
        return "<Boom>"
class Bad:
    __del__ = Boom()
x = Bad(); x.x = x
del x
print("collected bad", gc.collect())

# A finalizer that creates new cycles: they are found by a later collection.
class Spawner:
    def __del__(self):
        n = A("spawned")
        n.other = n
s = Spawner(); s.s = s
del s
gc.collect()
print("later", gc.collect())
flush()
gc.enable()
