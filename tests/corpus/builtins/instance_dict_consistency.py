class P:
    def __init__(self, x, y):
        self.x = x; self.y = y
p = P(1, 2)
q = P(3, 4)
q.z = 9
print(vars(p), q.__dict__)
del q.x
print(q.__dict__); q.x = 10; print(vars(q))
r = P(5, 6)
d = r.__dict__
d['w'] = 1
r.v = 2
print(r.w, d, vars(r) is d)
s = P(7, 8)
del s.x
s.x = 1
print(vars(s))
setattr(s, "a" + "b", 3); print(s.ab, getattr(s, "a"+"b"))
t = P(0, 0)
t.__dict__ = {"k": 1}
print(t.k, vars(t))
try: t.x
except AttributeError as e: print(e)
class Q: pass
qs = [Q() for _ in range(3)]
for i, o in enumerate(qs):
    for j in range(40):
        setattr(o, f"a{(j + i) % 40}", j)
print(list(vars(qs[1]).items())[:3], len(vars(qs[2])))
# Instances without a __dict__.
class C:
    __slots__ = ()
try:
    C().x = 1
except AttributeError as e: print(e)
try:
    object().x = 1
except AttributeError as e: print(e)
try:
    print(C().x)
except AttributeError as e: print(e)
try:
    print(C().__dict__)
except AttributeError as e: print(e)
class D(C): pass
d = D(); d.x = 5; print(d.__dict__)
try:
    d.__dict__ = 5
except TypeError as e: print(e)
# Exceptions keep attributes too.
e = ValueError("m")
e.note = 1
print(e.note, vars(e))
