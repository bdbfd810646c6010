# The native _abc under the Lib's abc: abstract methods, register, caches, protocols.
import abc
import _abc
import gc
from collections.abc import Iterable, Sequence, Mapping, Hashable, Sized
from typing import Protocol, runtime_checkable

print(abc.ABCMeta.__module__, abc.ABCMeta.__instancecheck__.__qualname__)
print(type(abc.ABC._abc_impl).__name__, type(abc.ABC._abc_impl).__module__)

class Base(abc.ABC):
    @abc.abstractmethod
    def run(self): ...
    @property
    @abc.abstractmethod
    def size(self): ...
    def helper(self):
        return "helper"

print(sorted(Base.__abstractmethods__))
try:
    Base()
except TypeError as e:
    print("TypeError", e)

class Half(Base):
    def run(self):
        return "run"
print(sorted(Half.__abstractmethods__))

class Full(Half):
    size = 3
print(sorted(Full.__abstractmethods__), Full().run(), Full().size, Full().helper())

class Virtual:
    pass
print(issubclass(Virtual, Base), isinstance(Virtual(), Base))
token = abc.get_cache_token()
print(Base.register(Virtual) is Virtual, abc.get_cache_token() == token + 1)
print(issubclass(Virtual, Base), isinstance(Virtual(), Base))
class SubVirtual(Virtual):
    pass
print(issubclass(SubVirtual, Base), issubclass(int, Base))
print(Base.register(Full) is Full, abc.get_cache_token() == token + 1)
try:
    Virtual.register = None
    Base.register(Base)
    print("self-register ok")
    class Child(Base): pass
    Child.register(Base)
except RuntimeError as e:
    print("RuntimeError", e)
try:
    Base.register(3)
except TypeError as e:
    print("TypeError", e)
try:
    issubclass(3, Base)
except TypeError as e:
    print("TypeError", e)

registry, cache, negative, version = _abc._get_dump(Base)
print(sorted(r().__name__ for r in registry), sorted(r().__name__ for r in cache))
print(type(version).__name__, all(type(r).__name__ == "ReferenceType" for r in negative))
Base._abc_caches_clear()
print(_abc._get_dump(Base)[1])
Base._abc_registry_clear()
print(issubclass(Virtual, Base), _abc._get_dump(Base)[0])

# __subclasshook__ answers.
class Quacks(abc.ABC):
    @classmethod
    def __subclasshook__(cls, C):
        if any("quack" in B.__dict__ for B in C.__mro__):
            return True
        return NotImplemented
class Duck:
    def quack(self): pass
class Stone:
    pass
print(issubclass(Duck, Quacks), isinstance(Stone(), Quacks), issubclass(bool, Quacks))
class Bad(abc.ABC):
    @classmethod
    def __subclasshook__(cls, C):
        return 1
try:
    issubclass(int, Bad)
except AssertionError as e:
    print("AssertionError", e)

# The collections ABCs.
print(isinstance([], Sequence), isinstance({}, Mapping), isinstance((), Hashable), isinstance([], Hashable))
print(issubclass(str, Iterable), isinstance(3, Sized), "__abc_tpflags__" in Sequence.__dict__)
print(isinstance(range(3), Sequence), isinstance({}.keys(), Sized))

# A class that dies leaves no live entry behind.
class Temp:
    pass
print(isinstance(Temp(), Base))
del Temp
gc.collect()
print(sorted(r() is None for r in _abc._get_dump(Base)[2]).count(False) >= 0)

# typing's runtime protocols (checks allowed only from abc).
@runtime_checkable
class HasX(Protocol):
    x: int
    def meth(self): ...
class Point:
    x = 1
    def meth(self): pass
class NoX:
    def meth(self): pass
print(isinstance(Point(), HasX), isinstance(NoX(), HasX))
try:
    issubclass(Point, HasX)
except TypeError as e:
    print("TypeError", e)
@runtime_checkable
class Closable(Protocol):
    def close(self): ...
print(issubclass(type(open(__file__)), Closable), isinstance(3, Closable))
