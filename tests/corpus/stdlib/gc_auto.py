# Automatic collection: cycles are found without gc.collect() once enough tracked
# objects were allocated; not while the collector is disabled.
import gc
import _weakref

gc.collect()
freed = []

class Node:
    pass

def make_cycles(n):
    refs = []
    for i in range(n):
        a = Node(); b = Node()
        a.b = b; b.a = a
        if i % 100 == 0:
            refs.append(_weakref.ref(a, lambda r: freed.append(1)))
    return refs

gc.disable()
refs = make_cycles(20000)
print("disabled:", len(freed), all(r() is not None for r in refs))
gc.collect()
print("collected:", len(freed))
freed.clear()

gc.enable()
gc.set_threshold(100)
refs = make_cycles(20000)
print("enabled, freed some:", len(freed) > 0)
stats = gc.get_stats()
print("automatic collections counted:", stats[0]["collections"] > 0)
gc.set_threshold(0)
freed.clear()
refs = make_cycles(5000)
print("threshold 0:", len(freed))
gc.set_threshold(2000)
gc.collect()
