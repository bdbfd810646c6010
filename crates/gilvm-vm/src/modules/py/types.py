"""Names for the built-in types (gilvm's own subset of CPython's `types`)."""
import sys
import _gilvm_coro

def _f(): pass
FunctionType = type(_f)
LambdaType = type(lambda: None)
CodeType = type(_f.__code__)
MappingProxyType = type(type.__dict__) if type(type.__dict__) is not dict else dict

def _g():
    yield 1
GeneratorType = type(_g())

CoroutineType = _gilvm_coro.CoroutineType
AsyncGeneratorType = _gilvm_coro.AsyncGeneratorType

class _C:
    def _m(self): pass
MethodType = type(_C()._m)

BuiltinFunctionType = type(len)
BuiltinMethodType = type([].append)
ModuleType = type(sys)
NoneType = type(None)
NotImplementedType = type(NotImplemented)
EllipsisType = type(Ellipsis)

del sys, _f, _g, _C


class SimpleNamespace:
    """A simple attribute-based namespace."""

    def __init__(self, mapping_or_iterable=(), /, **kwargs):
        if mapping_or_iterable:
            kwargs = dict(mapping_or_iterable, **kwargs)
        self.__dict__.update(kwargs)

    def __repr__(self):
        items = (f"{k}={v!r}" for k, v in self.__dict__.items())
        name = "namespace" if type(self) is SimpleNamespace else type(self).__name__
        return f"{name}({', '.join(items)})"

    def __eq__(self, other):
        if isinstance(self, SimpleNamespace) and isinstance(other, SimpleNamespace):
            return self.__dict__ == other.__dict__
        return NotImplemented

    __hash__ = None


def coroutine(func):
    """Convert a regular generator function into a coroutine (its generators can then
    be awaited)."""
    if not callable(func):
        raise TypeError('types.coroutine() expects a callable')
    if func.__class__ is FunctionType:
        co_flags = func.__code__.co_flags
        # Already a coroutine function (CO_COROUTINE | CO_ITERABLE_COROUTINE).
        if co_flags & 0x180:
            return func
        # A generator function (CO_GENERATOR): its code gets CO_ITERABLE_COROUTINE.
        if co_flags & 0x20:
            return _gilvm_coro.iterable_coroutine(func)

    def wrapped(*args, **kwargs):
        coro = func(*args, **kwargs)
        if coro.__class__ is CoroutineType or coro.__class__ is GeneratorType:
            return coro
        if hasattr(coro, '__next__') and hasattr(coro, 'send') and not hasattr(coro, '__await__'):
            return _GeneratorWrapper(coro)
        return coro

    wrapped.__name__ = getattr(func, '__name__', 'wrapped')
    wrapped.__qualname__ = getattr(func, '__qualname__', 'wrapped')
    wrapped.__wrapped__ = func
    return wrapped


class _GeneratorWrapper:
    """Makes a generator-like object awaitable (for `types.coroutine` of a function that
    returns one)."""

    def __init__(self, gen):
        self.__wrapped = gen
        self.__name__ = getattr(gen, '__name__', None)
        self.__qualname__ = getattr(gen, '__qualname__', None)

    def send(self, val):
        return self.__wrapped.send(val)

    def throw(self, tp, *rest):
        return self.__wrapped.throw(tp, *rest)

    def close(self):
        return self.__wrapped.close()

    def __next__(self):
        return next(self.__wrapped)

    def __iter__(self):
        return self

    __await__ = __iter__


class GenericAlias:
    """Stand-in for `types.GenericAlias` until the object model has it (branch core
    replaces this file by the Lib's types.py): what the Lib's `_weakrefset` and `queue`
    use, `__class_getitem__ = classmethod(GenericAlias)`."""

    def __init__(self, origin, args):
        self.__origin__ = origin
        self.__args__ = args if isinstance(args, tuple) else (args,)

    def __repr__(self):
        def r(a):
            if isinstance(a, type):
                if a.__module__ == 'builtins':
                    return a.__qualname__
                return f'{a.__module__}.{a.__qualname__}'
            return repr(a)
        return f'{r(self.__origin__)}[{", ".join(r(a) for a in self.__args__)}]'

    def __call__(self, *args, **kwargs):
        return self.__origin__(*args, **kwargs)

    def __eq__(self, other):
        if not isinstance(other, GenericAlias):
            return NotImplemented
        return self.__origin__ == other.__origin__ and self.__args__ == other.__args__

    def __hash__(self):
        return hash(self.__origin__) ^ hash(self.__args__)
