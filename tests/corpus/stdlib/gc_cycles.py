# Reference cycles of lists, dicts, instances, closures and generators are freed by
# gc.collect(); weak reference callbacks observe the frees.
import gc
import _weakref

gc.disable()
gc.collect()
freed = []

class Node:
    def __init__(self, name):
        self.name = name

def watch(obj, name):
    return _weakref.ref(obj, lambda r: freed.append(name))

def report(label, n):
    print(label, n, sorted(freed))
    freed.clear()

# Two instances referring to each other.
a = Node("a"); b = Node("b")
a.other = b; b.other = a
refs = [watch(a, "a"), watch(b, "b")]
del a, b
print("before collect", sorted(freed))
report("instances", gc.collect())

# A self-referencing list and a dict cycle, held through an instance.
holder = Node("holder")
l = [1, 2]; l.append(l)
d = {}; d["self"] = d
holder.l = l; holder.d = d; l.append(holder)
refs = [watch(holder, "holder")]
del l, d, holder
report("list+dict+instance", gc.collect())

# A longer ring of instances.
ring = [Node(i) for i in range(10)]
for i, n in enumerate(ring):
    n.next = ring[(i + 1) % 10]
refs = [watch(n, "ring%d" % n.name) for n in ring]
del ring, n
report("ring", gc.collect())

# Closures: a function whose cell refers to the function itself (kept in an instance,
# not in a module's namespace: the free-threaded build makes functions published there
# immortal).
def make():
    def f():
        return f
    f.tag = Node("closure-attr")
    return f
box = Node("box")
box.f = make()
refs = [watch(box.f.tag, "closure-attr")]
del box
n = gc.collect()
print("closure collected something:", n >= 2, sorted(freed))
freed.clear()

# A bound method stored on its own instance.
class M:
    def meth(self):
        pass
m = M()
m.bound = m.meth
refs = [watch(m, "m")]
del m
report("bound method", gc.collect())

# Tuples in a cycle.
x = Node("x")
x.t = (x, 1, "s")
refs = [watch(x, "x")]
del x
report("tuple", gc.collect())

# A suspended generator that refers to itself through its frame.
def gen():
    me = yield 1
    yield me
g = gen()
next(g)
holder = Node("gen-holder")
holder.g = g
g.send(holder)  # the frame now holds `holder`, which holds the generator
refs = [watch(holder, "gen-holder")]
del g, holder
report("generator", gc.collect())

# A cycle reachable from a live object is kept.
keep = Node("keep")
keep.self = keep
refs = [watch(keep, "keep")]
report("live", gc.collect())
print(keep.self is keep)

# A set of instances referring to their set; a subclass of list in a cycle.
s = set()
n1 = Node("in-set"); n1.s = s; s.add(n1)
class L(list):
    pass
ll = L(); ll.append(ll)
refs = [watch(n1, "in-set"), watch(ll, "L")]
del s, n1, ll
report("set+subclass", gc.collect())

# Nothing left.
print("again", gc.collect())
gc.enable()
