# The gc module's API: switches, thresholds, counts, referents/referrers, tracking,
# callbacks, freeze, debug flags, statistics, and its errors.
import gc

print(gc.isenabled())
gc.disable(); print(gc.isenabled())
gc.enable(); print(gc.isenabled())

print(gc.get_threshold())
old = gc.get_threshold()
print(gc.set_threshold(500))
print(gc.get_threshold())
gc.set_threshold(700, 11, 12)
print(gc.get_threshold())
gc.set_threshold(*old)
for bad in [(), (1, 2, 3, 4)]:
    try:
        gc.set_threshold(*bad)
    except TypeError as e:
        print("TypeError:", e)
try:
    gc.set_threshold("x")
except TypeError as e:
    print("TypeError:", e)

c = gc.get_count()
print(type(c).__name__, len(c), all(isinstance(x, int) and x >= 0 for x in c))

for g in (0, 1, 2):
    print("collect", g, type(gc.collect(g)).__name__)
print(type(gc.collect(generation=1)).__name__)
for bad in (-1, 3):
    try:
        gc.collect(bad)
    except ValueError as e:
        print("ValueError:", e)
try:
    gc.collect("x")
except TypeError as e:
    print("TypeError:", e)

# Tracking.
print(gc.is_tracked(1), gc.is_tracked("s"), gc.is_tracked(1.5), gc.is_tracked(None))
print(gc.is_tracked([]), gc.is_tracked({}), gc.is_tracked({1: []}), gc.is_tracked(set()))
print(gc.is_tracked(()), gc.is_tracked(([],)))
class K: pass
print(gc.is_tracked(K()), gc.is_tracked(b"x"), gc.is_tracked(range(3)))

# Referents.
a = [1, "two"]
print(gc.get_referents(a))
x = [3]
print(gc.get_referents((x, 4)) == [4, x])
print(gc.get_referents({1: x}) == [x, 1], gc.get_referents({"a": x, "b": 2}) == [x, 2])
print(gc.get_referents(1, "s"))
print(gc.get_referents([x], [a]) == [x, a])

# Referrers.
target = ["t"]
holder1 = [target]
holder2 = {"k": target}
class H: pass
h = H(); h.attr = target
rs = gc.get_referrers(target)
print(any(r is holder1 for r in rs), any(r is holder2 for r in rs))

# Objects.
objs = gc.get_objects()
print(type(objs).__name__, any(o is holder1 for o in objs))
print(gc.get_objects(generation=2) is not None)
print(type(gc.get_objects(-1)).__name__)
for bad in (3, 4):
    try:
        gc.get_objects(bad)
    except ValueError as e:
        print("ValueError:", e)

# Callbacks.
events = []
def cb(phase, info):
    events.append((phase, sorted(info), info["generation"]))
gc.callbacks.append(cb)
gc.collect()
gc.collect(0)
gc.callbacks.remove(cb)
gc.collect()
for e in events:
    print(e)
class BadCallback:
    def __call__(self, phase, info):
        if phase == "stop":
            raise RuntimeError("in callback")
    def __repr__(self):
        return "<BadCallback>"
bad_cb = BadCallback()
gc.callbacks.append(bad_cb)
gc.collect()
gc.callbacks.remove(bad_cb)
print("callbacks left", gc.callbacks)

# Statistics.
st = gc.get_stats()
print(len(st), [sorted(s) for s in st])

# Debug flags.
print(gc.DEBUG_STATS, gc.DEBUG_COLLECTABLE, gc.DEBUG_UNCOLLECTABLE, gc.DEBUG_SAVEALL, gc.DEBUG_LEAK)
print(gc.get_debug())
gc.set_debug(gc.DEBUG_SAVEALL)
print(gc.get_debug())
gc.collect()
del gc.garbage[:]
l = []; l.append(l)
del l
n = gc.collect()
print("saved", n, len(gc.garbage), gc.garbage[0][0] is gc.garbage[0])
gc.set_debug(0)
gc.garbage.clear()
print(gc.garbage)

# Freeze.
gc.freeze()
print(gc.get_freeze_count() > 0)
gc.unfreeze()
print(gc.get_freeze_count())
