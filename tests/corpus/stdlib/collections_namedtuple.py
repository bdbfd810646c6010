# collections.namedtuple: construction, field access, tuple behaviour, helpers, subclasses.
from collections import namedtuple

Point = namedtuple("Point", ["x", "y"])
p = Point(1, 2)
print(p, p.x, p.y, p[0], p[-1], len(p), repr(p))
print(p == (1, 2), (1, 2) == p, p != (2, 1), p == Point(1, 2), p < Point(1, 3), p >= (1, 2))
print(isinstance(p, tuple), isinstance(p, Point), issubclass(Point, tuple))
x, y = p
print(x, y, tuple(p), list(p), [v * 10 for v in p], 2 in p, 5 in p)
print(p[0:1], p[::-1], p + (3,), p * 2, p.count(1), p.index(2))
print(hash(p) == hash((1, 2)), {p: "found"}[(1, 2)], {(1, 2): "tuple key"}[p])
print(Point._fields, Point.__name__, Point.__doc__, Point._field_defaults)
print(p._asdict(), p._replace(y=20), Point._make([3, 4]), Point(y=6, x=5))
print(Point(*[7, 8]), Point(**{"x": 9, "y": 10}))

Color = namedtuple("Color", "red, green blue")
print(Color(255, 128, 0), Color._fields)
Opt = namedtuple("Opt", "name value flag", defaults=[None, False])
print(Opt("a"), Opt("b", 2), Opt("c", 3, True), Opt._field_defaults)
R = namedtuple("R", ["ok", "def", "_x", "ok"], rename=True)
print(R._fields, R(1, 2, 3, 4))
Empty = namedtuple("Empty", "")
print(Empty(), len(Empty()), Empty() == ())

# subclassing adds behaviour
class Vec(namedtuple("Vec", "x y")):
    def __add__(self, other):
        return Vec(self.x + other.x, self.y + other.y)

    def norm2(self):
        return self.x * self.x + self.y * self.y

v = Vec(3, 4) + Vec(1, 1)
print(v, v.norm2(), type(v).__name__, Vec.__mro__[1].__name__, isinstance(v, tuple))
v.tag = "extra"
print(v.tag)

# sorting-style comparisons and use as dict keys
pts = [Point(2, 1), Point(1, 5), Point(1, 2)]
best = pts[0]
for q in pts:
    if q < best:
        best = q
print(best, Point(1, 2) in pts)
seen = {}
for q in pts + [Point(1, 2)]:
    seen[q] = seen[q] + 1 if q in seen else 1
print(seen)

def show(f):
    try:
        f()
    except Exception as e:
        print(type(e).__name__ + ":", e)

def setx():
    p.x = 5

def setz():
    p.z = 5

show(setx)
show(setz)
show(lambda: Point(1))
show(lambda: Point())
show(lambda: Point(1, 2, 3))
show(lambda: Point(1, z=2))
show(lambda: Point(1, x=2))
show(lambda: Point._make([1]))
show(lambda: p._replace(z=1))
show(lambda: p[5])
show(lambda: namedtuple("1bad", "x"))
show(lambda: namedtuple("A", "x class"))
show(lambda: namedtuple("A", "x _y"))
show(lambda: namedtuple("A", "x x"))
show(lambda: namedtuple("A", "x", defaults=[1, 2]))
show(lambda: namedtuple("A", "a b c")())
show(lambda: namedtuple("A", "a b c")(1))
