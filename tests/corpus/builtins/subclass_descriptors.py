# Subclasses of property, classmethod and staticmethod: descriptors exactly like the base,
# plus their own attributes and methods.
def attempt(f):
    try:
        return f()
    except Exception as e:
        return type(e).__name__ + ": " + str(e)


class cached_property_like(property):
    def __init__(self, fget, fset=None, fdel=None, doc=None):
        super().__init__(fget, fset, fdel, doc)
        self.calls = 0
        self.attrname = fget.__name__

    def __get__(self, obj, objtype=None):
        if obj is None:
            return self
        self.calls += 1
        return super().__get__(obj, objtype)


class LoggedProperty(property):
    log = []

    def __set__(self, obj, value):
        LoggedProperty.log.append(("set", value))
        super().__set__(obj, value)


class Thing:
    def __init__(self):
        self._v = 1

    @cached_property_like
    def value(self):
        return self._v * 10

    @LoggedProperty
    def size(self):
        return self._v

    @size.setter
    def size(self, v):
        self._v = v

    @size.deleter
    def size(self):
        self._v = 0

    plain = property(lambda self: "plain")


t = Thing()
print(t.value, t.value, Thing.value.calls, Thing.value.attrname, type(Thing.value).__name__, isinstance(Thing.value, property))
print(t.size, type(Thing.size).__name__, Thing.size.fget.__name__, Thing.size.fset.__name__, Thing.size.fdel is not None)
t.size = 5
print(t.size, t.value, LoggedProperty.log, t.__dict__)
del t.size
print(t.size, attempt(lambda: setattr(t, "value", 3)), attempt(lambda: delattr(t, "value")), t.plain)
print(Thing.value.fget.__name__, Thing.value.fset, Thing.value.__get__(t), Thing.value.__get__(None, Thing) is Thing.value)
print(property.__get__(Thing.value, t, Thing), attempt(lambda: Thing.value.__set__(t, 1)), vars(Thing.value))


class Base:
    @property
    def name(self):
        return "base"


class Sub(Base):
    @Base.name.getter
    def name(self):
        return "sub"


print(Sub().name, Base().name)


class TypedProperty(property):
    def __init__(self, kind, name):
        self.kind = kind
        self.name = name
        super().__init__(self._get, self._set)

    def _get(self, obj):
        return obj.__dict__.get(self.name)

    def _set(self, obj, value):
        if not isinstance(value, self.kind):
            raise TypeError("%s must be %s" % (self.name, self.kind.__name__))
        obj.__dict__[self.name] = value


class Record:
    age = TypedProperty(int, "age")


r = Record()
r.age = 3
print(r.age, attempt(lambda: setattr(r, "age", "x")), r.__dict__, attempt(lambda: Record.age.setter(None)))


class my_classmethod(classmethod):
    def __init__(self, f):
        super().__init__(f)
        self.marker = "mc:" + f.__name__


class my_staticmethod(staticmethod):
    registry = []

    def __init__(self, f):
        super().__init__(f)
        my_staticmethod.registry.append(f.__name__)


class K:
    @my_classmethod
    def make(cls, x):
        return (cls.__name__, x)

    @my_staticmethod
    def helper(a, b):
        return a + b


class KK(K):
    pass


print(K.make(1), K().make(2), KK.make(3), KK().make(4), K.__dict__["make"].marker, type(K.__dict__["make"]).__name__)
print(K.helper(1, 2), K().helper(3, 4), my_staticmethod.registry, K.__dict__["make"].__func__.__name__, K.__dict__["helper"].__func__.__name__)
print(isinstance(K.__dict__["make"], classmethod), isinstance(K.__dict__["helper"], staticmethod), callable(K.__dict__["helper"]))
print(K.__dict__["make"].__get__(None, KK)(5), K.__dict__["helper"].__get__(None, K)(5, 6))


class Decl:
    pass


Decl.build = my_classmethod(lambda cls: cls.__name__)
print(Decl.build(), Decl().build())


class lazy:
    def __init__(self, f):
        self.f = f
        self.name = f.__name__

    def __set_name__(self, owner, name):
        self.owner_name = owner.__name__ + "." + name

    def __get__(self, obj, cls=None):
        if obj is None:
            return self
        v = self.f(obj)
        obj.__dict__[self.name] = v
        return v


class Calc:
    runs = 0

    @lazy
    def answer(self):
        Calc.runs += 1
        return 42


c = Calc()
print(c.answer, c.answer, Calc.runs, Calc.answer.owner_name)
print(attempt(lambda: classmethod()), attempt(lambda: staticmethod(1, 2)), attempt(lambda: property(1, 2, 3, 4, 5)))
