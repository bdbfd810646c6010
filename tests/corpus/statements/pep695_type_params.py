# PEP 695/696 type parameters: TypeVar, ParamSpec, TypeVarTuple, defaults, type aliases (CPython 3.14).
import typing
from typing import TypeVar, ParamSpec, TypeVarTuple, NoDefault, TypeAliasType, Generic

def f[T, U: int, V: (int, str), *Ts, **P](x: T) -> U:
    return x
print(f.__type_params__)
T, U, V, Ts, P = f.__type_params__
print(type(T) is TypeVar, type(Ts) is TypeVarTuple, type(P) is ParamSpec)
print(T.__name__, T.__bound__, U.__bound__, V.__constraints__, T.__constraints__)
print(T.__covariant__, T.__contravariant__, T.__infer_variance__, T.__module__)
print(T.__default__ is NoDefault, T.has_default(), NoDefault, type(NoDefault))
print(f.__annotations__)
print(P.args, P.kwargs, type(P.args).__name__, P.args.__origin__ is P)
print(repr(Ts), repr(P), Ts.__name__, P.__name__, P.__bound__)
print(f(3), f.__name__, f.__qualname__)

def plain(): pass
#print(plain.__type_params__)

class C[T: float = int, *Ts = int]:
    def m[S](self, s: S) -> T:
        return s
    def n(self): return T
print(C.__type_params__, C.__parameters__)
print(C.__bases__, C.__mro__)
print(C.__orig_bases__)
print(C.m.__qualname__, C.m.__type_params__, C().n())
T2, Ts2 = C.__type_params__
print(T2.__bound__, T2.__default__, T2.has_default(), Ts2.__default__)

type Alias = typing.List[int]
print(Alias, type(Alias), Alias.__name__, Alias.__value__, Alias.__type_params__, Alias.__module__)
type Fwd = typing.List[Later]
class Later: pass
print(Fwd.__value__)
type G[K, V = str] = typing.Dict[K, V]
print(G.__type_params__, G.__value__, G[int])
print(repr(G), G.__parameters__)

X = TypeVar('X', bound=int, covariant=True)
Y = TypeVar('Y', contravariant=True, default=str)
Z = TypeVar('Z', infer_variance=True)
print(X, Y, Z, Y.__default__, Y.has_default(), X.__bound__, X.__module__)
for args, kw in [(('A', int), {}), (('A', int, str), {'bound': int}), (('A',), {'covariant': True, 'contravariant': True}), (('A',), {'covariant': True, 'infer_variance': True})]:
    try:
        TypeVar(*args, **kw)
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
try:
    class Bad(T): pass
except TypeError as e:
    print(e)
Q = ParamSpec('Q', default=[int])
print(Q, Q.__default__, Q.args == Q.args, ParamSpec('R', bound=int).__bound__)
W = TypeVarTuple('W')
print(W, W.__default__, W.has_default(), TypeVarTuple('W2', default=int).__default__)
print(list(iter(W)))
A2 = TypeAliasType('A2', int | str, type_params=())
print(A2, A2.__value__, A2.__type_params__)
try:
    Alias.__value__ = 3
except AttributeError as e:
    print(e)
print(isinstance(Alias, TypeAliasType))
