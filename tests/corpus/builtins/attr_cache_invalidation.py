# The interpreter caches attribute loads, stores and method loads per code object
# (attrcache.rs). Each case runs the same code (the same cache slots) before and after
# something that must change its answer.
import math


class Base:
    def __init__(self, v):
        self.v = v

    def m(self):
        return "Base.m"

    def get(self):
        return self.v


def call_m(o):
    return o.m()


def load_v(o):
    return o.v


# 1. An instance attribute set after the cache was filled hides the method.
a = Base(1)
print(call_m(a), call_m(a))
a.m = lambda: "instance m"
print(call_m(a))
del a.m
print(call_m(a))

# 2. The same through the instance's __dict__ (a dict-mode instance).
b = Base(2)
print(call_m(b))
b.__dict__["m"] = lambda: "dict m"
print(call_m(b))
del b.__dict__["m"]
print(call_m(b))

# 3. Replacing the method on the class.
c = Base(3)
print(call_m(c))
Base.m = lambda self: "patched m"
print(call_m(c))
del Base.m
try:
    call_m(c)
except AttributeError as e:
    print("AttributeError:", e)
Base.m = lambda self: "restored m"


# 4. More classes at one site than the cache has slots for, several times over.
classes = []
for k in range(7):
    classes.append(type("C%d" % k, (Base,), {"m": (lambda k: lambda self: "C%d.m" % k)(k)}))
objs = [cls(k * 10) for k, cls in enumerate(classes)]
for _ in range(3):
    print([call_m(o) for o in objs], [load_v(o) for o in objs])


# 5. Subclasses with different attribute orders: the same name at different
#    shared-key indices.
class P(Base):
    def __init__(self):
        self.x = "P.x"
        self.v = "P.v"


class Q(Base):
    def __init__(self):
        self.v = "Q.v"
        self.y = "Q.y"


for _ in range(3):
    print(load_v(P()), load_v(Q()), load_v(Base("B.v")))


# 6. The class's instances grow new attribute names after a method load was cached, and
#    one of them is the method's name.
class Grow:
    def m(self):
        return "Grow.m"


g1 = Grow()
print(call_m(g1))
g2 = Grow()
g2.extra = 1
g2.m = lambda: "g2's own m"
print(call_m(g1), call_m(g2), call_m(g1))


# 7. A property added to the class after instance loads were cached.
def load_w(o):
    return o.w


class Prop:
    pass


p = Prop()
p.w = "instance w"
print(load_w(p), load_w(p))
Prop.w = property(lambda self: "property w")
print(load_w(p))
del Prop.w
print(load_w(p))


# 8. Module attributes: replaced, deleted, restored.
def call_sqrt(x):
    return math.sqrt(x)


def load_sqrt():
    return math.sqrt


print(call_sqrt(16.0), load_sqrt() is math.sqrt)
orig = math.sqrt
math.sqrt = lambda x: "patched sqrt(%s)" % x
print(call_sqrt(16.0), load_sqrt()(2))
del math.sqrt
try:
    call_sqrt(1.0)
except AttributeError as e:
    print("AttributeError:", e)
math.sqrt = orig
print(call_sqrt(81.0))


# 9. __class__-independent: a store through the cache, then a class that gains
#    __setattr__.
def store_v(o, x):
    o.v = x


s = Base(0)
store_v(s, 5)
print(s.v)
Base.__setattr__ = lambda self, n, x: object.__setattr__(self, n, ("via __setattr__", x))
store_v(s, 6)
print(s.v)
del Base.__setattr__
store_v(s, 7)
print(s.v)
