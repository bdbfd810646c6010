# _string: the parsers under string.Formatter.
import _string

for s in ['', 'abc', 'a{0}b', '{}', '{{}}', 'a{{b', 'x}}y', '{0!r:>3}', '{name.attr[0]:{w}.{p}f}',
          '{0[}]}', '{!s}', '{:}', 'a{b}c{d!a}e', '{0:{1}}']:
    print(repr(s), list(_string.formatter_parser(s)))
for s in ['{', '}', 'a{0', '{0!}', '{0!r', '{0!rx}', '{0:', '{a{b}', 'x}y']:
    try:
        print(list(_string.formatter_parser(s)))
    except ValueError as e:
        print(repr(s), 'ValueError:', e)
for s in ['a', '0', '', 'a.b[0].c', '12[x][3]', 'x.0']:
    first, rest = _string.formatter_field_name_split(s)
    print(repr(s), repr(first), list(rest))
for s in ['a.', 'a[', 'a[]', 'a]b', 'a[0]b']:
    try:
        first, rest = _string.formatter_field_name_split(s)
        print(repr(s), list(rest))
    except ValueError as e:
        print(repr(s), 'ValueError:', e)
