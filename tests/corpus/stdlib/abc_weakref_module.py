# The Lib's abc (ABCMeta, abstractmethod, register, __subclasshook__) and weakref
# (WeakValueDictionary, WeakKeyDictionary, WeakSet, finalize, WeakMethod, proxy).
import abc
import gc
import weakref
from collections.abc import Iterable, Sized, Hashable, MutableMapping, Sequence

class Shape(abc.ABC):
    @abc.abstractmethod
    def area(self): ...
    @property
    @abc.abstractmethod
    def name(self): ...

try:
    Shape()
except TypeError as e:
    print('TypeError', e)

class Sq(Shape):
    def area(self): return 4
    @property
    def name(self): return 'sq'
print(Sq().area(), Sq().name, isinstance(Sq(), Shape), sorted(Shape.__abstractmethods__))

class Other: pass
Shape.register(Other)
print(isinstance(Other(), Shape), issubclass(Other, Shape), issubclass(int, Shape))

class Len:
    def __len__(self): return 0
print(isinstance(Len(), Sized), isinstance(3, Iterable), isinstance([], Iterable), issubclass(list, Sequence))
print(isinstance({}, MutableMapping), issubclass(dict, Hashable), issubclass(int, Hashable))

class HasHook(abc.ABC):
    @classmethod
    def __subclasshook__(cls, C):
        return True if hasattr(C, 'quack') else NotImplemented
class Duck:
    def quack(self): pass
print(issubclass(Duck, HasHook), issubclass(int, HasHook), type(HasHook).__name__)

class Obj:
    def __init__(self, n): self.n = n
    def method(self): return self.n
    def __repr__(self): return f'Obj({self.n})'

objs = [Obj(i) for i in range(4)]
wvd = weakref.WeakValueDictionary((i, o) for i, o in enumerate(objs))
print(len(wvd), sorted(wvd.keys()), wvd[2])
del objs[1]
gc.collect()
print(sorted(wvd.keys()), 1 in wvd, wvd.get(1))

a, b = Obj('a'), Obj('b')
wkd = weakref.WeakKeyDictionary({a: 1, b: 2})
print(len(wkd), wkd[a])
del b
gc.collect()
print(len(wkd), list(wkd.values()))

ws = weakref.WeakSet([a])
c = Obj('c')
ws.add(c)
print(len(ws), a in ws)
del c
gc.collect()
print(len(ws), list(ws))

log = []
o = Obj('f')
fin = weakref.finalize(o, log.append, 'finalized')
print(fin.alive)
del o
gc.collect()
print(log, fin.alive)

m = Obj(5)
wm = weakref.WeakMethod(m.method)
print(wm()(), wm() == m.method)
del m
gc.collect()
print(wm())

p = Obj(9)
px = weakref.proxy(p)
print(px.n, px.method())
del p
gc.collect()
try:
    px.n
except ReferenceError as e:
    print('ReferenceError', e)
r = weakref.ref(a)
print(r() is a, weakref.getweakrefcount(a) >= 1)
