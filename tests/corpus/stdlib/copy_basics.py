# copy.copy / copy.deepcopy: atoms, builtin containers, shared and recursive
# structures through the memo, user classes and their hooks, error cases.
import copy

print("== atoms")
def func(): pass
class K: pass
for v in [None, True, 3, 2.5, "s", b"b", func, K, len, range(3), ..., NotImplemented]:
    print(type(v).__name__, copy.copy(v) is v, copy.deepcopy(v) is v)

print("== shallow containers")
inner = [1, 2]
for orig in [[inner, 3], {"k": inner}, (inner, 4), frozenset([1, 2]), {1, 2}]:
    c = copy.copy(orig)
    print(type(c).__name__, c == orig, c is orig)
lst = [inner, 3]
c = copy.copy(lst)
c[0].append(99)
print(lst, c[0] is inner)
c.append(5)
print(lst, c)

print("== deep containers")
data = {"a": [1, [2, 3]], "b": (4, [5]), "c": {6, 7}, "d": "text"}
d = copy.deepcopy(data)
print(d == data, d is data, d["a"] is data["a"], d["a"][1] is data["a"][1])
print(d["b"] is data["b"], d["b"][1] is data["b"][1], d["d"] is data["d"])
d["a"][1].append(99)
print(data["a"], d["a"])
t = (1, "x", (2, 3))
print("tuple of atoms kept:", copy.deepcopy(t) is t)
t2 = (1, [2])
print("tuple with list copied:", copy.deepcopy(t2) is t2, copy.deepcopy(t2) == t2)
print(sorted(copy.deepcopy({3, 1, 2})))

print("== shared and recursive")
shared = [0]
pair = [shared, shared]
p2 = copy.deepcopy(pair)
print(p2[0] is p2[1], p2[0] is shared)
rec = [1, 2]
rec.append(rec)
r2 = copy.deepcopy(rec)
print(r2[2] is r2, r2[2] is rec, len(r2), r2[:2])
print(r2)
rd = {"name": "loop"}
rd["self"] = rd
rd2 = copy.deepcopy(rd)
print(rd2["self"] is rd2, rd2["self"] is rd)
rt = ([],)
rt[0].append(rt)
rt2 = copy.deepcopy(rt)
print(rt2 is rt, rt2[0][0] is rt2)

print("== memo")
memo = {}
src = [1, [2]]
out = copy.deepcopy(src, memo)
print(memo[id(src)] is out, memo[id(src[1])] is out[1])
print(len(memo[id(memo)]))
again = copy.deepcopy(src, memo)
print(again is out)
preset = {id(shared): "replaced"}
print(copy.deepcopy([shared, 1], preset))

print("== user classes")
class Point:
    def __init__(self, x, y):
        print("  Point.__init__", x, y)
        self.x = x
        self.y = y
    def __repr__(self):
        return "Point(%r, %r)" % (self.x, self.y)
p = Point(1, [2])
q = copy.copy(p)
print(q, type(q).__name__, q is p, q.y is p.y)
r = copy.deepcopy(p)
print(r, r.y is p.y, r.__dict__ == p.__dict__)
e = Point.__new__(Point)
print("empty:", copy.copy(e).__dict__, copy.deepcopy(e).__dict__)

class Node:
    def __init__(self, name):
        self.name = name
        self.children = []
        self.parent = None
    def add(self, child):
        child.parent = self
        self.children.append(child)
        return child
root = Node("root")
kid = root.add(Node("kid"))
kid.add(Node("grandkid"))
root2 = copy.deepcopy(root)
k2 = root2.children[0]
print(k2.name, k2.parent is root2, k2.children[0].parent is k2, k2 is kid)

class WithCopy:
    def __init__(self, v):
        self.v = v
    def __copy__(self):
        print("  __copy__ called")
        return WithCopy(self.v + ["shallow"])
    def __deepcopy__(self, memo):
        print("  __deepcopy__ called, memo is dict:", isinstance(memo, dict))
        return WithCopy(copy.deepcopy(self.v, memo) + ["deep"])
w = WithCopy([1])
print(copy.copy(w).v, copy.deepcopy(w).v)
both = [w, w]
b2 = copy.deepcopy(both)
print(b2[0] is b2[1], b2[0].v)

class State:
    def __init__(self):
        self.a = 1
        self.cache = "big"
    def __getstate__(self):
        print("  __getstate__")
        st = self.__dict__.copy()
        del st["cache"]
        return st
    def __setstate__(self, st):
        print("  __setstate__", sorted(st))
        self.__dict__.update(st)
        self.cache = None
s2 = copy.copy(State())
print(s2.a, s2.cache)
s3 = copy.deepcopy(State())
print(s3.a, s3.cache)

class OnlySet:
    def __setstate__(self, st):
        print("  OnlySet.__setstate__", st)
        self.__dict__.update(st)
o = OnlySet()
copy.copy(o)
o.z = 5
print(copy.copy(o).z)

class Reduced:
    def __init__(self, a, b):
        self.a, self.b = a, b
    def __reduce__(self):
        return (Reduced, (self.a, self.b))
    def __repr__(self):
        return "Reduced(%r, %r)" % (self.a, self.b)
rr = Reduced(1, [2])
print(copy.copy(rr), copy.copy(rr).b is rr.b, copy.deepcopy(rr).b is rr.b)

class Singleton:
    def __reduce__(self):
        return "Singleton"
sg = Singleton()
print(copy.copy(sg) is sg, copy.deepcopy(sg) is sg)

class MyList(list):
    pass
ml = MyList([1, [2]])
ml.tag = "t"
ml2 = copy.copy(ml)
print(type(ml2).__name__, ml2, ml2.tag, ml2[1] is ml[1])
ml3 = copy.deepcopy(ml)
print(type(ml3).__name__, ml3, ml3.tag, ml3[1] is ml[1])

class MyDict(dict):
    pass
md = MyDict(a=[1])
md3 = copy.deepcopy(md)
print(type(md3).__name__, md3, md3["a"] is md["a"])

class Meth:
    def __init__(self):
        self.v = 7
    def get(self):
        return self.v
m = Meth()
bound = m.get
print(copy.copy(bound)(), copy.deepcopy(bound)())

print("== exceptions")
class MyErr(Exception):
    pass
err = MyErr("bad", [1])
err.extra = "x"
e2 = copy.copy(err)
print(type(e2).__name__, e2.args, e2.extra, e2.args[1] is err.args[1])
e3 = copy.deepcopy(err)
print(type(e3).__name__, e3.args, e3.extra, e3.args[1] is err.args[1])
print(repr(copy.copy(ValueError("v"))))

print("== errors")
import threading
lock = threading.Lock()
for fn in (copy.copy, copy.deepcopy):
    try:
        fn(lock)
    except TypeError as ex:
        print(fn.__name__, "TypeError:", ex)
holder = Point(None, 1)
holder.x = lock
print(copy.copy(holder).x is lock)
try:
    copy.deepcopy(holder)
except TypeError as ex:
    print("deepcopy holder TypeError:", ex)
def gen():
    yield 1
try:
    copy.copy(gen())
except TypeError as ex:
    print("generator TypeError:", ex)
try:
    copy.deepcopy(copy)
except TypeError as ex:
    print("module TypeError:", ex)
class BadReduce:
    def __reduce__(self):
        return (BadReduce,)
try:
    copy.copy(BadReduce())
except Exception as ex:
    print("bad reduce", type(ex).__name__)
print(issubclass(copy.Error, Exception), copy.error is copy.Error)
try:
    raise copy.Error("custom")
except copy.Error as ex:
    print("copy.Error:", ex)
