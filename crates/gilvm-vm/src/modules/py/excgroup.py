"""The methods of the builtins `BaseExceptionGroup` and `ExceptionGroup` (PEP 654), which
exc_group.rs creates at start-up and whose native methods call these on first use.

A group's message and sub-exceptions are its `args` (`(message, exceptions)`, as given):
`exceptions` is their tuple. `BaseExceptionGroup(msg, excs)` makes an `ExceptionGroup`
when every sub-exception is an `Exception`. `subgroup` and `split` rebuild the nested
groups through `derive`, copying the traceback, cause, context and notes, as CPython.
"""


def _is_sequence(x):
    return (hasattr(type(x), '__getitem__') and hasattr(type(x), '__len__')
            and not isinstance(x, dict))


def new(cls, message, exceptions):
    if not isinstance(message, str):
        raise TypeError(f"argument 1 must be str, not {type(message).__name__}")
    if not _is_sequence(exceptions):
        raise TypeError("second argument (exceptions) must be a sequence")
    excs = tuple(exceptions)
    if not excs:
        raise ValueError("second argument (exceptions) must be a non-empty sequence")
    nested_base = False
    for i, e in enumerate(excs):
        if not isinstance(e, BaseException):
            raise ValueError(f"Item {i} of second argument (exceptions) is not an exception")
        if not isinstance(e, Exception):
            nested_base = True
    if cls is BaseExceptionGroup:
        if not nested_base:
            cls = ExceptionGroup
    elif cls is ExceptionGroup:
        if nested_base:
            raise TypeError("Cannot nest BaseExceptions in an ExceptionGroup")
    elif nested_base and issubclass(cls, Exception):
        raise TypeError(f"Cannot nest BaseExceptions in '{cls.__name__}'")
    return BaseException.__new__(cls, message, exceptions)


def message(self):
    return self.args[0]


def exceptions(self):
    return tuple(self.args[1])


def str_(self):
    n = len(self.args[1])
    return f"{self.args[0]} ({n} sub-exception{'s' if n > 1 else ''})"


def derive(self, excs):
    return BaseExceptionGroup(self.args[0], excs)


def _matcher(condition):
    if isinstance(condition, type) and issubclass(condition, BaseException):
        return lambda e: isinstance(e, condition)
    if isinstance(condition, tuple) and all(
            isinstance(c, type) and issubclass(c, BaseException) for c in condition):
        return lambda e: isinstance(e, condition)
    if callable(condition) and not isinstance(condition, type):
        return condition
    raise TypeError("expected an exception type, a tuple of exception types, or a "
                    "callable (other than a class)")


def _derive_copy(eg, excs):
    new = eg.derive(excs)
    if not isinstance(new, BaseExceptionGroup):
        raise TypeError("derive must return an instance of BaseExceptionGroup")
    new.__traceback__ = eg.__traceback__
    suppress = eg.__suppress_context__
    new.__cause__ = eg.__cause__
    new.__context__ = eg.__context__
    new.__suppress_context__ = suppress
    notes = getattr(eg, '__notes__', None)
    if notes is not None:
        new.__notes__ = list(notes)
    return new


def _split(eg, match, want_rest):
    if match(eg):
        return eg, None
    if not isinstance(eg, BaseExceptionGroup):
        return None, eg
    matched, rest = [], []
    for e in eg.exceptions:
        m, r = _split(e, match, want_rest)
        if m is not None:
            matched.append(m)
        if want_rest and r is not None:
            rest.append(r)
    mg = _derive_copy(eg, matched) if matched else None
    rg = _derive_copy(eg, rest) if want_rest and rest else None
    return mg, rg


def subgroup(self, condition):
    return _split(self, _matcher(condition), False)[0]


def split(self, condition):
    return _split(self, _matcher(condition), True)


# `except*` (the compiler's `try_star`, through two intrinsics).

def _check_star_type(ty):
    for t in (ty if isinstance(ty, tuple) else (ty,)):
        if not (isinstance(t, type) and issubclass(t, BaseException)):
            raise TypeError("catching classes that do not inherit from BaseException "
                            "is not allowed")
        if issubclass(t, BaseExceptionGroup):
            raise TypeError("catching ExceptionGroup with except* is not allowed. "
                            "Use except instead.")


def star_match(exc, ty):
    """One `except* ty` clause against the part `exc` not handled yet: (match, rest).
    A bare exception that matches is wrapped in a group, keeping its traceback."""
    _check_star_type(ty)
    if exc is None:
        return None, None
    if isinstance(exc, ty):
        if isinstance(exc, BaseExceptionGroup):
            return exc, None
        wrapped = BaseExceptionGroup("", (exc,))
        wrapped.__traceback__ = exc.__traceback__
        return wrapped, None
    if isinstance(exc, BaseExceptionGroup):
        return exc.split(ty)
    return None, exc


_NO_NOTES = object()


def _leaf_ids(e, acc):
    if isinstance(e, BaseExceptionGroup):
        for x in e.exceptions:
            _leaf_ids(x, acc)
    else:
        acc.add(id(e))


def prep_reraise_star(orig, excs):
    """What leaves a `try`/`except*`: `excs` holds what each clause raised and, last, the
    part no clause matched (None for nothing). Parts of `orig` that were re-raised are
    put back in `orig`'s shape; new exceptions are grouped with them."""
    if not isinstance(orig, BaseExceptionGroup):
        # A bare exception was wrapped: at most one clause ran.
        return excs[0]
    raised, reraised = [], []
    notes = getattr(orig, '__notes__', _NO_NOTES)
    for e in excs:
        if e is None:
            continue
        same = (getattr(e, '__notes__', _NO_NOTES) is notes
                and e.__traceback__ is orig.__traceback__
                and e.__cause__ is orig.__cause__
                and e.__context__ is orig.__context__)
        (reraised if same else raised).append(e)
    ids = set()
    for e in reraised:
        _leaf_ids(e, ids)
    kept = orig.split(lambda e: id(e) in ids)[0] if ids else None
    if not raised:
        return kept
    if kept is not None:
        raised.append(kept)
    if len(raised) == 1:
        return raised[0]
    return BaseExceptionGroup("", raised)
