# PEP 585 generic aliases of the builtin classes (types.GenericAlias) and PEP 604 unions
# (types.UnionType, which is typing.Union).
import collections
import types
import typing

a = list[int]
print(a, type(a) is types.GenericAlias, a.__origin__, a.__args__, a.__parameters__)
print(dict[str, list[int]], tuple[()], tuple[int, ...], type[int], set[bytes], frozenset[str])
print(collections.deque[int], collections.defaultdict[str, int], collections.OrderedDict[str, int])
print(list[int] == list[int], list[int] == list[str], list[int] == list, hash(list[int]) == hash(list[int]))
print(list[int](), list[int]('ab'), list[int].__name__, list[int].__mro_entries__(()))
print(list.__class_getitem__(int), dict.__class_getitem__((str, int)))
try:
    isinstance([], list[int])
except TypeError as e:
    print('TypeError', e)
try:
    issubclass(list, list[int])
except TypeError as e:
    print('TypeError', e)
try:
    list[int][str]
except TypeError as e:
    print('TypeError', e)

class C:
    pass
try:
    C[int]
except TypeError as e:
    print('TypeError', e)

class MyList(list[int]):
    pass
print(MyList.__bases__, MyList.__orig_bases__, MyList([1, 2]))

T = typing.TypeVar('T')
K = typing.TypeVar('K')
print(dict[K, list[T]].__parameters__, dict[K, list[T]][str, int], list[T][int])
try:
    dict[K, T][int]
except TypeError as e:
    print('TypeError', e)

class Box:
    def __class_getitem__(cls, item):
        return types.GenericAlias(cls, item)
b = Box[int]()
print(type(b).__name__, b.__orig_class__)

# unions
u = int | str
print(u, type(u) is types.UnionType, types.UnionType is typing.Union, u.__args__)
print(int | None, None | int, list[int] | None, int | str | int, (int | str) == (str | int))
print(hash(int | str) == hash(str | int), u.__origin__ is typing.Union)
print(isinstance(1, int | str), isinstance(1.0, int | str), issubclass(bool, int | None))
print(typing.Union[int, str], typing.Union[int], typing.Union[int, None] == typing.Optional[int])
print((int | T).__parameters__, (int | T)[str], (list[T] | None)[bytes])
try:
    types.UnionType()
except TypeError as e:
    print('TypeError', e)
try:
    int | 5
except TypeError as e:
    print('TypeError', e)
try:
    typing.Union[()]
except TypeError as e:
    print('TypeError', e)
print(typing.get_origin(int | str) is typing.Union, typing.get_args(int | str))
print(typing.get_origin(list[int]), typing.get_args(dict[str, int]))
