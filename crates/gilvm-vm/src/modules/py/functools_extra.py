# The Python half of gilvm's native functools module (run in its namespace at import):
# total_ordering and cached_property, with CPython 3.13's behaviour and error messages.

# The four ordering methods, in the order total_ordering prefers a root among those a class
# defines itself.
_ORDER = ('__lt__', '__le__', '__gt__', '__ge__')
# For each: is it strict (< and >), and does it point "down" (< and <=)?
_SHAPE = {
    '__lt__': (True, True),
    '__le__': (False, True),
    '__gt__': (True, False),
    '__ge__': (False, False),
}


def _derived(root, name):
    """A method `name` computed from the class's own `root` comparison, by the laws of a
    total order. NotImplemented from the root is passed on unchanged."""
    root_strict, root_down = _SHAPE[root]
    strict, down = _SHAPE[name]
    if down == root_down:
        # Same direction, other strictness: a <= b is a < b or a == b; a < b is a <= b and
        # a != b.
        if root_strict:
            def combine(r, self, other):
                return r or self == other
        else:
            def combine(r, self, other):
                return r and self != other
    elif strict == root_strict:
        # Opposite direction, same strictness: a > b is not a < b and a != b; a >= b is
        # not a <= b or a == b.
        if root_strict:
            def combine(r, self, other):
                return not r and self != other
        else:
            def combine(r, self, other):
                return not r or self == other
    else:
        # Opposite direction, other strictness: a >= b is not a < b.
        def combine(r, self, other):
            return not r

    def method(self, other):
        r = getattr(type(self), root)(self, other)
        if r is NotImplemented:
            return r
        return combine(r, self, other)

    method.__name__ = name
    method.__qualname__ = name
    method.__doc__ = f"Return a {name[2:4]} b, computed by @total_ordering from {root}."
    return method


def total_ordering(cls):
    """Class decorator: given one of __lt__, __le__, __gt__, __ge__, adds the other three."""
    own = [op for op in _ORDER if getattr(cls, op, None) is not getattr(object, op, None)]
    if not own:
        raise ValueError('must define at least one ordering operation: < > <= >=')
    root = own[0]
    for name in _ORDER:
        if name not in own:
            setattr(cls, name, _derived(root, name))
    return cls


_MISSING = object()


class cached_property:
    """A property computed once per instance, then kept in the instance's __dict__ under
    the property's name (which then shadows the property)."""

    def __init__(self, func):
        self.func = func
        self.attrname = None
        self.__doc__ = func.__doc__
        self.__module__ = func.__module__

    def __set_name__(self, owner, name):
        if self.attrname is None:
            self.attrname = name
        elif self.attrname != name:
            raise TypeError(
                "Cannot assign the same cached_property to two different names "
                f"({self.attrname!r} and {name!r})."
            )

    def __get__(self, instance, owner=None):
        if instance is None:
            return self
        name = self.attrname
        if name is None:
            raise TypeError(
                "Cannot use cached_property instance without calling __set_name__ on it.")
        storage = getattr(instance, '__dict__', _MISSING)
        if storage is _MISSING:
            raise TypeError(
                f"No '__dict__' attribute on {type(instance).__name__!r} "
                f"instance to cache {name!r} property."
            )
        value = storage.get(name, _MISSING)
        if value is _MISSING:
            value = self.func(instance)
            storage[name] = value
        return value
