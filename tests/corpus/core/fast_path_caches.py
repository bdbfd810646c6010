# The call fast paths with defaults, the global-name cache's index hint and the
# class-attribute cache: every cached answer must follow later changes.

# Defaults filled by the moving call paths (functions, methods, classes).
def f(a, b=2, c=[]):
    c.append(a)
    return (a, b, len(c))

for i in range(3):
    print(f(i), f(i, 10))
f.__defaults__ = (5, [0, 0])
print(f(1), f(1, 2))
f.__defaults__ = None
try:
    f(1)
except TypeError as e:
    print("TypeError:", e)

class V:
    def __init__(self, x=0, y=0, z=0):
        self.x, self.y, self.z = x, y, z
    def lin(self, o, l1, l2=None):
        if l2 is None:
            l2 = l1
        return V(self.x * l1 + o.x * l2, self.y * l1 + o.y * l2)
    def __repr__(self):
        return "V(%r, %r, %r)" % (self.x, self.y, self.z)

for i in range(3):
    print(V(), V(i), V(i, 2), V(1, 2, 3).lin(V(i), 2), V(1).lin(V(1), 2, 3))
V.__init__.__defaults__ = (7, 8, 9)
print(V(), V(1))
try:
    V(1, 2, 3, 4)
except TypeError as e:
    print("TypeError:", e)

def g(a, b, c=3):
    return a + b + c
try:
    g(1)
except TypeError as e:
    print("TypeError:", e)
print(g(1, 2), g(1, 2, c=4), g(b=1, a=2))

class W:
    def __init__(self, a, b=1):
        self.s = a + b
        return None
class Bad:
    def __init__(self, a=1):
        return a
print(W(1).s, W(1, 2).s)
try:
    Bad()
except TypeError as e:
    print("TypeError:", e)

# Global loads after value writes (the index hint), deletions and re-insertions.
COUNTER = 0
def bump():
    global COUNTER
    COUNTER += 1
    return COUNTER
def read():
    return COUNTER, len("ab")
out = []
for i in range(5):
    bump()
    out.append(read())
print(out)
del COUNTER
try:
    read()
except NameError as e:
    print("NameError:", e)
for i in range(40):
    globals()["filler%d" % i] = i
COUNTER = "back"
print(read())
def len(x):
    return -1
print(read())
del len
print(read())

# Class attributes read through the class (the class-attribute cache).
class Strength:
    def __init__(self, v):
        self.v = v
    def weaker(self):
        return Strength.WEAK
Strength.REQUIRED = Strength(0)
Strength.WEAK = Strength(6)
class Sub(Strength):
    pass
class Desc:
    def __get__(self, obj, cls):
        return "via __get__ on " + cls.__name__
class K:
    n = 1
    d = Desc()
    s = staticmethod(lambda: "static")
    c = classmethod(lambda cls: "class " + cls.__name__)
    def m(self):
        return "m"
def probe(cls):
    return (cls.n, cls.d, cls.s(), cls.c(), cls.m(None), cls.__name__)
class K2(K):
    pass
for i in range(3):
    print(Strength.REQUIRED.v, Strength.WEAK.v, Sub.REQUIRED.v, Strength(1).weaker().v)
    print(probe(K), probe(K2))
Strength.WEAK = Strength(5)
K.n = 2
K2.n = 3
print(Strength.WEAK.v, Sub.WEAK.v, probe(K), probe(K2))
del K2.n
Desc.__get__ = lambda self, obj, cls: "new __get__"
print(probe(K), probe(K2))
class Meta(type):
    n = "meta"
    def __getattr__(cls, name):
        return "meta getattr " + name
class M(metaclass=Meta):
    pass
for i in range(2):
    print(M.n, M.other)
M.n = "own"
print(M.n)
try:
    K.missing
except AttributeError as e:
    print("AttributeError:", e)
