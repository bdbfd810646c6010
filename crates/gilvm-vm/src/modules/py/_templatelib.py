"""Template strings (PEP 750): gilvm's `_templatelib`.

A t-string literal `t"a{x!r:>{w}}b"` evaluates to a `Template`: its static parts
(`strings`, always one more than the interpolations; empty strings included) and
one `Interpolation` per replacement field (the value, the expression's source
text, the conversion and the evaluated format spec).  The compiler builds them
with `_make_template` and `Interpolation` (gilvm-object's `intrinsics.rs`).
`string.templatelib` re-exports both.
"""

__all__ = ['Template', 'Interpolation', 'convert']


class Interpolation:
    """Interpolation object"""

    __slots__ = ('_value', '_expression', '_conversion', '_format_spec')
    __match_args__ = ('value', 'expression', 'conversion', 'format_spec')

    def __init_subclass__(cls, *args, **kwargs):
        # A final type, as CPython's.
        raise TypeError("type 'string.templatelib.Interpolation' is not an acceptable base type")

    def __new__(cls, value, expression='', conversion=None, format_spec=''):
        if not isinstance(expression, str):
            raise TypeError("Interpolation() argument 'expression' must be str, "
                            f"not {type(expression).__name__}")
        if conversion is not None:
            if not isinstance(conversion, str):
                raise TypeError("Interpolation() argument 'conversion' must be str, "
                                f"not {type(conversion).__name__}")
            if conversion not in ('s', 'a', 'r'):
                raise ValueError("Interpolation() argument 'conversion' must be "
                                 "one of 's', 'a' or 'r'")
        if not isinstance(format_spec, str):
            raise TypeError("Interpolation() argument 'format_spec' must be str, "
                            f"not {type(format_spec).__name__}")
        self = object.__new__(cls)
        object.__setattr__(self, '_value', value)
        object.__setattr__(self, '_expression', expression)
        object.__setattr__(self, '_conversion', conversion)
        object.__setattr__(self, '_format_spec', format_spec)
        return self

    @property
    def value(self):
        return self._value

    @property
    def expression(self):
        return self._expression

    @property
    def conversion(self):
        return self._conversion

    @property
    def format_spec(self):
        return self._format_spec

    def __setattr__(self, name, value):
        if name in Interpolation.__match_args__:
            raise AttributeError('readonly attribute')
        raise AttributeError(f"'string.templatelib.Interpolation' object has no "
                             f"attribute '{name}' and no __dict__ for setting "
                             f"new attributes")

    def __repr__(self):
        return (f"Interpolation({self._value!r}, {self._expression!r}, "
                f"{self._conversion!r}, {self._format_spec!r})")

    def __reduce__(self):
        return (Interpolation, (self._value, self._expression,
                                self._conversion, self._format_spec))


class Template:
    """Template object"""

    __slots__ = ('_strings', '_interpolations')

    def __init_subclass__(cls, *args, **kwargs):
        # A final type, as CPython's.
        raise TypeError("type 'string.templatelib.Template' is not an acceptable base type")

    def __new__(cls, *args, **kwargs):
        if kwargs:
            raise TypeError("Template.__new__ only accepts *args arguments")
        strings = []
        interps = []
        last_str = False
        for a in args:
            if isinstance(a, str):
                if last_str:
                    strings[-1] += a
                else:
                    strings.append(a)
                last_str = True
            elif isinstance(a, Interpolation):
                if not last_str:
                    strings.append('')
                interps.append(a)
                last_str = False
            else:
                raise TypeError("Template.__new__ *args need to be of type "
                                f"'str' or 'Interpolation', got {type(a).__name__}")
        if not last_str:
            strings.append('')
        return _new(cls, tuple(strings), tuple(interps))

    @property
    def strings(self):
        return self._strings

    @property
    def interpolations(self):
        return self._interpolations

    @property
    def values(self):
        return tuple(i.value for i in self._interpolations)

    def __setattr__(self, name, value):
        if name in ('strings', 'interpolations'):
            raise AttributeError('readonly attribute')
        if name == 'values':
            raise AttributeError("attribute 'values' of 'string.templatelib."
                                 "Template' objects is not writable")
        raise AttributeError(f"'string.templatelib.Template' object has no "
                             f"attribute '{name}' and no __dict__ for setting "
                             f"new attributes")

    def __iter__(self):
        strings = self._strings
        interps = self._interpolations
        for i, s in enumerate(strings):
            if s:
                yield s
            if i < len(interps):
                yield interps[i]

    def __repr__(self):
        return (f"Template(strings={self._strings!r}, "
                f"interpolations={self._interpolations!r})")

    def __add__(self, other):
        if isinstance(other, Template):
            a, b = self._strings, other._strings
            strings = a[:-1] + (a[-1] + b[0],) + b[1:]
            return _new(Template, strings,
                        self._interpolations + other._interpolations)
        if isinstance(self, Template):
            raise TypeError("can only concatenate string.templatelib.Template "
                            f"(not \"{type(other).__name__}\") to "
                            "string.templatelib.Template")
        return NotImplemented

    def __reduce__(self):
        from string.templatelib import _template_unpickle
        return (_template_unpickle, (self._strings, self._interpolations))


Template.__module__ = 'string.templatelib'
Interpolation.__module__ = 'string.templatelib'


def _new(cls, strings, interps):
    t = object.__new__(cls)
    object.__setattr__(t, '_strings', strings)
    object.__setattr__(t, '_interpolations', interps)
    return t


def _make_template(strings, interps):
    return _new(Template, strings, interps)


def convert(obj, /, conversion):
    """Convert *obj* using formatted string literal semantics."""
    if conversion is None:
        return obj
    if conversion == 'r':
        return repr(obj)
    if conversion == 's':
        return str(obj)
    if conversion == 'a':
        return ascii(obj)
    raise ValueError(f'invalid conversion specifier: {conversion}')
