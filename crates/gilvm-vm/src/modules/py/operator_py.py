"""gilvm's `_operator` (CPython's C half of `operator`), in Python until it is native.

The Lib's `operator` defines every function in Python and then takes these over with
`from _operator import *`: they raise CPython's C module's errors (`index` of a float,
`concat` of a dict, `itemgetter()` without an argument, ...), which the pure versions do
not. Each function computes its operator directly.
"""

__all__ = [
    'abs', 'add', 'and_', 'attrgetter', 'call', 'concat', 'contains',
    'countOf', 'delitem', 'eq', 'floordiv', 'ge', 'getitem', 'gt', 'iadd',
    'iand', 'iconcat', 'ifloordiv', 'ilshift', 'imatmul', 'imod', 'imul',
    'index', 'indexOf', 'inv', 'invert', 'ior', 'ipow', 'irshift', 'is_',
    'is_not', 'isub', 'itemgetter', 'itruediv', 'ixor', 'le', 'length_hint',
    'lshift', 'lt', 'matmul', 'methodcaller', 'mod', 'mul', 'ne', 'neg',
    'not_', 'or_', 'pos', 'pow', 'rshift', 'setitem', 'sub', 'truediv',
    'truth', 'xor',
]

# The builtin, kept before the module-level abs() below shadows it.
_abs = abs


def _type_name(obj):
    return type(obj).__name__


# -- comparisons ------------------------------------------------------------

def lt(a, b):
    "a < b"
    return a < b


def le(a, b):
    "a <= b"
    return a <= b


def eq(a, b):
    "a == b"
    return a == b


def ne(a, b):
    "a != b"
    return a != b


def ge(a, b):
    "a >= b"
    return a >= b


def gt(a, b):
    "a > b"
    return a > b


# -- truth and identity -----------------------------------------------------

def not_(a):
    "not a"
    return not a


def truth(a):
    "True when a is true, False otherwise."
    return True if a else False


def is_(a, b):
    "a is b"
    return a is b


def is_not(a, b):
    "a is not b"
    return a is not b


# -- arithmetic and bitwise operations --------------------------------------

def abs(a):
    "The absolute value of a, as the builtin abs()."
    return _abs(a)


def add(a, b):
    "a + b"
    return a + b


def and_(a, b):
    "a & b"
    return a & b


def floordiv(a, b):
    "a // b"
    return a // b


def index(a):
    "a converted to an integer through its __index__ method."
    if type(a) is int:
        return a
    if isinstance(a, int):
        # A subclass of int (bool, say) gives a plain int.
        return int.__index__(a)
    method = getattr(type(a), '__index__', None)
    if method is None:
        raise TypeError("'%s' object cannot be interpreted as an integer"
                        % _type_name(a))
    result = method(a)
    if not isinstance(result, int):
        raise TypeError('__index__ returned non-int (type %s)'
                        % _type_name(result))
    if type(result) is not int:
        result = int.__index__(result)
    return result


def inv(a):
    "~a"
    return ~a


def invert(a):
    "~a"
    return ~a


def lshift(a, b):
    "a << b"
    return a << b


def mod(a, b):
    "a % b"
    return a % b


def mul(a, b):
    "a * b"
    return a * b


def matmul(a, b):
    "a @ b"
    return a @ b


def neg(a):
    "-a"
    return -a


def or_(a, b):
    "a | b"
    return a | b


def pos(a):
    "+a"
    return +a


def pow(a, b):
    "a ** b"
    return a ** b


def rshift(a, b):
    "a >> b"
    return a >> b


def sub(a, b):
    "a - b"
    return a - b


def truediv(a, b):
    "a / b"
    return a / b


def xor(a, b):
    "a ^ b"
    return a ^ b


# -- sequences ----------------------------------------------------------------

# Builtin types whose instances concatenate with any right operand (the type
# itself then decides, e.g. list + tuple raises its own TypeError).
_CONCAT_TYPES = (str, list, tuple, bytes)
try:
    _CONCAT_TYPES += (bytearray,)
except NameError:  # gilvm has no bytearray
    pass


def _is_sequence(obj):
    return not isinstance(obj, dict) and hasattr(type(obj), '__getitem__')


def _check_concat(a, b):
    if isinstance(a, _CONCAT_TYPES):
        return
    if _is_sequence(a) and _is_sequence(b):
        return
    raise TypeError("'%s' object can't be concatenated" % _type_name(a))


def concat(a, b):
    "a + b for sequences a and b."
    _check_concat(a, b)
    return a + b


def contains(a, b):
    "b in a (note the reversed operands)."
    return b in a


def _iterate(seq):
    try:
        return iter(seq)
    except TypeError:
        raise TypeError("argument of type '%s' is not iterable"
                        % _type_name(seq)) from None


def countOf(a, b):
    "How many items of a are b or equal to b."
    n = 0
    for item in _iterate(a):
        if item is b or item == b:
            n += 1
    return n


def indexOf(a, b):
    "The position of the first item of a that is b or equal to b."
    pos = 0
    for item in _iterate(a):
        if item is b or item == b:
            return pos
        pos += 1
    raise ValueError('sequence.index(x): x not in sequence')


def getitem(a, b):
    "a[b]"
    return a[b]


def setitem(a, b, c):
    "a[b] = c"
    a[b] = c


def delitem(a, b):
    "del a[b]"
    del a[b]


def length_hint(obj, default=0):
    """An estimate of len(obj): its length when it has one, else what its
    __length_hint__ says, else default."""
    default = index(default)
    try:
        return len(obj)
    except TypeError:
        pass
    hint = getattr(type(obj), '__length_hint__', None)
    if hint is None:
        return default
    try:
        value = hint(obj)
    except TypeError:
        return default
    if value is NotImplemented:
        return default
    if not isinstance(value, int):
        raise TypeError('__length_hint__ must be an integer, not %s'
                        % _type_name(value))
    if value < 0:
        raise ValueError('__length_hint__() should return >= 0')
    return index(value)


def call(obj, /, *args, **kwargs):
    "obj(*args, **kwargs)"
    return obj(*args, **kwargs)


# -- in-place operations ------------------------------------------------------

def iadd(a, b):
    "a += b"
    a += b
    return a


def iand(a, b):
    "a &= b"
    a &= b
    return a


def iconcat(a, b):
    "a += b for sequences a and b."
    _check_concat(a, b)
    a += b
    return a


def ifloordiv(a, b):
    "a //= b"
    a //= b
    return a


def ilshift(a, b):
    "a <<= b"
    a <<= b
    return a


def imod(a, b):
    "a %= b"
    a %= b
    return a


def imul(a, b):
    "a *= b"
    a *= b
    return a


def imatmul(a, b):
    "a @= b"
    a @= b
    return a


def ior(a, b):
    "a |= b"
    a |= b
    return a


def ipow(a, b):
    "a **= b"
    a **= b
    return a


def irshift(a, b):
    "a >>= b"
    a >>= b
    return a


def isub(a, b):
    "a -= b"
    a -= b
    return a


def itruediv(a, b):
    "a /= b"
    a /= b
    return a


def ixor(a, b):
    "a ^= b"
    a ^= b
    return a


# -- callable getters -----------------------------------------------------------

def _one_argument(kind, args, kwargs):
    # The argument checks of the getters' calls, with CPython's messages.
    if kwargs:
        raise TypeError('%s() takes no keyword arguments' % kind)
    if len(args) != 1:
        raise TypeError('%s expected 1 argument, got %d' % (kind, len(args)))
    return args[0]


class attrgetter:
    """attrgetter('name') fetches obj.name; dotted names ('a.b') follow the
    chain of attributes, and several names give a tuple."""

    __slots__ = ('_names', '_paths')

    def __init__(self, *names, **kwargs):
        if kwargs:
            raise TypeError('attrgetter() takes no keyword arguments')
        if not names:
            raise TypeError('attrgetter expected 1 argument, got 0')
        paths = []
        for name in names:
            if not isinstance(name, str):
                raise TypeError('attribute name must be a string')
            paths.append(tuple(name.split('.')))
        self._names = names
        self._paths = tuple(paths)

    def __init_subclass__(cls, **kwargs):
        raise TypeError("type 'operator.attrgetter' is not an acceptable base type")

    def __call__(self, *args, **kwargs):
        obj = _one_argument('attrgetter', args, kwargs)
        results = []
        for path in self._paths:
            value = obj
            for part in path:
                value = getattr(value, part)
            results.append(value)
        if len(results) == 1:
            return results[0]
        return tuple(results)

    def __repr__(self):
        return 'operator.attrgetter(%s)' % ', '.join(map(repr, self._names))

    def __reduce__(self):
        return (type(self), self._names)


class itemgetter:
    """itemgetter(key) fetches obj[key]; several keys give a tuple."""

    __slots__ = ('_items',)

    def __init__(self, *items, **kwargs):
        if kwargs:
            raise TypeError('itemgetter() takes no keyword arguments')
        if not items:
            raise TypeError('itemgetter expected 1 argument, got 0')
        self._items = items

    def __init_subclass__(cls, **kwargs):
        raise TypeError("type 'operator.itemgetter' is not an acceptable base type")

    def __call__(self, *args, **kwargs):
        obj = _one_argument('itemgetter', args, kwargs)
        items = self._items
        if len(items) == 1:
            return obj[items[0]]
        return tuple([obj[item] for item in items])

    def __repr__(self):
        return 'operator.itemgetter(%s)' % ', '.join(map(repr, self._items))

    def __reduce__(self):
        return (type(self), self._items)


class methodcaller:
    """methodcaller('name', *args, **kwargs) calls obj.name(*args, **kwargs)."""

    __slots__ = ('_name', '_args', '_kwargs')

    def __init__(*args, **kwargs):
        # Everything arrives through *args so that any keyword, even 'self'
        # or 'name', can be passed on to the method.
        if len(args) < 2:
            raise TypeError('methodcaller needs at least one argument, '
                            'the method name')
        self, name = args[0], args[1]
        if not isinstance(name, str):
            raise TypeError('method name must be a string')
        self._name = name
        self._args = tuple(args[2:])
        self._kwargs = kwargs

    def __init_subclass__(cls, **kwargs):
        raise TypeError("type 'operator.methodcaller' is not an acceptable base type")

    def __call__(self, *args, **kwargs):
        obj = _one_argument('methodcaller', args, kwargs)
        return getattr(obj, self._name)(*self._args, **self._kwargs)

    def __repr__(self):
        parts = [repr(self._name)]
        parts.extend([repr(arg) for arg in self._args])
        parts.extend(['%s=%r' % (key, value)
                      for key, value in self._kwargs.items()])
        return 'operator.methodcaller(%s)' % ', '.join(parts)

    def __reduce__(self):
        if not self._kwargs:
            return (type(self), (self._name,) + self._args)
        from functools import partial
        return (partial(type(self), self._name, **self._kwargs), self._args)


# -- dunder aliases -------------------------------------------------------------

__lt__ = lt
__le__ = le
__eq__ = eq
__ne__ = ne
__ge__ = ge
__gt__ = gt
__not__ = not_
__abs__ = abs
__add__ = add
__and__ = and_
__call__ = call
__floordiv__ = floordiv
__index__ = index
__inv__ = inv
__invert__ = invert
__lshift__ = lshift
__mod__ = mod
__mul__ = mul
__matmul__ = matmul
__neg__ = neg
__or__ = or_
__pos__ = pos
__pow__ = pow
__rshift__ = rshift
__sub__ = sub
__truediv__ = truediv
__xor__ = xor
__concat__ = concat
__contains__ = contains
__delitem__ = delitem
__getitem__ = getitem
__setitem__ = setitem
__iadd__ = iadd
__iand__ = iand
__iconcat__ = iconcat
__ifloordiv__ = ifloordiv
__ilshift__ = ilshift
__imod__ = imod
__imul__ = imul
__imatmul__ = imatmul
__ior__ = ior
__ipow__ = ipow
__irshift__ = irshift
__isub__ = isub
__itruediv__ = itruediv
__ixor__ = ixor


# CPython's C classes are named `operator.itemgetter` and so on.
for _cls in (attrgetter, itemgetter, methodcaller):
    _cls.__module__ = 'operator'
del _cls
