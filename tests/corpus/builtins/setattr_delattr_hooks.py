# __setattr__ and __delattr__ overrides on every path: obj.x = v in loops (the store cache
# must not bypass them), augmented assignment, setattr/delattr, del obj.x,
# super().__setattr__ (the classic pattern), object.__setattr__/__delattr__ directly,
# properties and slots behind an override, inherited overrides, overrides installed and
# removed after instances exist, and a metaclass's __setattr__.
class Recorder:
    def __init__(self):
        self.events = []  # goes through __setattr__ below

    def __setattr__(self, name, value):
        if name != "events":
            self.events.append(("set", name, value))
        super().__setattr__(name, value)

    def __delattr__(self, name):
        self.events.append(("del", name))
        super().__delattr__(name)


r = Recorder()
for i in range(3):
    r.x = i
r.x += 10
setattr(r, "y", "why")
del r.y
delattr(r, "x")
print(r.events, vars(r))
try:
    del r.nothing
except AttributeError as e:
    print("AttributeError:", e)


# Validation and read-only attributes.
class Frozen:
    def __init__(self, **kw):
        for k, v in kw.items():
            object.__setattr__(self, k, v)

    def __setattr__(self, name, value):
        raise AttributeError(f"cannot set {name!r}: frozen")

    def __delattr__(self, name):
        raise AttributeError(f"cannot delete {name!r}: frozen")


fz = Frozen(a=1, b=2)
print(fz.a, fz.b)
for action in (lambda: setattr(fz, "a", 5), lambda: delattr(fz, "b")):
    try:
        action()
    except AttributeError as e:
        print("AttributeError:", e)
object.__setattr__(fz, "a", 99)
object.__delattr__(fz, "b")
print(fz.a, vars(fz))


class Positive:
    __slots__ = ("n",)

    def __setattr__(self, name, value):
        if value < 0:
            raise ValueError(f"{name} must be positive, not {value}")
        object.__setattr__(self, name, value)


p = Positive()
p.n = 1
for _ in range(3):
    p.n *= 2
print(p.n)
try:
    p.n -= 100
except ValueError as e:
    print("ValueError:", e, p.n)


# Properties still run behind a __setattr__ that delegates to object.
class WithProperty:
    def __init__(self):
        self._v = 0

    def __setattr__(self, name, value):
        print("  __setattr__", name, value)
        object.__setattr__(self, name, value)

    @property
    def v(self):
        return self._v

    @v.setter
    def v(self, value):
        self._v = value * 10


wp = WithProperty()
wp.v = 3
print(wp.v, wp._v)


# Inherited, and installed or removed later (existing instances and warmed caches).
class Counter:
    def __init__(self):
        self.count = 0


counters = [Counter() for _ in range(3)]


def bump():
    for c in counters:
        c.count += 1
    return [c.count for c in counters]


print(bump(), bump())
calls = []


def counting_setattr(self, name, value):
    calls.append(name)
    object.__setattr__(self, name, value)


Counter.__setattr__ = counting_setattr
print(bump(), len(calls))
del Counter.__setattr__
print(bump(), len(calls))


class Sub(Counter):
    pass


Counter.__setattr__ = counting_setattr
s = Sub()
s.count += 5
print(s.count, calls[-2:])
Counter.__delattr__ = lambda self, name: calls.append("del " + name)
del s.count
print(s.count, calls[-1])
del Counter.__setattr__, Counter.__delattr__
del s.count
print(hasattr(s, "count"))


# object.__setattr__ refuses classes; a metaclass's __setattr__ handles class attributes.
try:
    object.__setattr__(Counter, "x", 1)
except TypeError as e:
    print("TypeError:", e)


class Meta(type):
    def __setattr__(cls, name, value):
        print("  Meta.__setattr__", name, value)
        super().__setattr__(name, value.upper() if isinstance(value, str) else value)

    def __delattr__(cls, name):
        print("  Meta.__delattr__", name)
        super().__delattr__(name)


class Configured(metaclass=Meta):
    mode = "fast"


Configured.mode = "slow"
print(Configured.mode)
del Configured.mode
print(hasattr(Configured, "mode"))
