# __slots__ with named slots: values kept in the instance, member descriptors on the class
# (<member 'a' of 'S' objects> with __get__/__set__/__delete__, __name__, __objclass__),
# no __dict__, unset slots, a str or any iterable as __slots__, '__dict__' and
# '__weakref__' in __slots__, attribute caches over slots.
def attempt(label, f):
    try:
        print(label, f())
    except Exception as e:
        print(label, type(e).__name__ + ":", e)


class Point:
    __slots__ = ("x", "y")

    def __init__(self, x, y):
        self.x = x
        self.y = y

    def norm2(self):
        return self.x * self.x + self.y * self.y


p = Point(3, 4)
print(p.x, p.y, p.norm2())
print(Point.x, Point.y)
print(type(Point.x).__name__, Point.x.__name__, Point.x.__objclass__.__name__)
print(Point.x.__qualname__, Point.x.__doc__)
print(repr(Point.y), str(Point.y))
print(Point.__slots__)
attempt("no __dict__:", lambda: p.__dict__)
attempt("vars:", lambda: vars(p))
attempt("new attribute:", lambda: setattr(p, "z", 1))
print(hasattr(p, "x"), hasattr(p, "z"), "x" in dir(p), "y" in dir(p))

# Unset slots and deletion.
q = Point.__new__(Point)
attempt("unset read:", lambda: q.x)
attempt("getattr default:", lambda: getattr(q, "y", "unset"))
print(hasattr(q, "x"))
q.x = 10
print(q.x)
del q.x
attempt("after del:", lambda: q.x)
attempt("del again:", lambda: delattr(q, "x"))

# The descriptor protocol, explicitly.
d = Point.__dict__["x"]
print(d is Point.x, d.__get__(None, Point) is d)
print(d.__get__(p, Point), d.__get__(p))
d.__set__(p, 30)
print(p.x, p.norm2())
d.__delete__(p)
attempt("after __delete__:", lambda: p.x)
attempt("wrong type get:", lambda: d.__get__(5, int))
attempt("wrong type set:", lambda: d.__set__("s", 1))
attempt("wrong type delete:", lambda: d.__delete__([]))
p.x = 3

# Loops over slots (the attribute caches serve slot loads and stores).
pts = [Point(i, i + 1) for i in range(50)]
total = 0
for _ in range(20):
    for pt in pts:
        pt.x += 1
        total += pt.x + pt.y
print(total, pts[0].x, pts[-1].x)
for pt in pts[:3]:
    del pt.y
print(sum(1 for pt in pts if hasattr(pt, "y")))


# A str as __slots__, and any iterable.
class One:
    __slots__ = "value"


o = One()
o.value = "v"
print(o.value, One.__slots__, One.value)


class FromList:
    __slots__ = ["a", "b"]


class FromIter:
    __slots__ = iter(("c", "d"))


class FromDict:
    __slots__ = {"e": "doc for e", "f": None}


fl, fi, fd = FromList(), FromIter(), FromDict()
fl.a, fl.b, fi.c, fi.d, fd.e, fd.f = 1, 2, 3, 4, 5, 6
print(fl.a + fl.b + fi.c + fi.d + fd.e + fd.f)
print(type(FromList.__slots__).__name__, type(FromDict.__slots__).__name__)
print(FromIter.c, FromDict.e, FromDict.__slots__)


# '__dict__' in __slots__: slots plus a dict for everything else.
class Mixed:
    __slots__ = ("a", "__dict__")


m = Mixed()
m.a = 1
m.b = 2
m.c = 3
print(m.a, m.b, m.__dict__, vars(m))
m.__dict__ = {"z": 26}
print(m.a, m.z, m.__dict__)
attempt("old key:", lambda: m.b)
del m.z
print(m.__dict__, m.a)


# '__weakref__' is accepted (gilvm has no weak references yet; it changes no layout here).
class Weak:
    __slots__ = ("a", "__weakref__")


w = Weak()
w.a = "weak"
print(w.a)
attempt("no dict either:", lambda: setattr(w, "b", 1))


# An empty __slots__: no attributes at all.
class Empty:
    __slots__ = ()

    def method(self):
        return "method"


e = Empty()
print(e.method())
attempt("empty:", lambda: setattr(e, "a", 1))


# Class attributes of a slotted class are read-only through instances.
class WithConst:
    __slots__ = ("a",)
    LIMIT = 10


wc = WithConst()
print(wc.LIMIT)
attempt("read-only:", lambda: setattr(wc, "LIMIT", 5))
attempt("delete class attr:", lambda: delattr(wc, "LIMIT"))
attempt("delete missing:", lambda: delattr(wc, "nothing"))
WithConst.a = "replaced"
print(WithConst.a)
attempt("slot shadowed:", lambda: setattr(wc, "a", 1))
