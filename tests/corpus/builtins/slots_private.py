# Private names in __slots__ are mangled with the class's name (by type.__new__), as the
# compiler mangles `self.__x` in the class's methods.


class Point:
    __slots__ = ("__x", "y", "__z__")

    def __init__(self, x, y):
        self.__x = x
        self.y = y

    def x(self):
        return self.__x

    def clear(self):
        del self.__x


p = Point(1, 2)
print(p.x(), p._Point__x, p.y)
print(Point._Point__x, Point.__z__)
print(Point._Point__x.__name__, Point._Point__x.__qualname__)
print(sorted(k for k in Point.__dict__ if "x" in k or "z" in k or k == "y"))
print(Point.__slots__)
print(hasattr(p, "__dict__"))
try:
    p.__x
except AttributeError as e:
    print("AttributeError:", e)
try:
    p.__x = 5
except AttributeError as e:
    print("AttributeError:", e)
try:
    p.__z__
except AttributeError as e:
    print("AttributeError:", e)
p.clear()
try:
    p.x()
except AttributeError as e:
    print("AttributeError:", e)
try:
    p.clear()
except AttributeError as e:
    print("AttributeError:", e)
p._Point__x = 7
print(p.x())

# A single string.
class One:
    __slots__ = "__only"

    def __init__(self):
        self.__only = "only"


print(One()._One__only, [k for k in One.__dict__ if "only" in k])

# Leading underscores of the class name are stripped; an all-underscore name mangles
# nothing.
class __Hidden:
    __slots__ = ["__h"]


class ___:
    __slots__ = ["__u"]


print(__Hidden._Hidden__h, ___.__u)
h = __Hidden()
try:
    h._Hidden__h
except AttributeError as e:
    print("AttributeError:", e)

# A class created by calling type() mangles with the name given.
T = type("Made", (), {"__slots__": ("__m",)})
t = T()
t._Made__m = 3
print(T._Made__m, t._Made__m)

# Inheritance: a subclass's private slot is its own.
class Base:
    __slots__ = ("__v",)

    def __init__(self):
        self.__v = "base"

    def base_v(self):
        return self.__v


class Sub(Base):
    __slots__ = ("__v",)

    def __init__(self):
        super().__init__()
        self.__v = "sub"

    def sub_v(self):
        return self.__v


s = Sub()
print(s.base_v(), s.sub_v(), Base._Base__v, Sub._Sub__v)
print(sorted(k for k in Sub.__dict__ if "v" in k))

# The mangled name conflicts with a class variable of that name.
try:
    class Clash:
        __slots__ = ("__a",)
        __a = 1
except ValueError as e:
    print("ValueError:", e)

try:
    class Clash2:
        __slots__ = ("__b",)
        _Clash2__b = 2
except ValueError as e:
    print("ValueError:", e)

# Slot names are sorted after mangling.
class Order:
    __slots__ = ("b", "__a", "a")


print(sorted(k for k in Order.__dict__ if not k.endswith("__")))
print([k for k in Order.__dict__ if not k.endswith("__")])

# '__dict__' is never mangled.
class WithDict:
    __slots__ = ("__dict__", "__k")


w = WithDict()
w.other = 1
w._WithDict__k = 2
print(w.__dict__, w._WithDict__k)
