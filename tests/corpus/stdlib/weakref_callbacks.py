# Callbacks: cleared first, then called newest first, each with its weak reference object;
# exceptions in a callback are reported and do not propagate.
import _weakref as w

class C:
    def __init__(self, n):
        self.n = n

class CB:
    def __init__(self, tag, log):
        self.tag = tag
        self.log = log
    def __repr__(self):
        return f"<CB {self.tag}>"
    def __call__(self, r):
        # Every weak reference is already dead when the first callback runs.
        self.log.append((self.tag, r(), all(x() is None for x in refs)))
        if self.tag == "bad":
            raise KeyError("in callback")

log = []
c = C(1)
refs = [w.ref(c, CB(i, log)) for i in range(3)]
refs.append(w.ref(c, CB("bad", log)))
refs.append(w.ref(c))
print(w.getweakrefcount(c))
del c
print(log)
print("still running")

# A callback that is itself dead (its weak reference died first) is not called.
c = C(2)
r = w.ref(c, lambda r: print("never"))
del r
del c
print("no call for a dead weakref")

# The callback sees the weak reference subclass instance, with its attributes.
class Named(w.ref):
    def __init__(self, ob, cb, name):
        super().__init__(ob, cb)
        self.name = name

try:
    Named(C(0), None, "x")
except TypeError as e:
    print("TypeError:", e)

class Named(w.ref):
    def __new__(cls, ob, cb, name):
        return super().__new__(cls, ob, cb)
    def __init__(self, ob, cb, name):
        super().__init__(ob, cb)
        self.name = name

got = []
c = C(3)
k = Named(c, lambda r: got.append(r.name), "named")
del c
print(got, k(), k.__callback__)

# ref.__callback__ while alive, and ref() equality after death.
c = C(4)
def f(r):
    pass
r1 = w.ref(c, f)
r2 = w.ref(c, f)
print(r1.__callback__ is f, r1 == r2, r1 is r2)
del c
print(r1 == r2, r1 != r2, r1 == r1)

# Hash is cached while alive.
c = C(5)
r = w.ref(c)
h = hash(r)
del c
print(hash(r) == h)
r = w.ref(C(6))
try:
    hash(r)
except TypeError as e:
    print("TypeError:", e)

# Functions, bound methods, sets (a class is in a reference cycle: only the collector frees it).
# (Inside a function: on the free-threaded build a function bound in a module's namespace
# is made immortal.)
def check():
    calls = []
    for make in (lambda: (lambda: None), lambda: C(7).__init__, lambda: {1, 2}, lambda: frozenset([3])):
        o = make()
        r = w.ref(o, lambda r: calls.append(type(r).__name__))
        del o
    print(calls)
check()
