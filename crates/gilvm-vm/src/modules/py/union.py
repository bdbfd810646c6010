"""`X | Y` of classes (PEP 604) and `typing.Union[X, Y]`: gilvm's `types.UnionType`, which is
`typing.Union` since Python 3.14, as CPython's C `unionobject`.

The VM makes one when both operands of `|` are classes or None (ops.rs, `make`);
`GenericAlias`, type variables and type aliases reach `union_or` through their `__or__`.
A union prints as `int | None`, flattens nested unions, drops repeats (by equality; the
unhashable members are kept in order too), compares equal regardless of order, has
`__parameters__` (its type variables) and substitutes them through `__getitem__`.
`typing.Union[...]` (the class's `__class_getitem__`) also accepts forward references
(strings) and other objects, as typing's `_type_check` allows; a union of one member is
that member. Unions cannot be instantiated or subclassed.

Invariant: a union is immutable once built (its attributes are set at creation).
"""

import sys


def _typing():
    m = sys.modules.get('typing')
    if m is None:
        import typing as m
    return m


def _types():
    m = sys.modules.get('_gilvm_types')
    if m is None:
        import _gilvm_types as m
    return m


_oga = object.__getattribute__
_osa = object.__setattr__


class Union:
    """Represent a union type

E.g. for int | str"""

    __slots__ = ('__args__', '_UnionType__params', '__weakref__')

    def __new__(cls, *args, **kwargs):
        raise TypeError("cannot create 'typing.Union' instances")

    def __init_subclass__(cls, *args, **kwargs):
        raise TypeError("type 'typing.Union' is not an acceptable base type")

    @property
    def __origin__(self):
        return UnionType

    @property
    def __parameters__(self):
        p = _oga(self, '_UnionType__params')
        if p is None:
            p = _types()._make_parameters(self.__args__)
            _osa(self, '_UnionType__params', p)
        return p

    def __setattr__(self, name, value):
        raise AttributeError(f"'typing.Union' object has no attribute '{name}'")

    def __repr__(self):
        tr = _types()._type_repr
        return ' | '.join(tr(a) for a in self.__args__)

    def __or__(self, other):
        return union_or(self, other)

    def __ror__(self, other):
        return union_or(other, self)

    def __eq__(self, other):
        if not isinstance(other, UnionType):
            return NotImplemented
        a, b = self.__args__, other.__args__
        try:
            return set(a) == set(b)
        except TypeError:
            return all(x in b for x in a) and all(y in a for y in b)

    def __hash__(self):
        try:
            return hash(frozenset(self.__args__))
        except TypeError:
            unhashable = [a for a in self.__args__ if _unhashable(a)]
            raise TypeError(f"union contains {len(unhashable)} unhashable element"
                            f"{'s' if len(unhashable) > 1 else ''}") from None

    def __getitem__(self, item):
        params = self.__parameters__
        newargs = _types().subs_parameters(self, self.__args__, params, item)
        res = newargs[0]
        for a in newargs[1:]:
            res = res | a
        return res

    def __mro_entries__(self, bases):
        raise TypeError(f"Cannot subclass {self!r}")

    def __instancecheck__(self, obj):
        return isinstance(obj, _check_args(self, 'isinstance'))

    def __subclasscheck__(self, cls):
        return issubclass(cls, _check_args(self, 'issubclass'))

    def __class_getitem__(cls, args):
        if not isinstance(args, tuple):
            args = (args,)
        if not args:
            raise TypeError('Cannot take a Union of no types.')
        return from_tuple(args, checked=False)

    def __reduce__(self):
        return (_reduce_union, (self.__args__,))


Union.__module__ = 'typing'
UnionType = Union


def _reduce_union(args):
    import functools
    import operator
    return functools.reduce(operator.or_, args)


def _unhashable(a):
    try:
        hash(a)
    except TypeError:
        return True
    return False


def _check_args(u, fname):
    for a in u.__args__:
        if a is not type(None) and not isinstance(a, type):
            if isinstance(a, UnionType):
                continue
            raise TypeError(f"{fname}() argument 2 cannot be a parameterized generic"
                            if hasattr(a, '__origin__') else
                            f"{fname}() argument 2 must be a type, a tuple of types, "
                            "or a union")
    return u.__args__


def is_unionable(x):
    if x is None or isinstance(x, (type, UnionType)):
        return True
    t = _types()
    if isinstance(x, t.GenericAlias):
        return True
    ta = sys.modules.get('_typing')
    return ta is not None and isinstance(x, ta.TypeAliasType)


def _flatten(args, checked):
    out = []
    for x in args:
        if x is None:
            x = type(None)
        elif not checked and not is_unionable(x):
            x = _typing()._type_check(x, 'Union[arg, ...]: each arg must be a type.')
        for y in (x.__args__ if isinstance(x, UnionType) else (x,)):
            if y not in out:
                out.append(y)
    return out


def _new(args):
    u = object.__new__(UnionType)
    _osa(u, '__args__', tuple(args))
    _osa(u, '_UnionType__params', None)
    return u


def from_tuple(args, checked=True):
    out = _flatten(args, checked)
    if len(out) == 1:
        return out[0]
    return _new(out)


def union_or(a, b):
    """`a | b` of two unionable objects; NotImplemented otherwise."""
    if not is_unionable(a) or not is_unionable(b):
        return NotImplemented
    return from_tuple((a, b))


def make(a, b):
    """a | b of classes or None (the VM's `|` of two classes), flattening unions, dropping
    repeats; a single member is returned as is."""
    return from_tuple((a, b))
