# The `_csv` module: CSV dialects, the reader's state machine and the writer's quoting,
# with CPython 3.14's rules and messages (Modules/_csv.c). gilvm runs this Python text as
# the body of the native module `_csv` (see csv_mod.rs); the Lib's csv.py imports it.
#
# The reader feeds every character of a line, then an end-of-line mark (None), to one
# state machine whose state survives between lines (a quoted field may span lines).
# Dialect objects are immutable once made; the writer quotes a field when it holds a
# special character (delimiter, quotechar, escapechar, CR, LF or a lineterminator
# character), or always/never according to `quoting`.

QUOTE_MINIMAL, QUOTE_ALL, QUOTE_NONNUMERIC, QUOTE_NONE, QUOTE_STRINGS, QUOTE_NOTNULL = range(6)

__doc__ = """CSV parsing and writing."""


class Error(Exception):
    pass


Error.__module__ = '_csv'

_dialects = {}
_field_limit = 128 * 1024

_NOT_SET = None
_FIELDS = ('delimiter', 'doublequote', 'escapechar', 'lineterminator', 'quotechar',
           'quoting', 'skipinitialspace', 'strict')
_MISSING = object()


def _type_name(v):
    return type(v).__name__


def _char(name, v, default):
    if v is _MISSING:
        return default
    if not isinstance(v, str):
        raise TypeError(f'"{name}" must be a unicode character, not {_type_name(v)}')
    if len(v) != 1:
        raise TypeError(f'"{name}" must be a unicode character, not a string of length {len(v)}')
    return v


def _char_or_none(name, v, default):
    if v is _MISSING:
        return default
    if v is None:
        return None
    if not isinstance(v, str):
        raise TypeError(f'"{name}" must be a unicode character or None, not {_type_name(v)}')
    if len(v) != 1:
        raise TypeError(f'"{name}" must be a unicode character or None, '
                        f'not a string of length {len(v)}')
    return v


def _bool(v, default):
    return default if v is _MISSING else bool(v)


def _check_char(name, c, d, allowspace):
    if c is None:
        return
    if c == '\r' or c == '\n' or (c == ' ' and not allowspace):
        raise ValueError(f'bad {name} value')
    if c in d._lineterminator:
        raise ValueError(f'bad {name} or lineterminator value')


def _check_chars(name1, name2, c1, c2):
    if c1 is not None and c1 == c2:
        raise ValueError(f'bad {name1} or {name2} value')


def _get_dialect_from_registry(name):
    try:
        return _dialects[name]
    except KeyError:
        raise Error('unknown dialect') from None
    except TypeError:
        raise TypeError('dialect name must be a string') from None


class Dialect:
    """CSV dialect

The Dialect type records CSV parsing and generation options.
"""
    __slots__ = ('_delimiter', '_doublequote', '_escapechar', '_lineterminator',
                 '_quotechar', '_quoting', '_skipinitialspace', '_strict', '__weakref__')

    def __new__(cls, dialect=_MISSING, delimiter=_MISSING, doublequote=_MISSING,
                escapechar=_MISSING, lineterminator=_MISSING, quotechar=_MISSING,
                quoting=_MISSING, skipinitialspace=_MISSING, strict=_MISSING):
        given = dict(delimiter=delimiter, doublequote=doublequote, escapechar=escapechar,
                     lineterminator=lineterminator, quotechar=quotechar, quoting=quoting,
                     skipinitialspace=skipinitialspace, strict=strict)
        if dialect is not _MISSING:
            if isinstance(dialect, str):
                dialect = _get_dialect_from_registry(dialect)
            if isinstance(dialect, Dialect) and all(v is _MISSING for v in given.values()):
                return dialect
            for k, v in given.items():
                if v is _MISSING:
                    try:
                        given[k] = getattr(dialect, k)
                    except Exception:
                        pass
        self = object.__new__(cls)
        set_ = object.__setattr__
        set_(self, '_delimiter', _char('delimiter', given['delimiter'], ','))
        set_(self, '_doublequote', _bool(given['doublequote'], True))
        set_(self, '_escapechar', _char_or_none('escapechar', given['escapechar'], None))
        lt = given['lineterminator']
        if lt is _MISSING:
            lt = '\r\n'
        elif not isinstance(lt, str):
            raise TypeError(f'"lineterminator" must be a string, not {_type_name(lt)}')
        set_(self, '_lineterminator', lt)
        set_(self, '_quotechar', _char_or_none('quotechar', given['quotechar'], '"'))
        q = given['quoting']
        if q is _MISSING:
            q = QUOTE_MINIMAL
        elif type(q) is not int:
            raise TypeError(f'"quoting" must be an integer, not {_type_name(q)}')
        set_(self, '_quoting', q)
        set_(self, '_skipinitialspace', _bool(given['skipinitialspace'], False))
        set_(self, '_strict', _bool(given['strict'], False))
        if q not in (0, 1, 2, 3, 4, 5):
            raise TypeError('bad "quoting" value')
        if given['quotechar'] is None and given['quoting'] is _MISSING:
            set_(self, '_quoting', QUOTE_NONE)
        if self._quoting != QUOTE_NONE and self._quotechar is None:
            raise TypeError('quotechar must be set if quoting enabled')
        _check_char('delimiter', self._delimiter, self, True)
        _check_char('escapechar', self._escapechar, self, not self._skipinitialspace)
        _check_char('quotechar', self._quotechar, self, not self._skipinitialspace)
        _check_chars('delimiter', 'escapechar', self._delimiter, self._escapechar)
        _check_chars('delimiter', 'quotechar', self._delimiter, self._quotechar)
        _check_chars('escapechar', 'quotechar', self._escapechar, self._quotechar)
        return self

    def __setattr__(self, name, value):
        if name in _FIELDS:
            raise AttributeError(f"attribute '{name}' of '_csv.Dialect' objects is not writable")
        raise AttributeError(f"'_csv.Dialect' object has no attribute '{name}' and no "
                             f"__dict__ for setting new attributes")

    def __reduce_ex__(self, proto):
        raise TypeError("cannot pickle '_csv.Dialect' instances")

    delimiter = property(lambda self: self._delimiter)
    doublequote = property(lambda self: self._doublequote)
    escapechar = property(lambda self: self._escapechar)
    lineterminator = property(lambda self: self._lineterminator)
    quotechar = property(lambda self: self._quotechar)
    quoting = property(lambda self: self._quoting)
    skipinitialspace = property(lambda self: self._skipinitialspace)
    strict = property(lambda self: self._strict)


Dialect.__module__ = '_csv'


def _call_dialect(dialect, kwargs):
    if dialect is _MISSING:
        return Dialect(**kwargs)
    return Dialect(dialect, **kwargs)


# Reader states.
(_START_RECORD, _START_FIELD, _ESCAPED_CHAR, _IN_FIELD, _IN_QUOTED_FIELD,
 _ESCAPE_IN_QUOTED_FIELD, _QUOTE_IN_QUOTED_FIELD, _EAT_CRNL, _AFTER_ESCAPED_CRNL) = range(9)


class Reader:
    """CSV reader

Reader objects are responsible for reading and parsing tabular data
in CSV format.
"""
    __slots__ = ('_iter', '_dialect', '_line_num', '_fields', '_field', '_state',
                 '_unquoted', '__weakref__')

    def __new__(cls, *args, **kwargs):
        raise TypeError("cannot create '_csv.reader' instances")

    dialect = property(lambda self: self._dialect)
    line_num = property(lambda self: self._line_num)

    def __iter__(self):
        return self

    def _save_field(self):
        d = self._dialect
        q = d._quoting
        text = ''.join(self._field)
        if self._unquoted and not text and (q == QUOTE_NOTNULL or q == QUOTE_STRINGS):
            field = None
        elif self._unquoted and text and (q == QUOTE_NONNUMERIC or q == QUOTE_STRINGS):
            field = float(text)
        else:
            field = text
        self._field = []
        self._unquoted = True
        if self._fields is None:
            # The input iterator called next() on this reader while it was parsing.
            raise Error('reader was re-entered while reading a record')
        self._fields.append(field)

    def _add_char(self, c):
        if len(self._field) >= _field_limit:
            raise Error(f'field larger than field limit ({_field_limit})')
        self._field.append(c)

    def _process(self, c):
        # c is one character, or None at the end of a line.
        d = self._dialect
        s = self._state
        if s == _START_RECORD:
            if c is None:
                return
            if c == '\n' or c == '\r':
                self._state = _EAT_CRNL
                return
            s = self._state = _START_FIELD
        if s == _START_FIELD:
            if c is None or c == '\n' or c == '\r':
                self._save_field()
                self._state = _START_RECORD if c is None else _EAT_CRNL
            elif c == d._quotechar and d._quoting != QUOTE_NONE:
                self._unquoted = False
                self._state = _IN_QUOTED_FIELD
            elif c == d._escapechar:
                self._state = _ESCAPED_CHAR
            elif c == ' ' and d._skipinitialspace:
                pass
            elif c == d._delimiter:
                self._save_field()
            else:
                self._add_char(c)
                self._state = _IN_FIELD
            return
        if s == _ESCAPED_CHAR:
            if c == '\n' or c == '\r':
                self._add_char(c)
                self._state = _AFTER_ESCAPED_CRNL
                return
            if c is None:
                c = '\n'
            self._add_char(c)
            self._state = _IN_FIELD
            return
        if s == _AFTER_ESCAPED_CRNL:
            if c is None:
                return
            s = _IN_FIELD
        if s == _IN_FIELD:
            if c is None or c == '\n' or c == '\r':
                self._save_field()
                self._state = _START_RECORD if c is None else _EAT_CRNL
            elif c == d._escapechar:
                self._state = _ESCAPED_CHAR
            elif c == d._delimiter:
                self._save_field()
                self._state = _START_FIELD
            else:
                self._add_char(c)
                self._state = _IN_FIELD
            return
        if s == _IN_QUOTED_FIELD:
            if c is None:
                pass
            elif c == d._escapechar:
                self._state = _ESCAPE_IN_QUOTED_FIELD
            elif c == d._quotechar and d._quoting != QUOTE_NONE:
                self._state = _QUOTE_IN_QUOTED_FIELD if d._doublequote else _IN_FIELD
            else:
                self._add_char(c)
            return
        if s == _ESCAPE_IN_QUOTED_FIELD:
            if c is None:
                c = '\n'
            self._add_char(c)
            self._state = _IN_QUOTED_FIELD
            return
        if s == _QUOTE_IN_QUOTED_FIELD:
            if d._quoting != QUOTE_NONE and c == d._quotechar:
                self._add_char(c)
                self._state = _IN_QUOTED_FIELD
            elif c == d._delimiter:
                self._save_field()
                self._state = _START_FIELD
            elif c is None or c == '\n' or c == '\r':
                self._save_field()
                self._state = _START_RECORD if c is None else _EAT_CRNL
            elif not d._strict:
                self._add_char(c)
                self._state = _IN_FIELD
            else:
                raise Error(f"'{d._delimiter}' expected after '{d._quotechar}'")
            return
        if s == _EAT_CRNL:
            if c == '\n' or c == '\r':
                pass
            elif c is None:
                self._state = _START_RECORD
            else:
                raise Error("new-line character seen in unquoted field - "
                            "do you need to open the file with newline=''?")

    def __next__(self):
        self._fields = []
        self._field = []
        self._state = _START_RECORD
        self._unquoted = True
        while True:
            try:
                line = next(self._iter)
            except StopIteration:
                if self._field or self._state == _IN_QUOTED_FIELD:
                    if self._dialect._strict:
                        raise Error('unexpected end of data') from None
                    self._save_field()
                    break
                raise
            if not isinstance(line, str):
                raise Error(f'iterator should return strings, not {_type_name(line)} '
                            f'(the file should be opened in text mode)')
            self._line_num += 1
            process = self._process
            for c in line:
                process(c)
            process(None)
            if self._state == _START_RECORD:
                break
        fields = self._fields
        self._fields = None
        return fields


Reader.__name__ = Reader.__qualname__ = 'reader'
Reader.__module__ = '_csv'


def reader(iterable, /, dialect=_MISSING, **fmtparams):
    """    csv_reader = reader(iterable [, dialect='excel']
                        [optional keyword args])
    for row in csv_reader:
        process(row)
"""
    it = iter(iterable)
    self = object.__new__(Reader)
    self._iter = it
    self._line_num = 0
    self._fields = None
    self._field = []
    self._state = _START_RECORD
    self._unquoted = True
    self._dialect = _call_dialect(dialect, fmtparams)
    return self


class Writer:
    """CSV writer

Writer objects are responsible for generating tabular data
in CSV format from sequence input.
"""
    __slots__ = ('_write', '_dialect', '__weakref__')

    def __new__(cls, *args, **kwargs):
        raise TypeError("cannot create '_csv.writer' instances")

    dialect = property(lambda self: self._dialect)

    def _field_text(self, text, quoted, out):
        d = self._dialect
        special = (d._delimiter, d._escapechar, d._quotechar, '\n', '\r')
        lt = d._lineterminator
        parts = []
        for c in text:
            if c in special or c in lt:
                want_escape = False
                if d._quoting == QUOTE_NONE:
                    want_escape = True
                else:
                    if c == d._quotechar:
                        if d._doublequote:
                            parts.append(d._quotechar)
                        else:
                            want_escape = True
                    elif c == d._escapechar:
                        want_escape = True
                    if not want_escape:
                        quoted = True
                if want_escape:
                    if d._escapechar is None:
                        raise Error('need to escape, but no escapechar set')
                    parts.append(d._escapechar)
            parts.append(c)
        if quoted:
            out.append(d._quotechar)
            out.extend(parts)
            out.append(d._quotechar)
        else:
            out.extend(parts)

    def writerow(self, row, /):
        """writerow(iterable)

Construct and write a CSV record from an iterable of fields.  Non-string
elements will be converted to string."""
        d = self._dialect
        try:
            it = iter(row)
        except TypeError:
            raise Error(f'iterable expected, not {_type_name(row)}') from None
        out = []
        num_fields = 0
        null_field = False
        q = d._quoting
        for field in it:
            if q == QUOTE_NONNUMERIC:
                quoted = not _is_number(field)
            elif q == QUOTE_ALL:
                quoted = True
            elif q == QUOTE_STRINGS:
                quoted = isinstance(field, str)
            elif q == QUOTE_NOTNULL:
                quoted = field is not None
            else:
                quoted = False
            null_field = field is None
            if isinstance(field, str):
                text = field
            elif null_field:
                text = ''
            else:
                text = str(field)
            if not text and d._delimiter == ' ' and d._skipinitialspace:
                # A reader skipping initial spaces would not see an unquoted empty field.
                if q == QUOTE_NONE or (null_field and (q == QUOTE_STRINGS or q == QUOTE_NOTNULL)):
                    raise Error('empty field must be quoted if delimiter is a space '
                                'and skipinitialspace is true')
                quoted = True
            if num_fields > 0:
                out.append(d._delimiter)
            self._field_text(text, quoted, out)
            num_fields += 1
        if num_fields > 0 and not out:
            if q == QUOTE_NONE or (null_field and (q == QUOTE_STRINGS or q == QUOTE_NOTNULL)):
                raise Error('single empty field record must be quoted')
            out.append(d._quotechar * 2)
        out.append(d._lineterminator)
        return self._write(''.join(out))

    def writerows(self, rows, /):
        """writerows(iterable of iterables)

Construct and write a series of iterables to a csv file.  Non-string
elements will be converted to string."""
        for row in rows:
            self.writerow(row)


def _is_number(v):
    # PyNumber_Check: a type with __index__, __int__, __float__ or __complex__.
    t = type(v)
    return (hasattr(t, '__index__') or hasattr(t, '__int__') or hasattr(t, '__float__')
            or hasattr(t, '__complex__'))


Writer.__name__ = Writer.__qualname__ = 'writer'
Writer.__module__ = '_csv'


def writer(fileobj, /, dialect=_MISSING, **fmtparams):
    """    csv_writer = csv.writer(fileobj [, dialect='excel']
                            [optional keyword args])
    for row in sequence:
        csv_writer.writerow(row)
"""
    try:
        write = fileobj.write
    except AttributeError:
        raise TypeError('argument 1 must have a "write" method') from None
    self = object.__new__(Writer)
    self._write = write
    self._dialect = _call_dialect(dialect, fmtparams)
    return self


def register_dialect(name, /, dialect=_MISSING, **fmtparams):
    """Create a mapping from a string name to a dialect class."""
    if not isinstance(name, str):
        raise TypeError('dialect name must be a string')
    _dialects[name] = _call_dialect(dialect, fmtparams)


def unregister_dialect(name):
    """Delete the name/dialect mapping associated with a string name."""
    try:
        del _dialects[name]
    except KeyError:
        raise Error('unknown dialect') from None


def get_dialect(name):
    """Return the dialect instance associated with name."""
    return _get_dialect_from_registry(name)


def list_dialects():
    """Return a list of all known dialect names."""
    return list(_dialects)


def field_size_limit(new_limit=_MISSING):
    """Sets an upper limit on parsed fields.

Returns old limit. If limit is not given, no new limit is set and
the old limit is returned"""
    global _field_limit
    old = _field_limit
    if new_limit is not _MISSING:
        if not isinstance(new_limit, int):
            raise TypeError('limit must be an integer')
        _field_limit = new_limit
    return old


for _f in (reader, writer, register_dialect, unregister_dialect, get_dialect,
           list_dialects, field_size_limit):
    _f.__module__ = '_csv'
del _f
