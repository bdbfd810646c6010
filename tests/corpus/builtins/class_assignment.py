# __class__ assignment where CPython allows it (heap classes with the same instance layout:
# plain classes with a __dict__, classes with the same slots, subclasses adding nothing),
# its messages where it does not, attributes and method resolution after the change (also
# through warmed attribute caches), and __dict__ assignment and deletion.
def attempt(label, f):
    try:
        print(label, "ok", f())
    except Exception as e:
        print(label, type(e).__name__ + ":", e)


def set_class(o, c):
    def f():
        o.__class__ = c
        return type(o).__name__
    return f


class Cat:
    sound = "meow"

    def __init__(self, name):
        self.name = name

    def speak(self):
        return f"{self.name} says {self.sound}"


class Dog:
    sound = "woof"

    def speak(self):
        return f"{self.name} barks {self.sound}"

    def fetch(self):
        return f"{self.name} fetches"


pets = [Cat(n) for n in ("Tom", "Felix", "Kit")]


def chorus():
    return [p.speak() for p in pets]


print(chorus())
pets[1].__class__ = Dog
print(chorus(), pets[1].fetch(), isinstance(pets[1], Dog), isinstance(pets[1], Cat))
pets[1].age = 3
print(vars(pets[1]))
pets[1].__class__ = Cat
print(chorus(), vars(pets[1]))
attempt("no fetch:", lambda: pets[1].fetch())
for p in pets:
    p.__class__ = Dog
print(chorus(), type(pets[0]).__name__, pets[0].__class__.__name__)


# A state machine that swaps its class.
class Idle:
    def handle(self, event):
        if event == "start":
            self.__class__ = Running
            return "starting"
        return "idle ignores " + event


class Running:
    def handle(self, event):
        if event == "stop":
            self.__class__ = Idle
            return "stopping"
        self.ticks = getattr(self, "ticks", 0) + 1
        return f"running tick {self.ticks}"


m = Idle()
print([m.handle(e) for e in ("tick", "start", "tick", "tick", "stop", "tick", "start", "tick")])


# Slots: allowed between classes with the same slots (in any order), values kept.
class Vec2:
    __slots__ = ("x", "y")

    def length2(self):
        return self.x ** 2 + self.y ** 2


class Pair:
    __slots__ = ("y", "x")

    def length2(self):
        return ("pair", self.x, self.y)


v = Vec2()
v.x, v.y = 3, 4
print(v.length2())
v.__class__ = Pair
print(v.length2(), v.x, Pair.x.__get__(v))
v.x = 10
v.__class__ = Vec2
print(v.length2())


class Base:
    pass


class SameLayout(Base):
    __slots__ = ()


class Slotted:
    __slots__ = ("a",)


class SlottedDict:
    __slots__ = ("a", "__dict__")


class OtherSlots:
    __slots__ = ("b",)


class WithWeakref:
    __slots__ = ("a", "__weakref__")


class DictOnly:
    __slots__ = ("__dict__",)


class MyList(list):
    pass


class MyDict(dict):
    pass


class MyError(Exception):
    pass


class OtherError(Exception):
    pass


class Meta(type):
    pass


class WithMeta(metaclass=Meta):
    pass


attempt("same layout:", set_class(Base(), SameLayout))
attempt("subclass:", set_class(Dog(), Base))
attempt("slots vs dict:", set_class(Base(), Slotted))
attempt("dict vs slots:", set_class(Slotted(), Base))
attempt("different slots:", set_class(Slotted(), OtherSlots))
attempt("slots plus dict:", set_class(Slotted(), SlottedDict))
attempt("weakref:", set_class(Slotted(), WithWeakref))
attempt("dict slot:", set_class(Base(), DictOnly))
attempt("exceptions:", set_class(MyError("e"), OtherError))
attempt("list vs dict:", set_class(MyList(), MyDict))
attempt("list vs plain:", set_class(MyList(), Base))
attempt("to builtin:", set_class(Base(), object))
attempt("to int:", set_class(Base(), int))
attempt("from builtin:", set_class(object(), Base))
attempt("int instance:", set_class(5, Base))
attempt("list instance:", set_class([], MyList))
attempt("not a class:", set_class(Base(), "Base"))
attempt("class of a class:", set_class(WithMeta, Base))
attempt("class of type:", set_class(Base, Meta))
attempt("delete:", lambda: delattr(Base(), "__class__"))
e = MyError("kept")
e.__class__ = OtherError
print(type(e).__name__, e.args, isinstance(e, OtherError))

# Through object.__setattr__ and a __setattr__ override.
class Guard:
    def __setattr__(self, name, value):
        print("  Guard.__setattr__", name, getattr(value, "__name__", value))
        super().__setattr__(name, value)


class Guard2(Guard):
    pass


g = Guard()
g.__class__ = Guard2
print(type(g).__name__)
object.__setattr__(g, "__class__", Guard)
print(type(g).__name__)


# __dict__ assignment and deletion.
class Box:
    pass


b = Box()
b.a = 1
b.__dict__ = {"x": 10, "y": 20}
print(b.x, b.y, vars(b))
attempt("old attribute:", lambda: b.a)
shared = {"s": "shared"}
b1, b2 = Box(), Box()
b1.__dict__ = shared
b2.__dict__ = shared
b1.t = "via b1"
print(b2.t, shared)
attempt("not a dict:", lambda: setattr(b, "__dict__", 5))
attempt("list:", lambda: setattr(b, "__dict__", [("a", 1)]))
del b.__dict__
print(vars(b))
b.z = 0
print(vars(b))
