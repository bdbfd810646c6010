"""Shallow and deep copies of Python objects (gilvm's implementation).

copy(x) returns a shallow copy of x, deepcopy(x) a recursive copy that keeps
shared and self-referencing structures intact.  A class controls its copies
with __copy__() and __deepcopy__(memo), with __reduce_ex__() / __reduce__(),
or with __getstate__() / __setstate__().  gilvm's object has no
__reduce_ex__, so the default reduction of instances is done here.
"""

__all__ = ['Error', 'copy', 'deepcopy', 'replace']


class Error(Exception):
    """Raised when an object cannot be copied."""
    pass


error = Error   # the old lowercase alias


def _f():
    pass


class _C:
    def _m(self):
        pass


_FunctionType = type(_f)
_MethodType = type(_C()._m)
_BuiltinType = type(len)

# Objects of these exact types are never copied: copy() and deepcopy() return them.
_ATOMIC = {type(None), type(...), type(NotImplemented), int, float, bool, str,
           bytes, type, range, property, _FunctionType, _BuiltinType}
try:
    _ATOMIC.add(complex)
except NameError:       # gilvm has no complex numbers
    pass
del _f, _C

# copy() also returns these immutable containers as they are.
_SHALLOW_ATOMIC = _ATOMIC | {tuple, frozenset, slice}

# copy() of these uses their own copy() method.
_SHALLOW_CONTAINERS = {list, dict, set}
try:
    _SHALLOW_CONTAINERS.add(bytearray)
except NameError:       # gilvm has no bytearray
    pass

_MISSING = object()

# Modules whose classes are implemented natively by gilvm.  Their objects can
# only be copied when this module knows how (see _default_reduce).
_NATIVE_MODULES = {'builtins', '_thread', 'collections', 'functools', 'itertools',
                   'random', 'time', 'math', 'os', 'sys', 'io', '_io',
                   '_gilvm_legacy'}


def copy(x):
    """Return a shallow copy of x."""
    cls = type(x)
    if cls in _SHALLOW_ATOMIC:
        return x
    if cls in _SHALLOW_CONTAINERS:
        return x.copy()
    if isinstance(x, type):
        return x
    if cls is _MethodType:
        # A bound method refers to its function and instance, both kept.
        return x
    hook = getattr(cls, '__copy__', None)
    if hook is not None:
        return hook(x)
    rv = _reduce(x, cls)
    if isinstance(rv, str):
        return x
    return _rebuild(x, None, rv)


def deepcopy(x, memo=None):
    """Return a deep copy of x.

    memo maps id(original) to its copy; objects met twice are copied once.
    """
    cls = type(x)
    if cls in _ATOMIC:
        return x
    if memo is None:
        memo = {}
    key = id(x)
    y = memo.get(key, _MISSING)
    if y is not _MISSING:
        return y
    if cls is list:
        y = _deep_list(x, memo)
    elif cls is dict:
        y = _deep_dict(x, memo)
    elif cls is tuple:
        y = _deep_tuple(x, memo)
    elif cls is _MethodType:
        y = _deep_method(x, memo)
    elif isinstance(x, type):
        y = x
    else:
        hook = getattr(x, '__deepcopy__', None)
        if hook is not None:
            y = hook(memo)
        else:
            rv = _reduce(x, cls)
            if isinstance(rv, str):
                y = x
            else:
                y = _rebuild(x, memo, rv)
    if y is not x:
        memo[key] = y
        _keep_alive(x, memo)
    return y


def _keep_alive(x, memo):
    # The memo holds the originals too, so that their ids stay unique while
    # the copy is being made.
    try:
        memo[id(memo)].append(x)
    except KeyError:
        memo[id(memo)] = [x]


def _deep_list(x, memo):
    y = []
    memo[id(x)] = y
    for item in x:
        y.append(deepcopy(item, memo))
    return y


def _deep_dict(x, memo):
    y = {}
    memo[id(x)] = y
    for k, v in x.items():
        y[deepcopy(k, memo)] = deepcopy(v, memo)
    return y


def _deep_tuple(x, memo):
    items = [deepcopy(item, memo) for item in x]
    # Copying an element may have copied this very tuple (through a cycle).
    done = memo.get(id(x), _MISSING)
    if done is not _MISSING:
        return done
    for old, new in zip(x, items):
        if old is not new:
            return tuple(items)
    return x


def _deep_method(x, memo):
    owner = deepcopy(x.__self__, memo)
    func = x.__func__
    name = getattr(func, '__name__', None)
    if name is not None and getattr(type(owner), name, None) is func:
        return getattr(owner, name)
    return x


def _replace_unsupported(cls):
    return TypeError("replace() does not support %s objects" % cls.__name__)


def replace(obj, /, **changes):
    """Return a new object like obj with the given fields changed.

    The class must define __replace__(self, **changes).
    """
    cls = type(obj)
    hook = getattr(cls, '__replace__', None)
    if hook is None:
        raise _replace_unsupported(cls)
    return hook(obj, **changes)


# --- reduction ---------------------------------------------------------------

def _reduce(x, cls):
    """The reduction tuple (or string) that describes how to rebuild x."""
    # Looked up on the class: CPython finds them on object, so an instance's
    # __getattr__ is never asked for them.
    hook = getattr(cls, '__reduce_ex__', None)
    if hook is not None:
        return x.__reduce_ex__(4)
    hook = getattr(cls, '__reduce__', None)
    if hook is not None:
        return x.__reduce__()
    return _default_reduce(x, cls)


def _type_label(cls):
    mod = getattr(cls, '__module__', 'builtins')
    if mod in _NATIVE_MODULES and mod != 'builtins':
        return '%s.%s' % (mod, getattr(cls, '__qualname__', cls.__name__))
    return cls.__name__


def _cannot_pickle(cls):
    return TypeError("cannot pickle '%s' object" % _type_label(cls))


def _is_native(c):
    return getattr(c, '__module__', None) in _NATIVE_MODULES


def _new_object(cls, *args):
    return cls.__new__(cls, *args)


def _dict_state(x):
    d = getattr(x, '__dict__', None)
    if not d:
        return None
    return d


def _object_state(x, cls):
    getter = getattr(cls, '__getstate__', None)
    if getter is not None:
        return x.__getstate__()
    # CPython's object.__getstate__: the __dict__, and the set slots as a second dict.
    state = _dict_state(x)
    slots = {}
    for name in _slot_names(cls):
        try:
            slots[name] = getattr(x, name)
        except AttributeError:
            pass
    if slots:
        return (state, slots)
    return state


def _slot_names(cls):
    """The named slots of cls's instances (copyreg._slotnames)."""
    names = []
    for c in cls.__mro__:
        if '__slots__' not in c.__dict__:
            continue
        slots = c.__dict__['__slots__']
        if isinstance(slots, str):
            slots = (slots,)
        for name in slots:
            if name not in ('__dict__', '__weakref__'):
                names.append(name)
    return names


def _default_reduce(x, cls):
    """What CPython's object.__reduce_ex__(4) would give for x."""
    # The first natively implemented class of the MRO decides how the
    # object is laid out.
    base = object
    for c in cls.__mro__:
        if c is not object and _is_native(c):
            base = c
            break
    if base is object or base is list or base is dict:
        args = ()
        newargs = getattr(cls, '__getnewargs_ex__', None)
        kwargs = None
        if newargs is not None:
            args, kwargs = x.__getnewargs_ex__()
        else:
            newargs = getattr(cls, '__getnewargs__', None)
            if newargs is not None:
                args = x.__getnewargs__()
        if kwargs:
            func = _NewWithKeywords(kwargs)
        else:
            func = _new_object
        return (func, (cls,) + tuple(args), _object_state(x, cls),
                iter(x) if base is list else None,
                iter(x.items()) if base is dict else None)
    if base is tuple:
        newargs = getattr(cls, '__getnewargs__', None)
        args = x.__getnewargs__() if newargs is not None else (tuple(x),)
        return (_new_object, (cls,) + tuple(args), _object_state(x, cls), None, None)
    if base.__module__ == 'builtins' and issubclass(base, BaseException):
        state = _dict_state(x)
        if state is None:
            return (cls, x.args)
        return (cls, x.args, state)
    if base is slice:
        return (slice, (x.start, x.stop, x.step))
    if base is set or base is frozenset:
        return (cls, (list(x),), _dict_state(x))
    name = base.__name__
    if base.__module__ == 'collections':
        if name == 'deque':
            args = ((), x.maxlen) if x.maxlen is not None else ()
            return (cls, args, _dict_state(x), iter(x))
        if name == 'defaultdict':
            return (cls, (x.default_factory,), _dict_state(x), None, iter(x.items()))
        if name == 'OrderedDict' or name == 'Counter':
            return (cls, (), _dict_state(x), None, iter(x.items()))
    if base.__module__ == 'functools' and name == 'partial':
        return (_make_partial, (cls, x.func, x.args, x.keywords), _dict_state(x))
    if base.__module__ == 'random' and name == 'Random':
        return (_make_random, (cls, x.getstate()))
    raise _cannot_pickle(cls)


class _NewWithKeywords:
    def __init__(self, kwargs):
        self.kwargs = kwargs

    def __call__(self, cls, *args):
        return cls.__new__(cls, *args, **self.kwargs)


def _make_partial(cls, func, args, keywords):
    return cls(func, *args, **(keywords or {}))


def _make_random(cls, state):
    r = cls()
    r.setstate(state)
    return r


def _rebuild(x, memo, rv):
    """Build the copy of x from its reduction rv (deep when memo is not None)."""
    try:
        rv = tuple(rv)
    except TypeError:
        raise TypeError("__reduce__ must return a string or a tuple, not %s"
                        % type(rv).__name__) from None
    n = len(rv)
    if n < 2 or n > 5:
        raise TypeError("the tuple returned by __reduce__ must have 2 to 5 items, not %d" % n)
    func = rv[0]
    args = rv[1]
    state = rv[2] if n > 2 else None
    listitems = rv[3] if n > 3 else None
    dictitems = rv[4] if n > 4 else None
    deep = memo is not None
    if deep and args:
        args = deepcopy(args, memo)
    y = func(*args)
    if deep:
        memo[id(x)] = y
    if state is not None:
        if deep:
            state = deepcopy(state, memo)
        setter = getattr(y, '__setstate__', None)
        if setter is not None:
            setter(state)
        else:
            slots = None
            if isinstance(state, tuple) and len(state) == 2:
                state, slots = state
            if state:
                y.__dict__.update(state)
            if slots:
                for k, v in slots.items():
                    setattr(y, k, v)
    if listitems is not None:
        for item in listitems:
            if deep:
                item = deepcopy(item, memo)
            y.append(item)
    if dictitems is not None:
        for k, v in dictitems:
            if deep:
                k = deepcopy(k, memo)
                v = deepcopy(v, memo)
            y[k] = v
    return y
