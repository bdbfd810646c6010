"""Object-model types that CPython writes in C and gilvm in Python (`_gilvm_types`).

- `mappingproxy`: the read-only view of a mapping (`types.MappingProxyType`); a class's
  `__dict__` is one over the class's namespace (attr.rs), so `type(type.__dict__)` is it.
- `GenericAlias`: `list[int]` (`types.GenericAlias`). The builtin generic classes' native
  `__class_getitem__` (genericalias.rs) builds one. As CPython's, it forwards every attribute
  but a few of its own to its origin (`list[int].__name__ == 'list'`), calls the origin and
  sets `__orig_class__` on the result, substitutes type variables through `__getitem__`
  (`dict[str, T][int]`), refuses `isinstance` and `issubclass`, and is a base class through
  `__mro_entries__` (its origin).
- `getset_descriptor`: the type of the computed attributes of builtin objects read on the
  class (`FunctionType.__code__`), which `types.GetSetDescriptorType` names.

Invariants: these classes hold no state of their own but a few fixed attributes set at
creation, so they need no lock in the free-threaded build (the mapping a proxy views is a
dict, whose operations are atomic).
"""

import sys


def _type_repr(obj):
    # CPython's _Py_typing_type_repr.
    if obj is ...:
        return '...'
    if obj is type(None):
        return 'None'
    if isinstance(obj, GenericAlias):
        return repr(obj)
    if isinstance(obj, (tuple, list)) and type(obj) in (tuple, list):
        return '[' + ', '.join(_type_repr(a) for a in obj) + ']'
    try:
        if hasattr(obj, '__origin__') and hasattr(obj, '__args__'):
            return repr(obj)
        qualname = obj.__qualname__
        module = obj.__module__
    except AttributeError:
        return repr(obj)
    if not isinstance(qualname, str) or not isinstance(module, str):
        return repr(obj)
    if module == 'builtins':
        return qualname
    return f'{module}.{qualname}'


class mappingproxy:
    __slots__ = ('_mappingproxy__m',)

    def __new__(cls, mapping):
        if (isinstance(mapping, (list, tuple))
                or not hasattr(type(mapping), '__getitem__')
                or not hasattr(type(mapping), 'keys')):
            raise TypeError("mappingproxy() argument must be a mapping, not "
                            f"{type(mapping).__name__}")
        self = object.__new__(cls)
        object.__setattr__(self, '_mappingproxy__m', mapping)
        return self

    def __getitem__(self, key):
        return self.__m[key]

    def get(self, key, default=None, /):
        return self.__m.get(key, default)

    def __contains__(self, key):
        return key in self.__m

    def __iter__(self):
        return iter(self.__m)

    def __reversed__(self):
        return reversed(self.__m)

    def __len__(self):
        return len(self.__m)

    def keys(self):
        return self.__m.keys()

    def values(self):
        return self.__m.values()

    def items(self):
        return self.__m.items()

    def copy(self):
        return self.__m.copy()

    def __eq__(self, other):
        return self.__m == other

    def __ne__(self, other):
        return self.__m != other

    def __or__(self, other):
        if isinstance(other, mappingproxy):
            other = other.__m
        return self.__m | other

    def __ror__(self, other):
        if isinstance(other, mappingproxy):
            other = other.__m
        return other | self.__m

    def __ior__(self, other):
        raise TypeError("'|=' is not supported by mappingproxy; use '|' instead")

    def __repr__(self):
        return f'mappingproxy({self.__m!r})'

    def __str__(self):
        return str(self.__m)

    def __setattr__(self, name, value):
        raise AttributeError(f"'mappingproxy' object has no attribute '{name}' "
                             "and no __dict__ for setting new attributes")

    def __class_getitem__(cls, item):
        return GenericAlias(cls, item)

    __hash__ = None


mappingproxy.__module__ = 'builtins'


class getset_descriptor:
    __slots__ = ('__name__', '__objclass__')

    def __get__(self, obj, objtype=None):
        if obj is None:
            return self
        if not isinstance(obj, self.__objclass__):
            raise TypeError(f"descriptor '{self.__name__}' for "
                            f"'{self.__objclass__.__name__}' objects doesn't apply "
                            f"to a '{type(obj).__name__}' object")
        return getattr(obj, self.__name__)

    def __set__(self, obj, value):
        setattr(obj, self.__name__, value)

    def __delete__(self, obj):
        delattr(obj, self.__name__)

    def __repr__(self):
        return f"<attribute '{self.__name__}' of '{self.__objclass__.__name__}' objects>"


getset_descriptor.__module__ = 'builtins'


def _getset(cls, name):
    d = object.__new__(getset_descriptor)
    d.__name__ = name
    d.__objclass__ = cls
    return d


_getset_cache = {}


def getset(cls, name):
    """The getset descriptor `cls.name` of a builtin type (genericalias.rs lists them)."""
    key = (cls, name)
    d = _getset_cache.get(key)
    if d is None:
        d = _getset_cache.setdefault(key, _getset(cls, name))
    return d


# The computed attributes a builtin type's `__dict__` shows besides its methods.
_CLASS_GETSETS = {
    'type': ('__dict__', '__name__', '__qualname__', '__bases__', '__mro__', '__module__',
             '__abstractmethods__', '__doc__', '__text_signature__', '__annotations__',
             '__annotate__', '__type_params__'),
    'function': ('__code__', '__defaults__', '__kwdefaults__', '__annotations__',
                 '__annotate__', '__dict__', '__name__', '__qualname__',
                 '__type_params__'),
    'object': ('__class__',),
}


def class_dict(cls, ns):
    """`cls.__dict__` of a builtin type: a read-only view of its namespace, with the
    getset descriptors of its computed attributes."""
    names = _CLASS_GETSETS.get(cls.__name__)
    if not names or cls.__module__ != 'builtins':
        return mappingproxy(ns)
    d = dict(ns)
    for n in names:
        if n not in d:
            d[n] = getset(cls, n)
    return mappingproxy(d)


# ---- GenericAlias ----

_ATTR_EXCEPTIONS = frozenset((
    '__class__', '__bases__', '__origin__', '__args__', '__unpacked__', '__parameters__',
    '__typing_unpacked_tuple_args__', '__mro_entries__', '__reduce_ex__', '__reduce__',
    '__copy__', '__deepcopy__',
))

_oga = object.__getattribute__
_osa = object.__setattr__


def _is_typevar_like(x):
    return not isinstance(x, type) and hasattr(x, '__typing_subst__')


def _make_parameters(args):
    # CPython's _Py_make_parameters: the type variables of args, first seen first.
    params = []
    for t in args:
        if isinstance(t, type):
            continue
        if _is_typevar_like(t):
            if t not in params:
                params.append(t)
            continue
        if isinstance(t, (tuple, list)):
            sub = _make_parameters(t)
        else:
            try:
                sub = t.__parameters__
            except AttributeError:
                continue
            if not isinstance(sub, tuple):
                continue
        for p in sub:
            if p not in params:
                params.append(p)
    return tuple(params)


def _is_unpacked_typevartuple(x):
    if isinstance(x, type):
        return False
    return getattr(x, '__typing_is_unpacked_typevartuple__', False) is True


def _unpacked_tuple_args(arg):
    # `*tuple[int, str]`: its args; otherwise None.
    if isinstance(arg, GenericAlias) and arg.__unpacked__ and arg.__origin__ is tuple:
        return arg.__args__
    try:
        r = arg.__typing_unpacked_tuple_args__
    except AttributeError:
        return None
    return r


def _unpack_args(item):
    out = []
    for x in item:
        if not isinstance(x, type):
            sub = _unpacked_tuple_args(x)
            if sub is not None and not (sub and sub[-1] is ...):
                out.extend(sub)
                continue
        out.append(x)
    return tuple(out)


def _tuple_index(params, item):
    for i, p in enumerate(params):
        if p == item:
            return i
    raise ValueError(item)


def _subs_tvars(obj, params, argitems):
    try:
        subparams = obj.__parameters__
    except AttributeError:
        return obj
    if not isinstance(subparams, tuple) or not subparams:
        return obj
    subargs = []
    for sp in subparams:
        i = _tuple_index(params, sp)
        param = params[i]
        arg = argitems[i]
        if hasattr(type(param), '__iter__') and isinstance(arg, tuple):
            subargs.extend(arg)
        else:
            subargs.append(arg)
    return obj[tuple(subargs)]


def subs_parameters(self, args, params, item):
    """CPython's _Py_subs_parameters: `alias[item]` for an alias with `params`."""
    nparams = len(params)
    if nparams == 0:
        raise TypeError(f'{self!r} is not a generic class')
    item = _unpack_args(item if isinstance(item, tuple) else (item,))
    for param in params:
        prepare = getattr(param, '__typing_prepare_subst__', None)
        if prepare is not None:
            item = prepare(self, item)
    argitems = item
    nitems = len(argitems)
    if nitems != nparams:
        raise TypeError(f"Too {'many' if nitems > nparams else 'few'} arguments for "
                        f"{self!r}; actual {nitems}, expected {nparams}")
    newargs = []
    for arg in args:
        if isinstance(arg, type):
            newargs.append(arg)
            continue
        unpack = _is_unpacked_typevartuple(arg)
        subst = getattr(arg, '__typing_subst__', None)
        if subst is not None:
            arg = subst(argitems[_tuple_index(params, arg)])
        elif isinstance(arg, (tuple, list)) and type(arg) in (tuple, list):
            arg = type(arg)(_subs_tvars(a, params, argitems) for a in arg)
        else:
            arg = _subs_tvars(arg, params, argitems)
        if unpack:
            newargs.extend(arg)
        else:
            newargs.append(arg)
    return tuple(newargs)


class GenericAlias:
    """Represent a PEP 585 generic type

E.g. for t = list[int], t.__origin__ is list and t.__args__ is (int,)."""

    __slots__ = ('__origin__', '__args__', '__unpacked__', '_GenericAlias__params',
                 '__weakref__')

    def __new__(cls, origin, args, /, **kwargs):
        if cls is GenericAlias and kwargs:
            raise TypeError('GenericAlias() takes no keyword arguments')
        if not isinstance(args, tuple):
            args = (args,)
        self = object.__new__(cls)
        _osa(self, '__origin__', origin)
        _osa(self, '__args__', args)
        _osa(self, '__unpacked__', False)
        _osa(self, '_GenericAlias__params', None)
        return self

    def __getattribute__(self, name):
        if name in _ATTR_EXCEPTIONS or name.startswith('_GenericAlias__'):
            return _oga(self, name)
        return getattr(_oga(self, '__origin__'), name)

    def __setattr__(self, name, value):
        if name in _ATTR_EXCEPTIONS or name.startswith('_GenericAlias__'):
            raise AttributeError('readonly attribute')
        setattr(_oga(self, '__origin__'), name, value)

    @property
    def __parameters__(self):
        p = _oga(self, '_GenericAlias__params')
        if p is None:
            p = _make_parameters(_oga(self, '__args__'))
            _osa(self, '_GenericAlias__params', p)
        return p

    @property
    def __typing_unpacked_tuple_args__(self):
        if _oga(self, '__unpacked__') and _oga(self, '__origin__') is tuple:
            return _oga(self, '__args__')
        return None

    def __call__(self, *args, **kwargs):
        obj = _oga(self, '__origin__')(*args, **kwargs)
        try:
            obj.__orig_class__ = self
        except (AttributeError, TypeError):
            pass
        return obj

    def __getitem__(self, item):
        params = self.__parameters__
        newargs = subs_parameters(self, _oga(self, '__args__'), params, item)
        res = GenericAlias(_oga(self, '__origin__'), newargs)
        _osa(res, '__unpacked__', _oga(self, '__unpacked__'))
        return res

    def __repr__(self):
        origin = _oga(self, '__origin__')
        args = _oga(self, '__args__')
        star = '*' if _oga(self, '__unpacked__') else ''
        if not args:
            inner = '()'
        else:
            inner = ', '.join(_type_repr(a) for a in args)
        return f'{star}{_type_repr(origin)}[{inner}]'

    def __eq__(self, other):
        if not isinstance(other, GenericAlias):
            return NotImplemented
        if _oga(self, '__unpacked__') != _oga(other, '__unpacked__'):
            return False
        return (_oga(self, '__origin__') == _oga(other, '__origin__')
                and _oga(self, '__args__') == _oga(other, '__args__'))

    def __ne__(self, other):
        r = self.__eq__(other)
        return r if r is NotImplemented else not r

    def __hash__(self):
        return hash(_oga(self, '__origin__')) ^ hash(_oga(self, '__args__'))

    def __or__(self, other):
        return _union().union_or(self, other)

    def __ror__(self, other):
        return _union().union_or(other, self)

    def __mro_entries__(self, bases):
        return (_oga(self, '__origin__'),)

    def __instancecheck__(self, obj):
        raise TypeError('isinstance() argument 2 cannot be a parameterized generic')

    def __subclasscheck__(self, cls):
        raise TypeError('issubclass() argument 2 cannot be a parameterized generic')

    def __iter__(self):
        a = GenericAlias(_oga(self, '__origin__'), _oga(self, '__args__'))
        _osa(a, '__unpacked__', True)
        yield a

    def __reduce__(self):
        if _oga(self, '__unpacked__'):
            a = GenericAlias(_oga(self, '__origin__'), _oga(self, '__args__'))
            return (next, (iter(a),))
        return (type(self), (_oga(self, '__origin__'), _oga(self, '__args__')))

    def __dir__(self):
        return sorted(set(dir(_oga(self, '__origin__'))) | _ATTR_EXCEPTIONS)


GenericAlias.__module__ = 'types'


def _union():
    m = sys.modules.get('_gilvm_union')
    if m is None:
        import _gilvm_union as m
    return m


def class_getitem(cls, item):
    """The builtin generic classes' `__class_getitem__`."""
    return GenericAlias(cls, item)


# ---- object.__reduce_ex__, __reduce__, __getstate__ (object_reduce.rs calls these) ----

def _copyreg():
    m = sys.modules.get('copyreg')
    if m is None:
        import copyreg as m
    return m


def getstate(obj, required=False, solid=None):
    """object.__getstate__: the instance dict (None if empty), and the set slots.
    `solid` names the type of an object whose state is in a builtin payload (reduction
    then needs `__getnewargs__`: object_reduce.rs)."""
    cls = type(obj)
    if required and solid is not None:
        raise TypeError(f"cannot pickle {_tp_name(cls)!r} object")
    try:
        d = object.__getattribute__(obj, '__dict__')
    except AttributeError:
        d = None
    state = d if d else None
    names = _copyreg()._slotnames(cls)
    if names:
        slots = {}
        for name in names:
            try:
                slots[name] = getattr(obj, name)
            except AttributeError:
                pass
        if slots:
            state = (state, slots)
    return state


def _object_getstate(obj, required, solid=None):
    getstate_m = getattr(obj, '__getstate__')
    if getattr(type(obj), '__getstate__', None) is _object_getstate_fn:
        return getstate(obj, required, solid)
    return getstate_m()


_object_getstate_fn = object.__dict__['__getstate__']


def _reduce_newobj(obj, solid):
    cls = type(obj)
    copyreg = _copyreg()
    getnewargs_ex = getattr(obj, '__getnewargs_ex__', None)
    kwargs = None
    if getnewargs_ex is not None:
        r = getnewargs_ex()
        if not isinstance(r, tuple):
            raise TypeError("__getnewargs_ex__ should return a tuple, not "
                            f"'{type(r).__name__}'")
        if len(r) != 2:
            raise ValueError("__getnewargs_ex__ should return a tuple of length 2, "
                             f"not {len(r)}")
        args, kwargs = r
        if not isinstance(args, tuple):
            raise TypeError("first item of the tuple returned by __getnewargs_ex__ "
                            f"must be a tuple, not '{type(args).__name__}'")
        if not isinstance(kwargs, dict):
            raise TypeError("second item of the tuple returned by __getnewargs_ex__ "
                            f"must be a dict, not '{type(kwargs).__name__}'")
        hasargs = True
    else:
        getnewargs = getattr(obj, '__getnewargs__', None)
        if getnewargs is not None:
            args = getnewargs()
            if not isinstance(args, tuple):
                raise TypeError("__getnewargs__ should return a tuple, not "
                                f"'{type(args).__name__}'")
            hasargs = True
        else:
            args = ()
            hasargs = False
    if not kwargs:
        newobj = copyreg.__newobj__
        newargs = (cls, *args)
    else:
        newobj = copyreg.__newobj_ex__
        newargs = (cls, args, kwargs)
    required = not hasargs and not isinstance(obj, (list, dict))
    state = _object_getstate(obj, required, solid)
    listitems = iter(obj) if isinstance(obj, list) else None
    dictitems = iter(obj.items()) if isinstance(obj, dict) else None
    return (newobj, newargs, state, listitems, dictitems)


def _common_reduce(obj, proto, solid):
    if proto >= 2:
        return _reduce_newobj(obj, solid)
    if solid is not None:
        raise TypeError(f"cannot pickle {_tp_name(type(obj))!r} object")
    return _copyreg()._reduce_ex(obj, proto)


def _tp_name(cls):
    # CPython's tp_name of a builtin type: `module.name` outside builtins.
    m = cls.__module__
    return cls.__qualname__ if m == 'builtins' else f'{m}.{cls.__qualname__}'


_object_reduce_fn = object.__dict__['__reduce__']


def reduce_ex(obj, protocol, solid=None):
    """object.__reduce_ex__(protocol)."""
    reduce = getattr(obj, '__reduce__')
    if getattr(type(obj), '__reduce__', None) is not _object_reduce_fn:
        return reduce()
    return _common_reduce(obj, protocol, solid)


def reduce(obj, solid=None):
    """object.__reduce__()."""
    return _common_reduce(obj, 0, solid)


# ---- __reduce__ of the builtin containers, __getnewargs__ of the immutable builtins ----

def set_reduce(s):
    """set/frozenset.__reduce__: (type, (list(s),), state)."""
    return (type(s), (list(s),), _object_getstate(s, False))


def deque_reduce(d):
    """deque.__reduce__: (type, () or ((), maxlen), state, iterator)."""
    state = _object_getstate(d, False)
    args = () if d.maxlen is None else ((), d.maxlen)
    return (type(d), args, state, iter(d))


def defaultdict_reduce(d):
    """defaultdict.__reduce__."""
    args = () if d.default_factory is None else (d.default_factory,)
    return (type(d), args, None, None, iter(d.items()))


def ordereddict_reduce(d):
    """OrderedDict.__reduce__."""
    return (type(d), (), _object_getstate(d, False) or None, None, iter(d.items()))


_PLAIN = (int, float, complex, str, bytes, tuple)


def getnewargs(v):
    """__getnewargs__ of int, float, complex, str, bytes and tuple: the plain value."""
    for t in _PLAIN:
        if isinstance(v, t):
            if t is complex:
                return (v.real, v.imag)
            if t is int and isinstance(v, bool):
                return (int(v),)
            return (t(v) if type(v) is not t else v,)
    raise TypeError('__getnewargs__ requires a builtin value')


def method_reduce(m):
    """method.__reduce__: `getattr(self, name)` rebuilds it."""
    return (getattr, (m.__self__, m.__func__.__name__))


def slice_reduce(s):
    """slice.__reduce__."""
    return (slice, (s.start, s.stop, s.step))


def exception_reduce(e):
    """BaseException.__reduce__: (type, args) and the instance dict when not empty."""
    d = getattr(e, '__dict__', None)
    if d:
        return (type(e), e.args, d)
    return (type(e), e.args)


def range_reduce(r):
    """range.__reduce__."""
    return (range, (r.start, r.stop, r.step))


def builtin_reduce(f):
    """builtin_function_or_method.__reduce__: a function of a module is saved by its
    qualified name (pickle finds it through `__module__`), a bound builtin method as
    `getattr(self, name)`."""
    s = getattr(f, '__self__', None)
    if s is None or type(s) is type(sys):
        return f.__qualname__
    return (getattr, (s, f.__name__))
