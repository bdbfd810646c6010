# Struct sequences (CPython's PyStructSequence), for gilvm's native modules: a tuple
# subclass whose first n_sequence_fields items are the tuple (some of them may have no
# name), the rest attributes only (os.stat_result's st_atime float beside the int at
# index 7). Made by the native module that owns the type (posix, pwd, resource, ...).

def structseq(name, module, fields, n_seq, fill=None):
    """The struct sequence type `module.name`; `fields` lists every field in order, None
    for an unnamed one (only among the first n_seq). `fill` maps a field to the index of
    the item that gives its value when it is missing or None (os.stat_result's float
    times default to the int ones)."""
    n_fields = len(fields)
    hidden = tuple(fields[n_seq:])
    named = [f for f in fields if f is not None]
    repr_names = tuple(named[:n_seq])
    full = name if module == "builtins" else module + "." + name
    n_unnamed = n_fields - len(named)

    def __new__(cls, sequence, dict=None):
        seq = tuple(sequence)
        n = len(seq)
        if n < n_seq or n > n_fields:
            if n_seq == n_fields:
                want = f"a {n_seq}"
            elif n < n_seq:
                want = f"an at least {n_seq}"
            else:
                want = f"an at most {n_fields}"
            raise TypeError(f"{full}() takes {want}-sequence ({n}-sequence given)")
        if dict is not None and not isinstance(dict, type({})):
            raise TypeError(f"{full}() takes a dict as second arg, if any")
        self = tuple.__new__(cls, seq[:n_seq])
        d = self.__dict__
        i = n_seq
        for h in hidden:
            if i < n:
                d[h] = seq[i]
            elif dict is not None:
                d[h] = dict.get(h)
            else:
                d[h] = None
            i += 1
        if fill:
            for h, j in fill.items():
                if d[h] is None:
                    d[h] = seq[j]
        return self

    def __repr__(self):
        parts = []
        for k, v in zip(repr_names, self):
            parts.append(f"{k}={v!r}")
        return f"{full}({', '.join(parts)})"

    def __reduce__(self):
        d = self.__dict__
        return (type(self), (tuple(self), {h: d[h] for h in hidden}))

    def __replace__(self, /, **kwargs):
        if n_unnamed:
            raise TypeError(f"__replace__() is not supported")
        values = list(self) + [self.__dict__[h] for h in hidden]
        for k, v in kwargs.items():
            if k not in fields:
                raise TypeError(f"{full}.__replace__() got an unexpected keyword argument '{k}'")
            values[fields.index(k)] = v
        return type(self)(values)

    ns = {
        "__new__": __new__,
        "__repr__": __repr__,
        "__reduce__": __reduce__,
        "__replace__": __replace__,
        "__module__": module,
        "__qualname__": name,
        "__match_args__": tuple(f for f in fields[:n_seq] if f is not None),
        "n_fields": n_fields,
        "n_sequence_fields": n_seq,
        "n_unnamed_fields": n_unnamed,
    }
    for i, f in enumerate(fields[:n_seq]):
        if f is not None:
            ns[f] = property(lambda self, i=i: tuple.__getitem__(self, i), doc=f)
    return type(name, (tuple,), ns)
