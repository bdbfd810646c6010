# The Lib's types module: each name is the type of the objects it names, and the types
# are distinct.
import sys
import types

def f(): pass
async def c(): pass
async def ag(): yield
def g(): yield 1
class C:
    def m(self): pass

print(types.FunctionType is type(f), types.LambdaType is types.FunctionType)
print(types.CodeType is type(f.__code__))
print(types.GeneratorType is type(g()))
co = c()
print(types.CoroutineType is type(co))
co.close()
print(types.AsyncGeneratorType is type(ag()))
print(types.MethodType is type(C().m))
print(types.BuiltinFunctionType is type(len))
print(types.ModuleType is type(sys))
print(types.NoneType is type(None), types.EllipsisType is type(...))
print(types.NotImplementedType is type(NotImplemented))
print(types.SimpleNamespace is type(sys.implementation))
print(types.GenericAlias is type(list[int]), types.UnionType is type(int | str))
names = ['FunctionType', 'CodeType', 'MappingProxyType', 'SimpleNamespace', 'CellType',
         'GeneratorType', 'CoroutineType', 'AsyncGeneratorType', 'MethodType',
         'BuiltinFunctionType', 'ModuleType', 'TracebackType', 'FrameType',
         'GetSetDescriptorType', 'MemberDescriptorType', 'GenericAlias', 'UnionType',
         'EllipsisType', 'NoneType', 'NotImplementedType']
for i, a in enumerate(names):
    for b in names[i + 1:]:
        if getattr(types, a) is getattr(types, b):
            print('same:', a, b)
for n in names:
    print(n, getattr(types, n).__name__, isinstance(getattr(types, n), type))

# MappingProxyType
mp = types.MappingProxyType({'a': 1, 'b': 2})
print(mp, len(mp), mp['a'], 'b' in mp, list(mp), mp.get('z', 0))
print(sorted(mp.items()), mp == {'a': 1, 'b': 2}, mp | {'c': 3})
try:
    mp['x'] = 1
except TypeError as e:
    print('TypeError', e)
try:
    types.MappingProxyType([1])
except TypeError as e:
    print('TypeError', e)
print(type(C.__dict__) is types.MappingProxyType, 'm' in C.__dict__)
print(type(types.FunctionType.__code__) is types.GetSetDescriptorType)
print(types.FunctionType.__code__, types.FunctionType.__globals__)

# SimpleNamespace
ns = types.SimpleNamespace(a=1, b='x')
ns.c = [1]
print(ns, ns == types.SimpleNamespace(a=1, b='x', c=[1]))

# new_class, resolve_bases, prepare_class, get_original_bases
class Meta(type):
    @classmethod
    def __prepare__(mcls, name, bases, **kw):
        d = {'prepared': kw}
        return d
K = types.new_class('K', (), {'metaclass': Meta, 'flag': 1} if False else {'metaclass': Meta},
                    lambda ns: ns.update(x=5))
print(K.__name__, type(K).__name__, K.x, K.prepared)
meta, ns2, kwds = types.prepare_class('P', (int,), {'metaclass': Meta, 'k': 2})
print(meta.__name__, ns2, kwds)
class Wrap:
    def __mro_entries__(self, bases):
        return (dict,)
print(types.resolve_bases((Wrap(), int)))
from typing import Generic, TypeVar
T = TypeVar('T')
class G(Generic[T]): pass
class H(G[int]): pass
print(types.get_original_bases(H))
print(types.get_original_bases(int))

# DynamicClassAttribute
class D:
    @types.DynamicClassAttribute
    def name(self):
        return 'instance'
print(D().name)
try:
    D.name
except AttributeError as e:
    print('AttributeError')

# coroutine on a plain function returning an awaitable
@types.coroutine
def wrapped():
    return (yield from ())
print(callable(wrapped))
