# Slots and inheritance: inherited slots keep their positions, a subclass adds its own, a
# subclass without __slots__ gets a __dict__, multiple inheritance with one slotted base,
# the layout conflict of two slotted bases, super().__init__ filling base slots, copy.
import copy


def attempt(label, f):
    try:
        print(label, f())
    except Exception as e:
        print(label, type(e).__name__ + ":", e)


class Base:
    __slots__ = ("a", "b")

    def __init__(self, a, b):
        self.a = a
        self.b = b

    def describe(self):
        return f"{type(self).__name__}(a={self.a}, b={self.b})"


class Child(Base):
    __slots__ = ("c",)

    def __init__(self, a, b, c):
        super().__init__(a, b)
        self.c = c

    def describe(self):
        return super().describe() + f"+c={self.c}"


class GrandChild(Child):
    __slots__ = ("d",)


class Open(Base):
    """No __slots__: instances get a __dict__ for new attributes."""


ch = Child(1, 2, 3)
print(ch.describe(), Child.c, Child.a is Base.a, Child.__slots__)
attempt("child new attr:", lambda: setattr(ch, "z", 0))
g = GrandChild(1, 2, 3)
g.d = 4
print(g.describe(), g.d, [n for n in ("a", "b", "c", "d") if hasattr(g, n)])
print(GrandChild.d.__objclass__.__name__, GrandChild.a.__objclass__.__name__)
op = Open(5, 6)
op.extra = "dict"
print(op.describe(), op.__dict__, op.a)
op.__dict__["more"] = 1
print(sorted(vars(op)), op.more)
print(isinstance(ch, Base), issubclass(GrandChild, Base))

# The base's descriptor works on subclass instances; a sibling's does not.
Base.a.__set__(g, 100)
print(g.a, Base.__dict__["a"].__get__(g))
attempt("sibling:", lambda: Child.c.__get__(Base(1, 2)))


# A subclass of a class with a __dict__ may still declare slots: the dict stays.
class Plain:
    pass


class PlainSlots(Plain):
    __slots__ = ("s",)


ps = PlainSlots()
ps.s = "slot"
ps.other = "dict"
print(ps.s, ps.__dict__)


# Multiple inheritance: one slotted base combines with unslotted ones.
class Mixin:
    def hello(self):
        return "hello from " + type(self).__name__


class Combined(Mixin, Base):
    pass


cb = Combined(7, 8)
cb.free = True
print(cb.hello(), cb.describe(), cb.__dict__)


class EmptySlots:
    __slots__ = ()


class AlsoFine(EmptySlots, Base):
    __slots__ = ("e",)


af = AlsoFine(1, 2)
af.e = 3
print(af.describe(), af.e)


class Other:
    __slots__ = ("x",)


def conflict():
    class Bad(Base, Other):
        pass

    return Bad


attempt("conflict:", conflict)


def conflict_with_slots():
    class Bad2(Other, Child):
        __slots__ = ("y",)

    return Bad2


attempt("conflict 2:", conflict_with_slots)

# A slot redeclared in a subclass shadows the base's (two storage places).
class Redeclare(Base):
    __slots__ = ("a",)


r = Redeclare(1, 2)
print(r.a, Redeclare.a is Base.a)
attempt("base slot unset:", lambda: Base.a.__get__(r))
Base.a.__set__(r, "base")
print(r.a, Base.a.__get__(r))

# copy and deepcopy carry slots (and the dict of a subclass without __slots__).
c1 = copy.copy(ch)
print(c1.describe(), c1 is ch)
src = Open([1], [2])
src.tag = ["t"]
c2 = copy.deepcopy(src)
print(c2.describe(), c2.tag, c2.a is src.a, c2.tag is src.tag)
c3 = copy.copy(src)
print(c3.a is src.a, c3.tag is src.tag)
