# dir(obj) is sorted(type(obj).__dir__(obj)): a metaclass's __dir__ lists a class, an
# instance's class's __dir__ lists the instance, a module's __dir__ function its names.
import enum
import sys
import types


class Meta(type):
    def __dir__(cls):
        return ['z', 'a', 'm']


class C(metaclass=Meta):
    x = 1


class D:
    def __dir__(self):
        return ('b', 'a')


class Color(enum.Enum):
    RED = 1

    def shade(self):
        return 'dark'


print(dir(C), 'x' in dir(C()))
print(dir(D()), type(dir(D())).__name__)
print(dir(Color))
print(dir(Color.RED))
m = types.ModuleType('m')
m.__dir__ = lambda: ['q', 'p']
print(dir(m))
try:
    types.FunctionType()
except TypeError as e:
    print('TypeError', e)


class Bad:
    def __dir__(self):
        return 5


try:
    dir(Bad())
except TypeError as e:
    print('TypeError', e)
