"""The runtime objects of type parameters and type aliases (gilvm's `_typing`).

PEP 695 syntax (`def f[T: int]`, `class C[*Ts]`, `type X[**P] = ...`) and PEP 696
defaults create these through the `_make_*` functions below, which the compiler calls
as intrinsics (gilvm-object's `intrinsics.rs`).  A bound, a constraint tuple, a
default or an alias's value written in the syntax is compiled into its own function
(an annotation scope taking a `format` argument): it runs the first time the
attribute is read (`__bound__`, `__constraints__`, `__default__`, `__value__`), and
the result is kept.  `typing` re-exports these classes, so `typing.TypeVar` is the
type the syntax creates.  Type names print as CPython's (`typing.TypeVar`).
"""

import sys

__all__ = ['TypeVar', 'ParamSpec', 'TypeVarTuple', 'ParamSpecArgs',
           'ParamSpecKwargs', 'TypeAliasType', 'NoDefault', 'Generic', 'Union']

_UNSET = object()   # "not evaluated yet"


class NoDefaultType:
    """The type of typing.NoDefault: a type parameter has no default."""

    __slots__ = ()

    def __new__(cls, *args, **kwargs):
        if args or kwargs:
            raise TypeError("NoDefaultType takes no arguments")
        return NoDefault

    def __repr__(self):
        return 'typing.NoDefault'

    def __reduce__(self):
        return 'NoDefault'


NoDefaultType.__module__ = 'builtins'
NoDefault = object.__new__(NoDefaultType)


def _typing():
    return sys.modules['typing']


def _caller_module(depth=2):
    try:
        return sys._getframe(depth).f_globals.get('__name__', '__main__')
    except (AttributeError, ValueError):
        return '__main__'


def _check_str(fname, what, value):
    if not isinstance(value, str):
        raise TypeError(f"{fname}() argument '{what}' must be str, "
                        f"not {type(value).__name__}")


class _Lazy:
    """One lazily evaluated attribute: a value, or the function computing it."""

    def __init__(self, name, fn):
        self.name = name
        self.fn = fn

    def __get__(self, obj, cls=None):
        if obj is None:
            return self
        d = obj.__dict__
        v = d.get('_v' + self.name, _UNSET)
        if v is _UNSET:
            fn = d.get('_f' + self.name)
            v = self.fn(obj) if fn is None else fn(1)
            d['_v' + self.name] = v
        return v

    def __set__(self, obj, value):
        raise AttributeError('readonly attribute')


class _ReadOnly:
    """A plain read-only attribute kept in the instance dict under another key."""

    def __init__(self, name):
        self.name = name

    def __get__(self, obj, cls=None):
        if obj is None:
            return self
        return obj.__dict__['_r' + self.name]

    def __set__(self, obj, value):
        raise AttributeError('readonly attribute')


def _no_subclass(tp):
    def __init_subclass__(cls, *args, **kwargs):
        raise TypeError(f"type 'typing.{tp}' is not an acceptable base type")
    return classmethod(__init_subclass__)


def _prefix(tv):
    if tv.__infer_variance__:
        return ''
    if tv.__covariant__:
        return '+'
    if tv.__contravariant__:
        return '-'
    return '~'


class _TypeParam:
    """What TypeVar, ParamSpec and TypeVarTuple share."""

    __name__ = _ReadOnly('__name__')
    __default__ = _Lazy('__default__', lambda self: NoDefault)

    def _init_default(self, default, evaluate_default):
        d = self.__dict__
        if evaluate_default is not None:
            d['_f__default__'] = evaluate_default
        elif default is not NoDefault:
            d['_v__default__'] = default
        else:
            d['_v__default__'] = NoDefault

    def has_default(self):
        d = self.__dict__
        if '_f__default__' in d:
            return True
        return d.get('_v__default__') is not NoDefault

    @property
    def evaluate_default(self):
        return self.__dict__.get('_f__default__')

    def __or__(self, right):
        return _typing().Union[self, right]

    def __ror__(self, left):
        return _typing().Union[left, self]

    def __reduce__(self):
        return self.__name__

    def __copy__(self):
        return self

    def __deepcopy__(self, memo):
        return self

    def __mro_entries__(self, bases):
        raise TypeError(f"Cannot subclass an instance of {type(self).__name__}")


class TypeVar(_TypeParam):
    """Type variable."""

    __bound__ = _Lazy('__bound__', lambda self: None)
    __constraints__ = _Lazy('__constraints__', lambda self: ())
    __covariant__ = _ReadOnly('__covariant__')
    __contravariant__ = _ReadOnly('__contravariant__')
    __infer_variance__ = _ReadOnly('__infer_variance__')
    __init_subclass__ = _no_subclass('TypeVar')

    def __init__(self, name, *constraints, bound=None, covariant=False,
                 contravariant=False, infer_variance=False, default=NoDefault):
        _check_str('typevar', 'name', name)
        if covariant and contravariant:
            raise ValueError("Bivariant types are not supported.")
        if infer_variance and (covariant or contravariant):
            raise ValueError("Variance cannot be specified with infer_variance.")
        if constraints and bound is not None:
            raise TypeError("Constraints cannot be combined with bound=...")
        if len(constraints) == 1:
            raise TypeError("A single constraint is not allowed")
        d = self.__dict__
        d['_r__name__'] = name
        d['_r__covariant__'] = bool(covariant)
        d['_r__contravariant__'] = bool(contravariant)
        d['_r__infer_variance__'] = bool(infer_variance)
        t = _typing()
        if bound is not None:
            bound = t._type_check(bound, "Bound must be a type.")
        d['_v__bound__'] = bound
        msg = "TypeVar(name, constraint, ...): constraints must be types."
        d['_v__constraints__'] = tuple(t._type_check(c, msg) for c in constraints)
        self._init_default(default, None)
        d['__module__'] = _caller_module()

    @property
    def evaluate_bound(self):
        return self.__dict__.get('_f__bound__')

    @property
    def evaluate_constraints(self):
        return self.__dict__.get('_f__constraints__')

    def __repr__(self):
        return _prefix(self) + self.__name__

    def __typing_subst__(self, arg):
        return _typing()._typevar_subst(self, arg)

    def __typing_prepare_subst__(self, alias, args):
        params = alias.__parameters__
        i = params.index(self)
        if i < len(args):
            return args
        if i == len(args) and self.has_default():
            return (*args, self.__default__)
        raise TypeError(f"Too few arguments for {alias!r}; actual {len(args)}, "
                        f"expected at least {i + 1}")


TypeVar.__module__ = 'typing'


class ParamSpecArgs:
    """The type of P.args."""

    __origin__ = _ReadOnly('__origin__')
    __init_subclass__ = _no_subclass('ParamSpecArgs')

    def __init__(self, origin):
        self.__dict__['_r__origin__'] = origin

    def __repr__(self):
        o = self.__origin__
        return f"{o.__name__ if isinstance(o, ParamSpec) else repr(o)}.args"

    def __eq__(self, other):
        if not isinstance(other, ParamSpecArgs):
            return NotImplemented
        return self.__origin__ == other.__origin__

    def __hash__(self):
        return hash(self.__origin__) ^ 0x5A5A

    def __mro_entries__(self, bases):
        raise TypeError("Cannot subclass an instance of ParamSpecArgs")


class ParamSpecKwargs:
    """The type of P.kwargs."""

    __origin__ = _ReadOnly('__origin__')
    __init_subclass__ = _no_subclass('ParamSpecKwargs')

    def __init__(self, origin):
        self.__dict__['_r__origin__'] = origin

    def __repr__(self):
        o = self.__origin__
        return f"{o.__name__ if isinstance(o, ParamSpec) else repr(o)}.kwargs"

    def __eq__(self, other):
        if not isinstance(other, ParamSpecKwargs):
            return NotImplemented
        return self.__origin__ == other.__origin__

    def __hash__(self):
        return hash(self.__origin__) ^ 0xA5A5

    def __mro_entries__(self, bases):
        raise TypeError("Cannot subclass an instance of ParamSpecKwargs")


ParamSpecArgs.__module__ = 'typing'
ParamSpecKwargs.__module__ = 'typing'


class ParamSpec(_TypeParam):
    """Parameter specification variable."""

    __bound__ = _Lazy('__bound__', lambda self: None)
    __covariant__ = _ReadOnly('__covariant__')
    __contravariant__ = _ReadOnly('__contravariant__')
    __infer_variance__ = _ReadOnly('__infer_variance__')
    __init_subclass__ = _no_subclass('ParamSpec')

    def __init__(self, name, *, bound=None, covariant=False,
                 contravariant=False, infer_variance=False, default=NoDefault):
        _check_str('paramspec', 'name', name)
        if covariant and contravariant:
            raise ValueError("Bivariant types are not supported.")
        if infer_variance and (covariant or contravariant):
            raise ValueError("Variance cannot be specified with infer_variance.")
        d = self.__dict__
        d['_r__name__'] = name
        d['_r__covariant__'] = bool(covariant)
        d['_r__contravariant__'] = bool(contravariant)
        d['_r__infer_variance__'] = bool(infer_variance)
        if bound is not None:
            bound = _typing()._type_check(bound, "Bound must be a type.")
        d['_v__bound__'] = bound
        self._init_default(default, None)
        d['__module__'] = _caller_module()

    @property
    def args(self):
        return ParamSpecArgs(self)

    @property
    def kwargs(self):
        return ParamSpecKwargs(self)

    def __repr__(self):
        return _prefix(self) + self.__name__

    def __typing_subst__(self, arg):
        return _typing()._paramspec_subst(self, arg)

    def __typing_prepare_subst__(self, alias, args):
        return _typing()._paramspec_prepare_subst(self, alias, args)


ParamSpec.__module__ = 'typing'


class TypeVarTuple(_TypeParam):
    """Type variable tuple."""

    __init_subclass__ = _no_subclass('TypeVarTuple')

    def __init__(self, name, *, default=NoDefault):
        _check_str('typevartuple', 'name', name)
        d = self.__dict__
        d['_r__name__'] = name
        self._init_default(default, None)
        d['__module__'] = _caller_module()

    def __iter__(self):
        yield _typing().Unpack[self]

    def __repr__(self):
        return self.__name__

    def __typing_subst__(self, arg):
        raise TypeError("Substitution of bare TypeVarTuple is not supported")

    def __typing_prepare_subst__(self, alias, args):
        return _typing()._typevartuple_prepare_subst(self, alias, args)


TypeVarTuple.__module__ = 'typing'

_TYPE_PARAMS = (TypeVar, ParamSpec, TypeVarTuple)


class TypeAliasType:
    """Type alias: what `type X = ...` creates."""

    __name__ = _ReadOnly('__name__')
    __type_params__ = _ReadOnly('__type_params__')
    __value__ = _Lazy('__value__', None)
    __init_subclass__ = _no_subclass('TypeAliasType')

    def __init__(self, name, value, *, type_params=()):
        _check_str('typealias', 'name', name)
        if not isinstance(type_params, tuple):
            raise TypeError("type_params must be a tuple")
        _check_type_params(type_params)
        d = self.__dict__
        d['_r__name__'] = name
        d['_r__type_params__'] = type_params
        d['_v__value__'] = value
        d['__module__'] = _caller_module()

    @property
    def __parameters__(self):
        out = []
        for p in self.__type_params__:
            if isinstance(p, TypeVarTuple):
                out.extend(p)
            else:
                out.append(p)
        return tuple(out)

    @property
    def evaluate_value(self):
        return self.__dict__.get('_f__value__')

    def __repr__(self):
        return self.__name__

    def __getitem__(self, params):
        if not self.__type_params__:
            raise TypeError("Only generic type aliases are subscriptable")
        if not isinstance(params, tuple):
            params = (params,)
        return _typing()._GenericAlias(self, params)

    def __or__(self, right):
        return _typing().Union[self, right]

    def __ror__(self, left):
        return _typing().Union[left, self]

    def __reduce__(self):
        return self.__name__

    def __setattr__(self, name, value):
        if name in ('__value__', '__type_params__', '__parameters__'):
            raise AttributeError(f"attribute '{name}' of 'typing.TypeAliasType' "
                                 "objects is not writable")
        if name in ('__name__', '__module__'):
            raise AttributeError('readonly attribute')
        raise AttributeError(f"'typing.TypeAliasType' object has no attribute '{name}'")

    def __delattr__(self, name):
        raise AttributeError('readonly attribute')


TypeAliasType.__module__ = 'typing'


def _check_type_params(type_params):
    seen_default = None
    for p in type_params:
        if not isinstance(p, _TYPE_PARAMS):
            raise TypeError(f"Expected a type param, got {p!r}")
        if p.has_default():
            seen_default = p
        elif seen_default is not None:
            raise TypeError(f"non-default type parameter '{p!r}' "
                            f"follows default type parameter")


# ---- what the compiled syntax calls (gilvm-object's intrinsics.rs) ----

def _syntax_param(cls, name, evaluate_default):
    tp = object.__new__(cls)
    d = tp.__dict__
    d['_r__name__'] = name
    if cls is not TypeVarTuple:
        d['_r__covariant__'] = False
        d['_r__contravariant__'] = False
        d['_r__infer_variance__'] = True
    tp._init_default(NoDefault, evaluate_default)
    d['__module__'] = 'typing'
    return tp


def _make_typevar(name, evaluate_bound, evaluate_constraints, evaluate_default):
    tv = _syntax_param(TypeVar, name, evaluate_default)
    d = tv.__dict__
    if evaluate_bound is not None:
        d['_f__bound__'] = evaluate_bound
    else:
        d['_v__bound__'] = None
    if evaluate_constraints is not None:
        d['_f__constraints__'] = evaluate_constraints
    else:
        d['_v__constraints__'] = ()
    return tv


def _make_paramspec(name, evaluate_default):
    ps = _syntax_param(ParamSpec, name, evaluate_default)
    ps.__dict__['_v__bound__'] = None
    return ps


def _make_typevartuple(name, evaluate_default):
    return _syntax_param(TypeVarTuple, name, evaluate_default)


def _make_typealias(name, type_params, evaluate_value):
    ta = object.__new__(TypeAliasType)
    d = ta.__dict__
    d['_r__name__'] = name
    d['_r__type_params__'] = () if type_params is None else type_params
    d['_f__value__'] = evaluate_value
    d['__module__'] = evaluate_value.__module__
    return ta


def _subscript_generic(type_params):
    t = _typing()
    return t.Generic[tuple(t.Unpack[p] if isinstance(p, TypeVarTuple) else p
                           for p in type_params)]


# ---- What the C `_typing` also holds: `_idfunc`, `Generic` and `Union` (issue 19) ----

def _idfunc(_, x):
    return x


class Generic:
    """Abstract base class for generic types.

    On Python 3.12 and newer, generic classes implicitly inherit from
    Generic when they declare a parameter list after the class's name::

        class Mapping[KT, VT]:
            def __getitem__(self, key: KT) -> VT:
                ...
            # Etc.

    On older versions of Python, however, generic classes have to
    explicitly inherit from Generic.

    After a class has been declared to be generic, it can then be used as
    follows::

        def lookup_name[KT, VT](mapping: Mapping[KT, VT], key: KT, default: VT) -> VT:
            try:
                return mapping[key]
            except KeyError:
                return default
    """

    __slots__ = ()
    _is_protocol = False

    def __class_getitem__(cls, params):
        return _typing()._generic_class_getitem(cls, params)

    def __init_subclass__(cls, *args, **kwargs):
        return _typing()._generic_init_subclass(cls, *args, **kwargs)


Generic.__module__ = 'typing'

from _gilvm_union import UnionType as Union
