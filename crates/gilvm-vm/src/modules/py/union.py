"""`X | Y` of classes (PEP 604): gilvm's types.UnionType, made by the VM when both operands
of `|` are classes or None (ops.rs). Its instances print as `int | None`, compare equal
regardless of order, and combine further with `|`."""


class UnionType:
    def __init__(self, args):
        self.__args__ = args

    def __repr__(self):
        return " | ".join(_name(a) for a in self.__args__)

    def __or__(self, other):
        return make(self, other)

    def __ror__(self, other):
        return make(other, self)

    def __eq__(self, other):
        if not isinstance(other, UnionType):
            return NotImplemented
        return set(self.__args__) == set(other.__args__)

    def __hash__(self):
        return hash(frozenset(self.__args__))

    def __instancecheck__(self, obj):
        return isinstance(obj, self.__args__)

    def __subclasscheck__(self, cls):
        return issubclass(cls, self.__args__)


UnionType.__module__ = "types"


def _name(t):
    if t is type(None):
        return "None"
    if isinstance(t, type):
        if t.__module__ == "builtins":
            return t.__qualname__
        return f"{t.__module__}.{t.__qualname__}"
    return repr(t)


def make(a, b):
    """a | b, flattening unions, dropping repeats; a single member is returned as is."""
    args = []
    for x in (a, b):
        if x is None:
            x = type(None)
        for y in (x.__args__ if isinstance(x, UnionType) else (x,)):
            if y not in args:
                args.append(y)
    if len(args) == 1:
        return args[0]
    return UnionType(tuple(args))
