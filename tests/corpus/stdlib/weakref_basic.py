import _weakref as w
class C:
    def __init__(self, n): self.n = n
    def __repr__(self): return f"C({self.n})"
    def meth(self): return self.n * 2
    def __len__(self): return self.n
    def __add__(self, o): return self.n + o
class KeyedRef(w.ref):
    __slots__ = "key",
    def __new__(type, ob, callback, key):
        self = w.ref.__new__(type, ob, callback)
        self.key = key
        return self
    def __init__(self, ob, callback, key):
        super().__init__(ob, callback)
c = C(3)
order = []
r1 = w.ref(c)
r2 = w.ref(c)
print(r1 is r2, r1() is c, w.getweakrefcount(c))
k = KeyedRef(c, lambda r: order.append(("keyed", r.key)), "K")
print(type(k).__name__, k.key, k() is c, isinstance(k, w.ref))
r3 = w.ref(c, lambda r: order.append("r3"))
r4 = w.ref(c, lambda r: order.append("r4"))
print(w.getweakrefcount(c), len(w.getweakrefs(c)), w.getweakrefs(c)[0] is r1)
p = w.proxy(c)
print(p.n, p.meth(), len(p), p + 4, type(p).__name__)
print(hash(r1) == hash(c), r1 == r2, r1 == r3, r3.__callback__ is not None, r1.__callback__)
d = {r1: 1}
del c
print(order)
print(r1(), r1 == r3, r1 == r1, d[r1])
try: p.n
except ReferenceError as e: print("RE", e)
class S:
    __slots__ = ("a",)
class SW:
    __slots__ = ("a", "__weakref__")
try: w.ref(S())
except TypeError as e: print(e)
sw = SW(); print(w.ref(sw)() is sw)
for v in [1, "s", (1,), [1], {}, object()]:
    try: w.ref(v)
    except TypeError as e: print(e)
def f(): pass
for o in [f, C, C(1).meth, {1}, frozenset(), w]:
    r = w.ref(o); print(type(o).__name__, r() is o)
class E: pass
e = E()
print(e.__weakref__ is None)
r = w.ref(e)
print(e.__weakref__ is r)
cp = w.proxy(f)
print(type(cp).__name__, cp())
try: hash(p)
except TypeError as ex: print(ex)
