# isinstance/issubclass call type(cls).__instancecheck__/__subclasscheck__ when a metaclass
# (or any object used as the class) defines them; tuples and unions; an ABC-like registry
# metaclass written in Python, as CPython's abc builds on.
class Registry(type):
    def __new__(mcls, name, bases, ns):
        cls = super().__new__(mcls, name, bases, ns)
        cls._registered = set()
        return cls
    def register(cls, sub):
        cls._registered.add(sub)
        return sub
    def __instancecheck__(cls, inst):
        print("instancecheck", cls.__name__, type(inst).__name__)
        return cls.__subclasscheck__(type(inst))
    def __subclasscheck__(cls, sub):
        print("subclasscheck", cls.__name__, getattr(sub, "__name__", sub))
        if not isinstance(sub, type):
            raise TypeError("issubclass() arg 1 must be a class")
        if type.__subclasscheck__(cls, sub):
            return True
        return any(issubclass(sub, r) for r in cls._registered)

class Sized(metaclass=Registry): pass
Sized.register(list)
print(isinstance([], Sized), isinstance(3, Sized))
print(issubclass(list, Sized), issubclass(dict, Sized))
print(isinstance(Sized(), Sized))
class MySized(Sized): pass
print(isinstance(MySized(), Sized))
print(isinstance([], (int, Sized)))
print(issubclass(list, (int, Sized)))
try:
    issubclass(3, Sized)
except TypeError as e:
    print("TypeError:", e)
try:
    issubclass(3, int)
except TypeError as e:
    print("TypeError:", e)
try:
    isinstance(3, 4)
except TypeError as e:
    print("TypeError:", e)
try:
    issubclass(int, 4)
except TypeError as e:
    print("TypeError:", e)
print(isinstance(1, int | str), isinstance("s", int | None), isinstance(None, int | None))
print(issubclass(bool, int | str), issubclass(float, int | str))

class Anything:
    def __instancecheck__(self, obj): return True
    def __subclasscheck__(self, c): return c is float
print(isinstance(3, Anything()), issubclass(float, Anything()), issubclass(int, Anything()))
class Plain: pass
class Meh(type): pass
class WithMeta(metaclass=Meh): pass
print(isinstance(WithMeta(), WithMeta), issubclass(WithMeta, object), isinstance(3, WithMeta))
print(type.__instancecheck__(int, 3), type.__subclasscheck__(int, bool))
print(isinstance(WithMeta, Meh), isinstance(Plain, Meh), issubclass(Meh, type))

# ABC-like
class ABCLike(type):
    def __new__(mcls, name, bases, ns):
        cls = super().__new__(mcls, name, bases, ns)
        abstracts = {n for n, v in ns.items() if getattr(v, "__isabstractmethod__", False)}
        for b in bases:
            for n in getattr(b, "__abstractmethods__", ()):
                if getattr(getattr(cls, n, None), "__isabstractmethod__", False):
                    abstracts.add(n)
        cls.__abstractmethods__ = frozenset(abstracts)
        cls._impls = []
        return cls
    def __call__(cls, *a, **k):
        if cls.__abstractmethods__:
            raise TypeError(f"Can't instantiate abstract class {cls.__name__} with abstract methods {', '.join(sorted(cls.__abstractmethods__))}")
        return super().__call__(*a, **k)
    def register(cls, sub):
        cls._impls.append(sub)
        return sub
    def __subclasscheck__(cls, sub):
        return type.__subclasscheck__(cls, sub) or any(issubclass(sub, i) for i in cls._impls)
    def __instancecheck__(cls, inst):
        return cls.__subclasscheck__(type(inst))
def abstractmethod(f):
    f.__isabstractmethod__ = True
    return f
class Shape(metaclass=ABCLike):
    @abstractmethod
    def area(self): ...
class Sq(Shape):
    def __init__(self, s): self.s = s
    def area(self): return self.s ** 2
try:
    Shape()
except TypeError as e:
    print("TypeError:", e)
print(Sq(3).area(), sorted(Shape.__abstractmethods__), sorted(Sq.__abstractmethods__))
@Shape.register
class Circle: pass
print(isinstance(Circle(), Shape), issubclass(Circle, Shape), isinstance(1, Shape))

# Recursion through tuples reaches the hooks; a hook's exception propagates.
class Boom(type):
    def __instancecheck__(cls, inst):
        raise RuntimeError("no instance checks on " + cls.__name__)


class NoCheck(metaclass=Boom):
    pass


try:
    isinstance(1, (str, (NoCheck,)))
except RuntimeError as e:
    print("RuntimeError:", e)
print(isinstance(NoCheck(), NoCheck))  # exact type: the hook is not called
print(isinstance(1, (int, NoCheck)))  # found before reaching the hook


# The result of a hook is converted with bool().
class Truthy(type):
    def __instancecheck__(cls, inst):
        return [inst]

    def __subclasscheck__(cls, sub):
        return 0


class TT(metaclass=Truthy):
    pass


print(isinstance(None, TT), issubclass(TT, TT), issubclass(int, TT))
