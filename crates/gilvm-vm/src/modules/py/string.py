"""String constants, capwords(), Template and Formatter (gilvm's string module).

gilvm has no `re` module, so Template scans its text by hand: it supports a
custom `delimiter` in subclasses but not a custom `idpattern`, `braceidpattern`,
`flags` or `pattern`.
"""

__all__ = ['ascii_letters', 'ascii_lowercase', 'ascii_uppercase', 'capwords',
           'digits', 'hexdigits', 'octdigits', 'printable', 'punctuation',
           'whitespace', 'Formatter', 'Template']

# -- constants ------------------------------------------------------------------

whitespace = ' \t\n\r\x0b\x0c'
ascii_lowercase = 'abcdefghijklmnopqrstuvwxyz'
ascii_uppercase = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ'
ascii_letters = ascii_lowercase + ascii_uppercase
digits = '0123456789'
hexdigits = digits + 'abcdef' + 'ABCDEF'
octdigits = '01234567'
punctuation = '!"#$%&\'()*+,-./:;<=>?@[\\]^_`{|}~'
printable = digits + ascii_letters + punctuation + whitespace


def capwords(s, sep=None):
    """Split s into words with s.split(sep), capitalize each word and join
    them again with sep (a single space when sep is None)."""
    join = (sep or ' ').join
    return join([word.capitalize() for word in s.split(sep)])


# -- Template -------------------------------------------------------------------

_IDENT_START = frozenset(ascii_letters + '_')
_IDENT_REST = frozenset(ascii_letters + digits + '_')
_DEFAULT_IDPATTERN = r'(?a:[_a-z][_a-z0-9]*)'

# What the scanner finds after a delimiter.
_ESCAPED, _NAMED, _INVALID = 0, 1, 2


def _identifier_end(text, pos):
    """The end of the ASCII identifier starting at pos (pos when none)."""
    n = len(text)
    if pos >= n or text[pos] not in _IDENT_START:
        return pos
    pos += 1
    while pos < n and text[pos] in _IDENT_REST:
        pos += 1
    return pos


class _Chained:
    """The lookup of substitute(mapping, **kws): keywords first."""

    def __init__(self, first, second):
        self.first = first
        self.second = second

    def __getitem__(self, key):
        try:
            return self.first[key]
        except KeyError:
            pass
        try:
            return self.second[key]
        except KeyError:
            pass
        raise KeyError(key)


_no_mapping = {}


class Template:
    """A string with $-placeholders: $name, ${name}, and $$ for a literal $.

    substitute() replaces every placeholder (KeyError for a missing name,
    ValueError for a malformed placeholder); safe_substitute() leaves those
    in the text unchanged."""

    delimiter = '$'
    idpattern = _DEFAULT_IDPATTERN
    braceidpattern = None

    def __init_subclass__(cls, **kwargs):
        super().__init_subclass__(**kwargs)
        if ('pattern' in cls.__dict__ or 'flags' in cls.__dict__
                or cls.idpattern != _DEFAULT_IDPATTERN
                or cls.braceidpattern is not None):
            raise NotImplementedError(
                "gilvm's string.Template has no regular expressions: a "
                "subclass may change only the delimiter")

    def __init__(self, template):
        self.template = template

    def _scan(self):
        """Yield (start, end, kind, name) for each delimiter in the text,
        left to right, as the placeholder syntax reads it."""
        text = self.template
        delim = self.delimiter
        if not delim:
            return
        size = len(delim)
        n = len(text)
        pos = 0
        while True:
            start = text.find(delim, pos)
            if start < 0:
                return
            after = start + size
            end = _identifier_end(text, after)
            if text.startswith(delim, after):
                kind, name, end = _ESCAPED, None, after + size
            elif end > after:
                kind, name = _NAMED, text[after:end]
            else:
                kind, name, end = _INVALID, None, after
                if after < n and text[after] == '{':
                    close = _identifier_end(text, after + 1)
                    if close > after + 1 and close < n and text[close] == '}':
                        kind, name, end = _NAMED, text[after + 1:close], close + 1
            yield start, end, kind, name
            pos = end

    def _invalid(self, pos):
        # pos is just after the delimiter, the position CPython reports.
        lines = self.template[:pos].splitlines(keepends=True)
        if lines:
            lineno, colno = len(lines), len(lines[-1])
        else:
            lineno, colno = 1, 1
        raise ValueError('Invalid placeholder in string: line %d, col %d'
                         % (lineno, colno))

    def _replace(self, mapping, kws, safe):
        if mapping is _no_mapping:
            mapping = kws
        elif kws:
            mapping = _Chained(kws, mapping)
        text = self.template
        pieces = []
        pos = 0
        for start, end, kind, name in self._scan():
            pieces.append(text[pos:start])
            pos = end
            if kind == _NAMED:
                if safe:
                    try:
                        pieces.append(str(mapping[name]))
                    except KeyError:
                        pieces.append(text[start:end])
                else:
                    pieces.append(str(mapping[name]))
            elif kind == _ESCAPED:
                pieces.append(self.delimiter)
            elif safe:
                pieces.append(text[start:end])
            else:
                self._invalid(end)
        if not pieces:
            return text
        pieces.append(text[pos:])
        return ''.join(pieces)

    def substitute(self, mapping=_no_mapping, /, **kws):
        """The text with every placeholder replaced by its value."""
        return self._replace(mapping, kws, False)

    def safe_substitute(self, mapping=_no_mapping, /, **kws):
        """Like substitute(), but missing names and malformed placeholders
        stay in the text as they are."""
        return self._replace(mapping, kws, True)

    def is_valid(self):
        """False when the text has a malformed placeholder."""
        for start, end, kind, name in self._scan():
            if kind == _INVALID:
                return False
        return True

    def get_identifiers(self):
        """The names of the placeholders, each once, in order of appearance."""
        names = []
        for start, end, kind, name in self._scan():
            if kind == _NAMED and name not in names:
                names.append(name)
        return names


# -- Formatter --------------------------------------------------------------------

_MAX_INDEX = 9223372036854775807


def _decimal(text):
    """text as an index when it is all decimal digits, else -1."""
    if not text:
        return -1
    for ch in text:
        if not ch.isdecimal():
            return -1
    value = 0
    for ch in text:
        value = value * 10 + int(ch)
        if value > _MAX_INDEX:
            raise ValueError('Too many decimal digits in format string')
    return value


def _parse_format(text):
    """Split a format string into (literal, field_name, format_spec,
    conversion) tuples, as str.format reads it."""
    n = len(text)
    pos = 0
    while pos < n:
        start = pos
        ch = ''
        while pos < n:
            ch = text[pos]
            pos += 1
            if ch == '{' or ch == '}':
                break
        at_end = pos >= n
        if ch == '}' and (at_end or text[pos] != '}'):
            raise ValueError("Single '}' encountered in format string")
        if ch == '{' and at_end:
            raise ValueError("Single '{' encountered in format string")
        if ch != '{' and ch != '}':
            yield text[start:pos], None, None, None
            return
        if text[pos] == ch:
            # A doubled brace is a literal brace.
            pos += 1
            yield text[start:pos - 1], None, None, None
            continue
        literal = text[start:pos - 1]
        # A replacement field: first its name...
        name_start = pos
        ch = ''
        while pos < n:
            ch = text[pos]
            pos += 1
            if ch == '{':
                raise ValueError("unexpected '{' in field name")
            if ch == '[':
                while pos < n and text[pos] != ']':
                    pos += 1
                continue
            if ch == '}' or ch == ':' or ch == '!':
                break
        if ch != '}' and ch != ':' and ch != '!':
            raise ValueError("expected '}' before end of string")
        name = text[name_start:pos - 1]
        conversion = None
        if ch == '}':
            yield literal, name, '', None
            continue
        # ...then maybe a conversion...
        if ch == '!':
            if pos >= n:
                raise ValueError(
                    'end of string while looking for conversion specifier')
            conversion = text[pos]
            if conversion == '\0':
                conversion = None
            pos += 1
            if pos < n:
                ch = text[pos]
                pos += 1
                if ch == '}':
                    yield literal, name, '', conversion
                    continue
                if ch != ':':
                    raise ValueError(
                        "expected ':' after conversion specifier")
        # ...and a format spec, which may hold nested fields.
        spec_start = pos
        depth = 1
        while pos < n:
            ch = text[pos]
            pos += 1
            if ch == '{':
                depth += 1
            elif ch == '}':
                depth -= 1
                if depth == 0:
                    break
        if depth:
            raise ValueError("unmatched '{' in format spec")
        yield literal, name, text[spec_start:pos - 1], conversion


def _split_rest(name, pos):
    """The (is_attribute, key) pairs of the field name after its first part."""
    n = len(name)
    while pos < n:
        ch = name[pos]
        pos += 1
        if ch == '.':
            start = pos
            while pos < n and name[pos] != '.' and name[pos] != '[':
                pos += 1
            key = name[start:pos]
            if not key:
                raise ValueError('Empty attribute in format string')
            yield True, key
        elif ch == '[':
            start = pos
            while pos < n and name[pos] != ']':
                pos += 1
            if pos >= n:
                raise ValueError("Missing ']' in format string")
            key = name[start:pos]
            pos += 1
            index = _decimal(key)
            if not key:
                raise ValueError('Empty attribute in format string')
            yield False, (key if index < 0 else index)
        else:
            raise ValueError("Only '.' or '[' may follow ']' in format "
                             "field specifier")


def _split_field_name(name):
    """(first, rest) of a field name: first is an int for a positional
    argument, rest an iterator of (is_attribute, key) pairs."""
    end = 0
    n = len(name)
    while end < n and name[end] != '.' and name[end] != '[':
        end += 1
    first = name[:end]
    index = _decimal(first)
    if index >= 0:
        first = index
    return first, _split_rest(name, end)


class Formatter:
    """str.format as a class whose steps (parse, get_field, get_value,
    convert_field, format_field, ...) a subclass can override."""

    def format(self, format_string, /, *args, **kwargs):
        return self.vformat(format_string, args, kwargs)

    def vformat(self, format_string, args, kwargs):
        used_args = set()
        result, _ = self._vformat(format_string, args, kwargs, used_args, 2)
        self.check_unused_args(used_args, args, kwargs)
        return result

    def _vformat(self, format_string, args, kwargs, used_args,
                 recursion_depth, auto_arg_index=0):
        if recursion_depth < 0:
            raise ValueError('Max string recursion exceeded')
        out = []
        for literal, field_name, format_spec, conversion in \
                self.parse(format_string):
            if literal:
                out.append(literal)
            if field_name is None:
                continue
            # Automatic numbering ({}) and explicit numbers ({0}) don't mix;
            # auto_arg_index is False once an explicit number was seen.
            if field_name == '':
                if auto_arg_index is False:
                    raise ValueError('cannot switch from manual field '
                                     'specification to automatic field '
                                     'numbering')
                field_name = str(auto_arg_index)
                auto_arg_index += 1
            elif field_name.isdigit():
                if auto_arg_index:
                    raise ValueError('cannot switch from manual field '
                                     'specification to automatic field '
                                     'numbering')
                auto_arg_index = False
            obj, key = self.get_field(field_name, args, kwargs)
            used_args.add(key)
            obj = self.convert_field(obj, conversion)
            format_spec, auto_arg_index = self._vformat(
                format_spec, args, kwargs, used_args, recursion_depth - 1,
                auto_arg_index=auto_arg_index)
            out.append(self.format_field(obj, format_spec))
        return ''.join(out), auto_arg_index

    def get_value(self, key, args, kwargs):
        if isinstance(key, int):
            return args[key]
        return kwargs[key]

    def check_unused_args(self, used_args, args, kwargs):
        pass

    def format_field(self, value, format_spec):
        return format(value, format_spec)

    def convert_field(self, value, conversion):
        if conversion is None:
            return value
        if conversion == 's':
            return str(value)
        if conversion == 'r':
            return repr(value)
        if conversion == 'a':
            return ascii(value)
        raise ValueError('Unknown conversion specifier %s' % (conversion,))

    def parse(self, format_string):
        """An iterator of (literal_text, field_name, format_spec, conversion)."""
        return _parse_format(format_string)

    def get_field(self, field_name, args, kwargs):
        first, rest = _split_field_name(field_name)
        obj = self.get_value(first, args, kwargs)
        for is_attribute, key in rest:
            if is_attribute:
                obj = getattr(obj, key)
            else:
                obj = obj[key]
        return obj, first
