# match: class patterns: isinstance checks, __match_args__ for positional sub-patterns,
# keyword sub-patterns, the self-matching builtins, and subclasses of builtins.


class Point:
    __match_args__ = ("x", "y")

    def __init__(self, x, y):
        self.x = x
        self.y = y

    def __repr__(self):
        return f"Point({self.x}, {self.y})"


class Point3(Point):
    __match_args__ = ("x", "y", "z")

    def __init__(self, x, y, z):
        super().__init__(x, y)
        self.z = z


class Circle:
    def __init__(self, centre, r):
        self.centre = centre
        self.r = r

    @property
    def area_ish(self):
        return 3 * self.r * self.r


def where(p):
    match p:
        case Point(0, 0):
            return "origin"
        case Point3(x, y, 0):
            return f"flat 3d {x} {y}"
        case Point(x=0, y=y):
            return f"on the y axis at {y}"
        case Point(x, 0):
            return f"on the x axis at {x}"
        case Point(x, y) if x == y:
            return f"diagonal {x}"
        case Point():
            return f"somewhere: {p}"
        case Circle(centre=Point(0, 0), r=r, area_ish=a):
            return f"centred circle r={r} area~{a}"
        case Circle(r=r):
            return f"circle r={r}"
        case _:
            return "not a shape"


for v in [Point(0, 0), Point(0, 5), Point(4, 0), Point(2, 2), Point(1, 2),
          Point3(1, 2, 0), Point3(1, 2, 3), Circle(Point(0, 0), 2),
          Circle(Point(1, 0), 1), 3]:
    print(v if not isinstance(v, Circle) else "Circle", "->", where(v))


# The builtins that match one positional sub-pattern against the subject itself.
def builtin(v):
    match v:
        case bool(b):
            return f"bool {b}"
        case int(i):
            return f"int {i}"
        case float(f):
            return f"float {f}"
        case str(s):
            return f"str {s!r}"
        case bytes(b):
            return f"bytes {b!r}"
        case list([*items]):
            return f"list {items}"
        case tuple((a, *_)):
            return f"tuple starting {a}"
        case dict({"k": k}):
            return f"dict with k={k}"
        case set(s) | frozenset(s):
            return f"set of {len(s)}"
        case _:
            return "other"


for v in [True, 7, 1.5, "s", b"b", [1, 2], (9, 8), {"k": 0}, {1, 2}, frozenset([1]),
          None, {"j": 1}]:
    print(repr(v), "->", builtin(v))


# Subclasses of builtins keep the self-matching behaviour, unless they define
# __match_args__.
class Celsius(int):
    pass


class Name(str):
    pass


class Row(tuple):
    pass


class Real(float):
    __match_args__ = ("real", "imag")


for v in [Celsius(21), Name("ann"), Row((1, 2)), Real(2.5)]:
    match v:
        case Celsius(c):
            print("celsius", type(c).__name__, c)
        case Name(n):
            print("name", type(n).__name__, n)
        case Row((a, b)):
            print("row", a, b)
        case Real(r, i):
            print("real", r, i)

# A missing attribute is no match (the AttributeError is swallowed).
match Point(1, 2):
    case Point(z=z):
        print("has z", z)
    case Point(x=1):
        print("no z, but x is 1")


# __match_args__ may name properties, and may be shorter than the attributes.
class Temp:
    __match_args__ = ("degrees",)

    def __init__(self, d):
        self._d = d

    @property
    def degrees(self):
        print("  reading degrees")
        return self._d


match Temp(30):
    case Temp(d) if d > 25:
        print("hot", d)

# `object()` matches anything; keyword sub-patterns read any attribute.
match "text":
    case object(upper=up):
        print("bound method", up())


# isinstance consults the metaclass's __instancecheck__.
class Meta(type):
    def __instancecheck__(cls, obj):
        return isinstance(obj, int) and obj % 2 == 0


class Even(metaclass=Meta):
    pass


for n in [3, 4]:
    match n:
        case Even():
            print(n, "is even")
        case _:
            print(n, "is odd")

# Class patterns nest.
match [Point(1, 1), Point(2, 3)]:
    case [Point(a, b), Point(x=c, y=d)]:
        print("two points", a, b, c, d)
