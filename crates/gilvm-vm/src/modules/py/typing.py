"""Support for type hints (gilvm's implementation).

The constructs programs write in annotations evaluate, print and compare as in
CPython: Any, Union/Optional, the aliases of builtin and abstract collections
(List, Dict, Iterable, Callable, ...), Literal, Final, ClassVar, Annotated,
TypeVar, ParamSpec, Generic, Protocol, NewType, NamedTuple (both forms),
TypedDict, plus cast, overload, final, no_type_check, get_origin, get_args and
get_type_hints.  Nothing here checks types.

gilvm has no metaclasses, no __mro_entries__ and no collections.abc, so:
Generic[...] and Protocol[...] evaluate to a hidden base class (usable in a
class statement) rather than an alias, a subscripted user generic (Box[int])
cannot be a base class, the abstract collections are named by small stand-in
classes, and isinstance() with a typing object or a protocol cannot be
customised.  get_type_hints, the class form of NamedTuple and TypedDict's key
sets rely on the __annotations__ the VM records (they raise NotImplementedError
on a VM that does not).
"""

import collections
import functools
import sys

__all__ = [
    'Annotated', 'Any', 'Callable', 'ClassVar', 'Concatenate', 'Final',
    'ForwardRef', 'Generic', 'Literal', 'LiteralString', 'Never', 'NoReturn',
    'NotRequired', 'Optional', 'ParamSpec', 'ParamSpecArgs',
    'ParamSpecKwargs', 'Protocol', 'Required', 'Self', 'Tuple', 'Type',
    'TypeAlias', 'TypeAliasType', 'TypeGuard', 'TypeVar', 'TypeVarTuple',
    'Union', 'Unpack', 'NoDefault',
    'AbstractSet', 'AsyncGenerator', 'AsyncIterable', 'AsyncIterator',
    'Awaitable', 'ByteString', 'ChainMap', 'Collection', 'Container',
    'ContextManager', 'Coroutine', 'Counter', 'DefaultDict', 'Deque', 'Dict',
    'FrozenSet', 'Generator', 'Hashable', 'ItemsView', 'Iterable', 'Iterator',
    'KeysView', 'List', 'Mapping', 'MappingView', 'MutableMapping',
    'MutableSequence', 'MutableSet', 'NamedTuple', 'OrderedDict', 'Reversible',
    'Sequence', 'Set', 'Sized', 'TypedDict', 'ValuesView',
    'AnyStr', 'NewType', 'Text', 'TYPE_CHECKING', 'assert_never',
    'assert_type', 'cast', 'final', 'get_args', 'get_origin',
    'get_overloads', 'get_type_hints', 'no_type_check', 'overload',
    'reveal_type', 'runtime_checkable',
]

TYPE_CHECKING = False

_NoneType = type(None)


def _caller_module(depth=2):
    # gilvm has no sys._getframe: like its namedtuple, assume '__main__'.
    try:
        return sys._getframe(depth).f_globals.get('__name__', '__main__')
    except (AttributeError, ValueError):
        return '__main__'


def _type_repr(obj):
    """How an argument of an alias is shown in the alias's repr."""
    if isinstance(obj, type):
        if obj.__module__ == 'builtins':
            return obj.__qualname__
        return obj.__module__ + '.' + obj.__qualname__
    if obj is ...:
        return '...'
    if isinstance(obj, _FunctionType):
        return obj.__name__
    return repr(obj)


_FunctionType = type(_type_repr)


def _own_annotations(ns):
    """A class namespace's own annotations: its __annotations__, else (PEP 649)
    what its __annotate__ function computes."""
    ann = ns.get('__annotations__')
    if ann is None:
        f = ns.get('__annotate_func__') or ns.get('__annotate__')
        ann = f(1) if f is not None else {}
    return ann


def _as_tuple(params):
    return params if isinstance(params, tuple) else (params,)


def _type_check(arg, msg):
    """Normalises one type argument (None -> NoneType, str -> ForwardRef)."""
    if arg is None:
        return _NoneType
    if isinstance(arg, str):
        return ForwardRef(arg)
    return arg


def _collect_parameters(args):
    params = []
    for a in args:
        if isinstance(a, _TypeVarLike):
            if a not in params:
                params.append(a)
        elif isinstance(a, (list, tuple)):
            for p in _collect_parameters(a):
                if p not in params:
                    params.append(p)
        else:
            for p in getattr(a, '__parameters__', ()) if isinstance(a, _Alias) else ():
                if p not in params:
                    params.append(p)
    return tuple(params)


def _substitute(arg, mapping):
    if isinstance(arg, _TypeVarLike):
        return mapping.get(arg, arg)
    if isinstance(arg, list):
        return [_substitute(a, mapping) for a in arg]
    if isinstance(arg, _Alias) and arg.__parameters__:
        return arg[tuple(mapping.get(p, p) for p in arg.__parameters__)]
    return arg


_alias_cache = {}


def _cached(tag, params, make):
    # Equal aliases are the same object, as in CPython; the argument types
    # are part of the key so that List[1] and List[True] stay apart.
    try:
        key = (tag, params, tuple(type(p) for p in params))
        hit = _alias_cache.get(key)
    except TypeError:  # an unhashable argument
        return make()
    if hit is None:
        hit = make()
        if len(_alias_cache) > 2000:
            _alias_cache.clear()
        _alias_cache[key] = hit
    return hit


# ---------------------------------------------------------------- forms


class _Final:
    """Base of typing's own objects: not meant to be subclassed by users."""

    def __or__(self, other):
        return Union[self, other]

    def __ror__(self, other):
        return Union[other, self]


class ForwardRef(_Final):
    """A type written as a string, kept unevaluated."""

    def __init__(self, arg, is_argument=True, module=None):
        if not isinstance(arg, str):
            raise TypeError(f"Forward reference must be a string -- got {arg!r}")
        self.__forward_arg__ = arg
        self.__forward_module__ = module

    def __eq__(self, other):
        if not isinstance(other, ForwardRef):
            return NotImplemented
        return self.__forward_arg__ == other.__forward_arg__

    def __hash__(self):
        return hash(self.__forward_arg__)

    def __repr__(self):
        return f"ForwardRef({self.__forward_arg__!r})"


class _SpecialForm(_Final):
    """A name like Any, Union or ClassVar; subscripting runs `getitem`."""

    def __init__(self, name, getitem=None):
        self._name = name
        self._getitem = getitem
        self.__name__ = name
        self.__qualname__ = name
        self.__module__ = 'typing'

    def __repr__(self):
        return 'typing.' + self._name

    def __reduce__(self):
        return self._name

    def __call__(self, *args, **kwds):
        if self._name == 'Any':
            raise TypeError("Any cannot be instantiated")
        raise TypeError(f"Cannot instantiate {self!r}")

    def __getitem__(self, params):
        if self._getitem is None:
            raise TypeError(f"{self} is not subscriptable")
        return self._getitem(self, params)

    def __instancecheck__(self, obj):
        raise TypeError(f"{self} cannot be used with isinstance()")

    def __subclasscheck__(self, cls):
        raise TypeError(f"{self} cannot be used with issubclass()")


Any = _SpecialForm('Any')
NoReturn = _SpecialForm('NoReturn')
Never = _SpecialForm('Never')
Self = _SpecialForm('Self')
LiteralString = _SpecialForm('LiteralString')
TypeAlias = _SpecialForm('TypeAlias')


class _Alias(_Final):
    """Common behaviour of every alias object (bare or subscripted)."""

    def __getattr__(self, attr):
        # Non-dunder attributes come from the origin class (List[int].append).
        if attr.startswith('__') and attr.endswith('__'):
            raise AttributeError(attr)
        if attr in ('_name', '_inst', '__origin__'):
            raise AttributeError(attr)
        return getattr(self.__origin__, attr)

    def __mro_entries__(self, bases):
        return (self.__origin__,)


class _GenericAlias(_Alias):
    """A subscripted alias: List[int], Dict[str, T], Box[int], ..."""

    def __init__(self, origin, args, name=None, inst=True):
        self.__origin__ = origin
        self.__args__ = args
        self.__parameters__ = _collect_parameters(args)
        self._name = name
        self._inst = inst

    def _args_repr(self):
        if not self.__args__:
            return '()'
        return ', '.join(_type_repr(a) for a in self.__args__)

    def __repr__(self):
        if self._name:
            head = 'typing.' + self._name
        else:
            head = _type_repr(self.__origin__)
        return f"{head}[{self._args_repr()}]"

    def __eq__(self, other):
        if not isinstance(other, _GenericAlias):
            return NotImplemented
        return (self.__origin__ == other.__origin__
                and self.__args__ == other.__args__)

    def __hash__(self):
        return hash((self.__origin__, self.__args__))

    def __call__(self, *args, **kwargs):
        if not self._inst:
            raise TypeError(f"Type {self._name} cannot be instantiated; "
                            f"use {self.__origin__.__name__}() instead")
        result = self.__origin__(*args, **kwargs)
        try:
            result.__orig_class__ = self
        except Exception:
            pass
        return result

    def __getitem__(self, params):
        if not self.__parameters__:
            raise TypeError(f"{self} is not a generic class")
        params = _as_tuple(params)
        if len(params) != len(self.__parameters__):
            raise TypeError(
                f"Too {'many' if len(params) > len(self.__parameters__) else 'few'}"
                f" arguments for {self}; actual {len(params)},"
                f" expected {len(self.__parameters__)}")
        mapping = dict(zip(self.__parameters__, params))
        args = tuple(_substitute(a, mapping) for a in self.__args__)
        return self.copy_with(args)

    def copy_with(self, args):
        return _GenericAlias(self.__origin__, args, self._name, self._inst)

    def __instancecheck__(self, obj):
        raise TypeError("Subscripted generics cannot be used with"
                        " class and instance checks")

    def __subclasscheck__(self, cls):
        raise TypeError("Subscripted generics cannot be used with"
                        " class and instance checks")


class _CallableGenericAlias(_GenericAlias):

    def _args_repr(self):
        args = self.__args__
        if len(args) == 2 and (args[0] is ... or isinstance(args[0], ParamSpec)):
            return f"{_type_repr(args[0])}, {_type_repr(args[1])}"
        params = ', '.join(_type_repr(a) for a in args[:-1])
        return f"[{params}], {_type_repr(args[-1])}"

    def copy_with(self, args):
        return _CallableGenericAlias(self.__origin__, args, self._name, self._inst)


class _SpecialGenericAlias(_Alias):
    """A bare alias of a collection class: List, Dict, Iterable, ..."""

    def __init__(self, origin, nparams, name, inst=True, check=None):
        self.__origin__ = origin
        self._nparams = nparams
        self._name = name
        self._inst = inst
        self._check = check
        self.__name__ = name
        self.__qualname__ = name
        self.__module__ = 'typing'

    def __repr__(self):
        return 'typing.' + self._name

    def __call__(self, *args, **kwargs):
        if not self._inst:
            raise TypeError(f"Type {self._name} cannot be instantiated; "
                            f"use {self.__origin__.__name__}() instead")
        return self.__origin__(*args, **kwargs)

    def __getitem__(self, params):
        params = _as_tuple(params)
        if self._nparams == 0:
            raise TypeError(f"{self} is not a generic class")
        msg = "Parameters to generic types must be types."
        params = tuple(_type_check(p, msg) for p in params)
        if len(params) != self._nparams:
            raise TypeError(
                f"Too {'many' if len(params) > self._nparams else 'few'}"
                f" arguments for {self}; actual {len(params)},"
                f" expected {self._nparams}")
        return _cached(self._name, params, lambda: _GenericAlias(
            self.__origin__, params, self._name, self._inst))

    def __instancecheck__(self, obj):
        return self.__subclasscheck__(type(obj))

    def __subclasscheck__(self, cls):
        if self._check is not None:
            return self._check(cls)
        return issubclass(cls, self.__origin__)

    def __eq__(self, other):
        if not isinstance(other, _SpecialGenericAlias):
            return NotImplemented
        return self._name == other._name and self.__origin__ is other.__origin__

    def __hash__(self):
        return hash((self._name, self.__origin__))


class _TupleAlias(_SpecialGenericAlias):

    def __getitem__(self, params):
        if params == ():
            return _cached('Tuple', (), lambda: _GenericAlias(
                tuple, (), 'Tuple', False))
        params = _as_tuple(params)
        msg = "Tuple[t, ...]: t must be a type."
        if len(params) == 2 and params[1] is ...:
            args = (_type_check(params[0], msg), ...)
        else:
            msg = "Tuple[t0, t1, ...]: each t must be a type."
            args = tuple(_type_check(p, msg) for p in params)
        return _cached('Tuple', args, lambda: _GenericAlias(
            tuple, args, 'Tuple', False))


class _CallableAlias(_SpecialGenericAlias):

    def __getitem__(self, params):
        if not isinstance(params, tuple) or len(params) != 2:
            raise TypeError("Callable must be used as "
                            "Callable[[arg, ...], result].")
        args, result = params
        if isinstance(args, list):
            args = tuple(_type_check(a, "Callable[[arg, ...], result]: each arg must be a type.")
                         for a in args)
        else:
            args = (args,)
        result = _type_check(result, "Callable[args, result]: result must be a type.")
        full = args + (result,)
        return _cached('Callable', full, lambda: _CallableGenericAlias(
            self.__origin__, full, 'Callable', True))


# ------------------------------------------------ stand-ins for collections.abc

def _has(*names):
    def check(cls):
        for n in names:
            ok = False
            for k in getattr(cls, '__mro__', (cls,)):
                d = getattr(k, '__dict__', {})
                if n in d:
                    ok = d[n] is not None
                    break
            if not ok:
                return False
        return True
    return check


def _known(*classes, extra=None):
    def check(cls):
        if extra is not None and extra(cls):
            return True
        for c in classes:
            if issubclass(cls, c):
                return True
        return False
    return check


def _abc_class(name):
    def no_init(self, *args, **kwargs):
        raise TypeError(f"Can't instantiate abstract class {name}")
    cls = type(name, (), {'__init__': no_init})
    cls.__module__ = 'collections.abc'
    cls.__qualname__ = name
    return cls


def _collection_class(name):
    # A collections class gilvm lacks: named in reprs, not usable.
    def no_init(self, *args, **kwargs):
        raise TypeError(f"gilvm has no collections.{name}")
    cls = type(name, (), {'__init__': no_init})
    cls.__module__ = 'collections'
    cls.__qualname__ = name
    return cls


def _alias(origin_name, nparams, name=None, inst=True, check=None, kind=None):
    origin = origin_name
    if isinstance(origin_name, str):
        origin = getattr(collections, origin_name, None)
        if origin is None:
            origin = _collection_class(origin_name)
    return (kind or _SpecialGenericAlias)(origin, nparams, name, inst, check)


def _abc(abc_name, nparams, name=None, check=None):
    return _SpecialGenericAlias(_abc_class(abc_name), nparams, name or abc_name,
                                True, check)


def _builtins(*names):
    # Only the builtin classes gilvm has (it lacks bytearray and memoryview).
    import builtins
    return tuple(getattr(builtins, n) for n in names if hasattr(builtins, n))


_seq_types = _builtins('list', 'tuple', 'str', 'range', 'bytes', 'bytearray',
                       'memoryview')
_map_types = (dict,)
_set_types = (set, frozenset)

Hashable = _abc('Hashable', 0, check=_has('__hash__'))
Awaitable = _abc('Awaitable', 1, check=_has('__await__'))
Coroutine = _abc('Coroutine', 3, check=_has('send', 'throw', 'close', '__await__'))
AsyncIterable = _abc('AsyncIterable', 1, check=_has('__aiter__'))
AsyncIterator = _abc('AsyncIterator', 1, check=_has('__aiter__', '__anext__'))
AsyncGenerator = _abc('AsyncGenerator', 2, check=_has('__aiter__', '__anext__',
                                                      'asend', 'athrow'))
Iterable = _abc('Iterable', 1, check=_has('__iter__'))
Iterator = _abc('Iterator', 1, check=_has('__iter__', '__next__'))
Reversible = _abc('Reversible', 1, check=_has('__reversed__', '__iter__'))
Generator = _abc('Generator', 3, check=_has('__iter__', '__next__', 'send',
                                            'throw', 'close'))
Sized = _abc('Sized', 0, check=_has('__len__'))
Container = _abc('Container', 1, check=_has('__contains__'))
Collection = _abc('Collection', 1, check=_has('__len__', '__iter__', '__contains__'))
AbstractSet = _abc('Set', 1, 'AbstractSet', check=_known(*_set_types))
MutableSet = _abc('MutableSet', 1, check=_known(set))
Mapping = _abc('Mapping', 2, check=_known(*_map_types))
MutableMapping = _abc('MutableMapping', 2, check=_known(dict))
Sequence = _abc('Sequence', 1, check=_known(*_seq_types))
MutableSequence = _abc('MutableSequence', 1,
                       check=_known(*_builtins('list', 'bytearray')))
ByteString = _abc('ByteString', 0,
                  check=_known(*_builtins('bytes', 'bytearray')))
MappingView = _abc('MappingView', 1)
KeysView = _abc('KeysView', 1)
ItemsView = _abc('ItemsView', 2)
ValuesView = _abc('ValuesView', 1)
ContextManager = _abc('AbstractContextManager', 1, 'ContextManager',
                      check=_has('__enter__', '__exit__'))
AsyncContextManager = _abc('AbstractAsyncContextManager', 1,
                           'AsyncContextManager',
                           check=_has('__aenter__', '__aexit__'))
Callable = _CallableAlias(_abc_class('Callable'), 2, 'Callable', True,
                          lambda cls: _has('__call__')(cls))

List = _alias(list, 1, 'List', inst=False)
Dict = _alias(dict, 2, 'Dict', inst=False)
Set = _alias(set, 1, 'Set', inst=False)
FrozenSet = _alias(frozenset, 1, 'FrozenSet', inst=False)
Tuple = _TupleAlias(tuple, -1, 'Tuple', False)
Type = _alias(type, 1, 'Type', inst=False)
DefaultDict = _alias('defaultdict', 2, 'DefaultDict')
OrderedDict = _alias('OrderedDict', 2, 'OrderedDict')
Counter = _alias('Counter', 1, 'Counter')
Deque = _alias('deque', 1, 'Deque')
ChainMap = _alias('ChainMap', 2, 'ChainMap')

Text = str


# ------------------------------------------------------------ special forms

def _flatten_union(params):
    out = []
    for p in params:
        if isinstance(p, _UnionAlias):
            out.extend(p.__args__)
        else:
            out.append(p)
    unique = []
    for p in out:
        if p not in unique:
            unique.append(p)
    return tuple(unique)


class _UnionAlias(_GenericAlias):

    def __repr__(self):
        args = self.__args__
        if len(args) == 2 and _NoneType in args:
            other = args[1] if args[0] is _NoneType else args[0]
            return f"typing.Optional[{_type_repr(other)}]"
        return f"typing.Union[{self._args_repr()}]"

    def __eq__(self, other):
        if not isinstance(other, _UnionAlias):
            return NotImplemented
        return set(self.__args__) == set(other.__args__)

    def __hash__(self):
        return hash(frozenset(self.__args__))

    def __call__(self, *args, **kwargs):
        raise TypeError("Cannot instantiate typing.Union")

    def copy_with(self, args):
        return Union[args]

    def __instancecheck__(self, obj):
        return self.__subclasscheck__(type(obj))

    def __subclasscheck__(self, cls):
        for a in self.__args__:
            if isinstance(a, _GenericAlias) or not isinstance(a, type):
                raise TypeError("Subscripted generics cannot be used with"
                                " class and instance checks")
        return issubclass(cls, self.__args__)


def _union_getitem(self, params):
    if params == ():
        raise TypeError("Cannot take a Union of no types.")
    params = _as_tuple(params)
    msg = "Union[arg, ...]: each arg must be a type."
    params = _flatten_union(tuple(_type_check(p, msg) for p in params))
    if len(params) == 1:
        return params[0]
    return _cached('Union', params, lambda: _UnionAlias(Union, params))


def _optional_getitem(self, params):
    if isinstance(params, tuple) and len(params) != 1:
        raise TypeError(f"{self} requires a single type. Got {params!r:.100}.")
    arg = _type_check(params, f"{self} requires a single type.")
    return Union[arg, None]


class _LiteralAlias(_GenericAlias):

    def _args_repr(self):
        return ', '.join(repr(a) for a in self.__args__)

    def __repr__(self):
        return f"typing.Literal[{self._args_repr()}]"

    def __eq__(self, other):
        if not isinstance(other, _LiteralAlias):
            return NotImplemented
        return set((type(a), a) for a in self.__args__) == \
            set((type(a), a) for a in other.__args__)

    def __hash__(self):
        return hash(frozenset((type(a), a) for a in self.__args__))


def _literal_getitem(self, params):
    flat = []
    for p in _as_tuple(params):
        if isinstance(p, _LiteralAlias):
            flat.extend(p.__args__)
        else:
            flat.append(p)
    unique = []
    for p in flat:
        if not any(type(p) is type(q) and p == q for q in unique):
            unique.append(p)
    return _LiteralAlias(Literal, tuple(unique))


class _SingleArgAlias(_GenericAlias):
    def __repr__(self):
        return f"{self.__origin__!r}[{self._args_repr()}]"


def _single_form_getitem(self, params):
    if isinstance(params, tuple) and len(params) != 1:
        raise TypeError(f"{self} accepts only single type. Got {params!r:.100}.")
    item = _type_check(params, f"{self} accepts only single type.")
    return _SingleArgAlias(self, (item,))


Union = _SpecialForm('Union', _union_getitem)
Unpack = _SpecialForm('Unpack', _single_form_getitem)
Optional = _SpecialForm('Optional', _optional_getitem)
Literal = _SpecialForm('Literal', _literal_getitem)
ClassVar = _SpecialForm('ClassVar', _single_form_getitem)
Final = _SpecialForm('Final', _single_form_getitem)
TypeGuard = _SpecialForm('TypeGuard', _single_form_getitem)
Required = _SpecialForm('Required', _single_form_getitem)
NotRequired = _SpecialForm('NotRequired', _single_form_getitem)


class _AnnotatedAlias(_GenericAlias):

    def __init__(self, origin, metadata):
        if isinstance(origin, _AnnotatedAlias):
            metadata = origin.__metadata__ + metadata
            origin = origin.__origin__
        super().__init__(origin, (origin,))
        self.__metadata__ = metadata

    def __repr__(self):
        meta = ', '.join(repr(m) for m in self.__metadata__)
        return f"typing.Annotated[{_type_repr(self.__origin__)}, {meta}]"

    def __eq__(self, other):
        if not isinstance(other, _AnnotatedAlias):
            return NotImplemented
        return (self.__origin__ == other.__origin__
                and self.__metadata__ == other.__metadata__)

    def __hash__(self):
        return hash((self.__origin__, self.__metadata__))

    def __call__(self, *args, **kwargs):
        return self.__origin__(*args, **kwargs)

    def copy_with(self, args):
        return _AnnotatedAlias(args[0], self.__metadata__)


def _annotated_getitem(self, params):
    if not isinstance(params, tuple) or len(params) < 2:
        raise TypeError("Annotated[...] should be used with at least two "
                        "arguments (a type and an annotation).")
    origin = _type_check(params[0], "Annotated[t, ...]: t must be a type.")
    return _AnnotatedAlias(origin, tuple(params[1:]))


Annotated = _SpecialForm('Annotated', _annotated_getitem)


class _ConcatenateAlias(_GenericAlias):
    def __repr__(self):
        return f"typing.Concatenate[{self._args_repr()}]"


def _is_concatenate(obj):
    return isinstance(obj, _ConcatenateAlias)


def _concatenate_getitem(self, params):
    params = _as_tuple(params)
    if not params:
        raise TypeError("Cannot take a Concatenate of no types.")
    if not isinstance(params[-1], ParamSpec):
        raise TypeError("The last parameter to Concatenate should be a "
                        "ParamSpec variable.")
    msg = "Concatenate[arg, ...]: each arg must be a type."
    params = tuple(_type_check(p, msg) for p in params[:-1]) + (params[-1],)
    return _ConcatenateAlias(Concatenate, params)


Concatenate = _SpecialForm('Concatenate', _concatenate_getitem)


# ---------------------------------------------------- type variables


# TypeVar, ParamSpec, TypeVarTuple and TypeAliasType are _typing's: the PEP 695
# syntax creates the same types.
from _typing import (TypeVar, ParamSpec, TypeVarTuple, ParamSpecArgs,
                     ParamSpecKwargs, TypeAliasType, NoDefault)

_TypeVarLike = (TypeVar, ParamSpec, TypeVarTuple)


AnyStr = TypeVar('AnyStr', bytes, str)


# ---------------------------------------------------- Generic and Protocol

class _GenericBaseAlias(_GenericAlias):
    """Generic[T, ...] / Protocol[T, ...]: a base that stands for Generic /
    Protocol (__mro_entries__) and records the parameters (__orig_bases__)."""

    def __mro_entries__(self, bases):
        return (self.__origin__,)


def _generic_base(cls, params):
    name = cls.__name__
    params = _as_tuple(params)
    if not params and cls is Generic:
        raise TypeError(f"Parameter list to {name}[...] cannot be empty")
    for p in params:
        if not (isinstance(p, _TypeVarLike) or _is_unpacked_tvt(p)):
            raise TypeError(f"Parameters to {name}[...] must all be type "
                            "variables or parameter specification variables.")
    if len(set(params)) != len(params):
        raise TypeError(f"Parameters to {name}[...] must all be unique")
    return _cached(cls, params, lambda: _GenericBaseAlias(cls, params))


def _is_unpacked_tvt(p):
    return (isinstance(p, _SingleArgAlias) and p.__origin__ is Unpack
            and isinstance(p.__args__[0], TypeVarTuple))


def _is_generic_base(b, *origins):
    return isinstance(b, _GenericBaseAlias) and b.__origin__ in origins


def _class_getitem_for(cls):
    # gilvm calls __class_getitem__ without the class, so each generic class
    # gets its own function (CPython calls a plain function the same way).
    def class_getitem(params):
        params = _as_tuple(params)
        expected = cls.__dict__.get('__parameters__', ())
        if not expected:
            raise TypeError(f"{cls} is not a generic class")
        if not (len(expected) == 1 and isinstance(expected[0], ParamSpec)) \
                and not any(isinstance(p, TypeVarTuple) for p in expected):
            if len(params) != len(expected):
                raise TypeError(
                    f"Too {'many' if len(params) > len(expected) else 'few'}"
                    f" arguments for {cls}; actual {len(params)},"
                    f" expected {len(expected)}")
        msg = "Parameters to generic types must be types."
        params = tuple(p if isinstance(p, list) else _type_check(p, msg)
                       for p in params)
        return _cached(cls, params, lambda: _GenericAlias(cls, params))
    return class_getitem


class Generic:
    """Base class of user generic classes: class Box(Generic[T]): ..."""

    _is_protocol = False
    __parameters__ = ()

    def __init_subclass__(cls, **kwargs):
        super().__init_subclass__(**kwargs)
        if '_gilvm_root' in cls.__dict__:
            return  # Protocol itself
        orig = cls.__dict__.get('__orig_bases__', cls.__bases__)
        params = None
        for b in orig:
            if _is_generic_base(b, Generic, Protocol):
                if params is not None:
                    raise TypeError(
                        "Cannot inherit from Generic[...] multiple times.")
                params = b.__parameters__
        if params is None:
            params = _collect_parameters(
                [b for b in orig if isinstance(b, _GenericAlias)])
        cls.__parameters__ = params
        cls.__class_getitem__ = _class_getitem_for(cls)
        # A protocol lists Protocol (or Protocol[...]) among its own bases.
        is_proto = any(b is Protocol or _is_generic_base(b, Protocol)
                       for b in orig)
        cls._is_protocol = is_proto
        if is_proto and '__init__' not in cls.__dict__:
            cls.__init__ = _no_init_or_replace_init


def _generic_class_getitem(params):
    return _generic_base(Generic, params)


Generic.__class_getitem__ = _generic_class_getitem


def _no_init_or_replace_init(self, *args, **kwargs):
    if type(self).__dict__.get('_is_protocol', False):
        raise TypeError('Protocols cannot be instantiated')
    # A concrete subclass inherited this: run the next real __init__.
    for k in type(self).__mro__[1:]:
        init = k.__dict__.get('__init__')
        if init is not None and init is not _no_init_or_replace_init:
            return init(self, *args, **kwargs)


class Protocol(Generic):
    """Base class of protocol classes (checked nominally in gilvm)."""

    _gilvm_root = True
    _is_protocol = True
    __parameters__ = ()


def _protocol_class_getitem(params):
    return _generic_base(Protocol, params)


Protocol.__class_getitem__ = _protocol_class_getitem
Protocol.__init__ = _no_init_or_replace_init


def runtime_checkable(cls):
    """Marks a protocol class as usable with isinstance (nominal in gilvm)."""
    if not isinstance(cls, type) or not issubclass(cls, Generic) \
            or not cls.__dict__.get('_is_protocol', False):
        raise TypeError('@runtime_checkable can be only applied to protocol'
                        f' classes, got {cls!r}')
    cls._is_runtime_protocol = True
    return cls


# ---------------------------------------------------- NewType, NamedTuple, TypedDict


class NewType(_Final):
    """NewType('UserId', int): a callable returning its argument unchanged."""

    def __init__(self, name, tp):
        self.__qualname__ = name
        if '.' in name:
            name = name.rpartition('.')[-1]
        self.__name__ = name
        self.__supertype__ = tp
        mod = _caller_module()
        if mod != 'typing':
            self.__module__ = mod

    def __repr__(self):
        return f"{self.__module__}.{self.__qualname__}"

    def __call__(self, x):
        return x

    def __reduce__(self):
        return self.__qualname__

    def __mro_entries__(self, bases):
        raise TypeError(f"Cannot subclass an instance of NewType. Perhaps you "
                        f"were looking for: `{self.__name__} = NewType("
                        f"{self.__name__!r}, {self.__name__})`")


# NamedTuple derives from an empty namedtuple class so that the class form
# (class P(NamedTuple): x: int) makes P a tuple subclass; the fields, read from
# the class annotations, are then copied from a namedtuple built for them.
class NamedTuple(collections.namedtuple('NamedTuple', [])):
    """A typed namedtuple: NamedTuple('P', [('x', int)]) or the class form."""

    __slots__ = ()

    def __new__(cls, typename, fields=None, **kwargs):
        if fields is None:
            fields = kwargs.items()
        elif kwargs:
            raise TypeError("Either list of fields or keywords can be provided"
                            " to NamedTuple, not both")
        fields = [(n, _type_check(t, f"field {n} annotation must be a type"))
                  for n, t in fields]
        nt = collections.namedtuple(typename, [n for n, t in fields],
                                    module=_caller_module())
        nt.__annotations__ = dict(fields)
        return nt

    def __init_subclass__(cls, **kwargs):
        super().__init_subclass__(**kwargs)
        if NamedTuple not in cls.__bases__:
            return  # a subclass of a NamedTuple class: an ordinary class
        if not _CLASS_ANNOTATIONS:
            raise TypeError(
                "gilvm's typing cannot build a NamedTuple from a class statement"
                " (gilvm records no class __annotations__); use "
                f"{cls.__name__} = NamedTuple({cls.__name__!r}, [(name, type), ...])")
        ns = cls.__dict__
        ann = dict(_own_annotations(ns))
        fields = list(ann)
        defaults = []
        for name in fields:
            if name in ns:
                defaults.append(ns[name])
            elif defaults:
                default_names = ', '.join(f for f in fields if f in ns)
                raise TypeError(f"Non-default namedtuple field {name} cannot "
                                f"follow default field"
                                f"{'s' if len(defaults) > 1 else ''} "
                                f"{default_names}")
        base = collections.namedtuple(cls.__name__, fields, defaults=defaults,
                                      module=cls.__module__)
        for key, value in base.__dict__.items():
            if key in ('__dict__', '__weakref__', '__doc__', '__module__',
                       '__qualname__', '__slots__'):
                continue
            if key in fields or key not in ns:
                setattr(cls, key, value)
        cls.__annotations__ = ann


class TypedDict:
    """class Movie(TypedDict): ... -- calling Movie(...) builds a plain dict."""

    __total__ = True

    def __new__(cls, *args, **kwargs):
        if cls is TypedDict:
            return _typeddict_functional(*args, **kwargs)
        return dict(*args, **kwargs)

    def __init_subclass__(cls, total=True, **kwargs):
        super().__init_subclass__(**kwargs)
        cls.__total__ = total
        if not _CLASS_ANNOTATIONS:
            return  # gilvm records no class annotations: keys unknown
        own = dict(_own_annotations(cls.__dict__))
        for b in cls.__mro__[1:]:
            for k, v in _own_annotations(b.__dict__).items():
                own.setdefault(k, v)
        cls.__annotations__ = own
        keys = frozenset(own)
        cls.__required_keys__ = keys if total else frozenset()
        cls.__optional_keys__ = frozenset() if total else keys


def _typeddict_functional(typename, fields=None, *, total=True, **kwargs):
    if fields is None:
        fields = kwargs
    ns = {'__annotations__': dict(fields), '__module__': _caller_module(3)}
    cls = type(typename, (TypedDict,), ns)
    keys = frozenset(fields)
    cls.__total__ = total
    cls.__required_keys__ = keys if total else frozenset()
    cls.__optional_keys__ = frozenset() if total else keys
    return cls


# ---------------------------------------------------- functions


def cast(typ, val):
    """Returns val unchanged (the type is for the reader)."""
    return val


def assert_type(val, typ):
    return val


def reveal_type(obj):
    print(f"Runtime type is {type(obj).__name__!r}", file=sys.stderr)
    return obj


def assert_never(arg):
    value = repr(arg)
    if len(value) > 100:
        value = value[:100] + '...'
    raise AssertionError(f"Expected code to be unreachable, but got: {value}")


_overload_registry = {}


def _overload_dummy(*args, **kwds):
    raise NotImplementedError(
        "You should not call an overloaded function. "
        "A series of @overload-decorated functions "
        "outside a stub module should always be followed "
        "by an implementation that is not @overload-ed.")


def overload(func):
    """Marks a signature-only definition; the real one follows it."""
    key = (getattr(func, '__module__', None), getattr(func, '__qualname__', None))
    _overload_registry.setdefault(key, []).append(func)
    return _overload_dummy


def get_overloads(func):
    key = (getattr(func, '__module__', None), getattr(func, '__qualname__', None))
    return list(_overload_registry.get(key, ()))


def clear_overloads():
    _overload_registry.clear()


def final(f):
    """Marks a method or class final (sets __final__ when it can)."""
    try:
        f.__final__ = True
    except (AttributeError, TypeError):
        pass
    return f


def no_type_check(arg):
    """Marks a function or class as not to be type-checked."""
    if isinstance(arg, type):
        for obj in list(arg.__dict__.values()):
            if isinstance(obj, _FunctionType):
                obj.__no_type_check__ = True
    try:
        arg.__no_type_check__ = True
    except TypeError:
        pass
    return arg


def no_type_check_decorator(decorator):
    @functools.wraps(decorator)
    def wrapped(*args, **kwds):
        return no_type_check(decorator(*args, **kwds))
    return wrapped


def get_origin(tp):
    """The unsubscripted form of an alias: get_origin(List[int]) is list."""
    if isinstance(tp, _AnnotatedAlias):
        return Annotated
    if isinstance(tp, (_GenericAlias, _SpecialGenericAlias, ParamSpecArgs,
                       ParamSpecKwargs)):
        return tp.__origin__
    if tp is Generic:
        return Generic
    return None


def get_args(tp):
    """The arguments of an alias: get_args(Dict[str, int]) == (str, int)."""
    if isinstance(tp, _AnnotatedAlias):
        return (tp.__origin__,) + tp.__metadata__
    if isinstance(tp, _GenericAlias):
        args = tp.__args__
        if isinstance(tp, _CallableGenericAlias) and args and \
                not (len(args) == 2 and (args[0] is ... or
                                         isinstance(args[0], ParamSpec))):
            return (list(args[:-1]), args[-1])
        return args
    return ()


class _Probe:
    x: int


_CLASS_ANNOTATIONS = bool(_own_annotations(_Probe.__dict__))
del _Probe


def _eval_hint(value, globalns, localns):
    if value is None:
        return _NoneType
    if isinstance(value, str):
        value = ForwardRef(value)
    if isinstance(value, ForwardRef):
        return _eval_string(value.__forward_arg__, globalns, localns)
    return value


def _eval_string(text, globalns, localns):
    import builtins
    evaluate = getattr(builtins, 'eval', None)
    if evaluate is not None:
        try:
            return evaluate(text, globalns, localns)
        except NotImplementedError:
            pass
    # gilvm's eval() is not implemented: a plain (dotted) name is looked up, nothing more.
    parts = text.strip().split('.')
    if all(p.isidentifier() for p in parts):
        head = parts[0]
        for ns in (localns, globalns, builtins.__dict__):
            if ns is not None and head in ns:
                obj = ns[head]
                for p in parts[1:]:
                    obj = getattr(obj, p)
                return obj
        raise NameError(f"name {head!r} is not defined")
    raise NotImplementedError(
        f"get_type_hints: gilvm has no eval() to evaluate the string "
        f"annotation {text!r}")


def _strip_annotated(tp):
    if isinstance(tp, _AnnotatedAlias):
        return _strip_annotated(tp.__origin__)
    return tp


def get_type_hints(obj, globalns=None, localns=None, include_extras=False):
    """The annotations of a class, module or function, strings evaluated."""
    hints = {}
    if isinstance(obj, type):
        if not _CLASS_ANNOTATIONS:
            raise NotImplementedError(
                "get_type_hints: gilvm does not record class annotations "
                "(no __annotations__ in class namespaces)")
        for base in reversed(obj.__mro__):
            ann = _own_annotations(base.__dict__)
            gns = globalns
            if gns is None:
                gns = getattr(sys.modules.get(base.__module__), '__dict__', {})
            lns = dict(base.__dict__) if localns is None else localns
            for name, value in ann.items():
                hints[name] = _eval_hint(value, gns, lns)
    else:
        try:
            ann = obj.__annotations__
        except AttributeError:
            if isinstance(obj, type(sys)) and _CLASS_ANNOTATIONS:
                ann = {}  # a module without annotated assignments
            elif callable(obj) or isinstance(obj, type(sys)):
                raise NotImplementedError(
                    "get_type_hints: gilvm functions and modules have no "
                    "__annotations__") from None
            else:
                raise TypeError(f"{obj!r} is not a module, class, method, "
                                "or function.") from None
        if globalns is None:
            globalns = getattr(obj, '__globals__', None)
            if globalns is None:
                globalns = getattr(obj, '__dict__', {})
        lns = globalns if localns is None else localns
        for name, value in (ann or {}).items():
            hints[name] = _eval_hint(value, globalns, lns)
    if not include_extras:
        hints = {k: _strip_annotated(v) for k, v in hints.items()}
    return hints
