# string.Formatter: format/vformat like str.format, parse(), get_field(), automatic and
# manual numbering, nested specs, conversions, error cases and overriding in a subclass.
import string

f = string.Formatter()


def show(label, fn, *args, **kwargs):
    try:
        print(label, repr(fn(*args, **kwargs)))
    except Exception as e:
        print(label, type(e).__name__ + ':', e)


class Point:
    def __init__(self, x, y):
        self.x = x
        self.y = y

    def __repr__(self):
        return 'Point(%r, %r)' % (self.x, self.y)

    def __str__(self):
        return '(%s, %s)' % (self.x, self.y)


p = Point(1, 2)
cases = [
    ('{} + {} = {}', (1, 2, 3), {}),
    ('{0}{1}{0}', ('ab', 'cd'), {}),
    ('{name} is {age:>4}', (), {'name': 'ann', 'age': 7}),
    ('{0.x},{0.y} {0!r} {0!s} {0}', (p,), {}),
    ('{p.x:03d} {p!r:>15}', (), {'p': p}),
    ('{0[1]} {0[2]} {1[key]} {1[0]}', ([5, 6, 7], {'key': 'v', 0: 'zero'}), {}),
    ('{:{}}|{:>{w}.{p}f}', ('x', 4, 3.14159), {'w': 8, 'p': 2}),
    ('{{literal}} {{{0}}}', (9,), {}),
    ('{0!a} {0!r}', ('caf\xe9',), {}),
    ('{:%}  {:,} {:#x} {:e}', (0.25, 1234567, 255, 12.5), {}),
    ('{:*^9}|{:<4}|{:+d}', ('mid', 'l', 5), {}),
    ('', (), {}),
    ('no fields', (1,), {}),
]
for fmt, args, kwargs in cases:
    mine = f.format(fmt, *args, **kwargs)
    print(repr(mine), mine == fmt.format(*args, **kwargs), f.vformat(fmt, args, kwargs) == mine)

print(list(f.parse('a{0}b{x!r:>{w}}c{{d}}')))
print(list(f.parse('{}{:}{!s}')), list(f.parse('plain')), list(f.parse('')))
print(f.get_field('0.x', [p], {}), f.get_field('k[2]', [], {'k': 'abcd'}), f.get_field('name', [], {'name': 3}))
print(f.get_value(1, ['a', 'b'], {}), f.get_value('k', [], {'k': 'v'}))
print(f.convert_field(p, 's'), f.convert_field(p, 'r'), f.convert_field('é', 'a'), f.convert_field(5, None))
print(repr(f.format_field(3.5, '08.3f')), repr(f.format_field('s', '')), f.check_unused_args(set(), (), {}))

show('auto then manual', f.format, '{}{0}', 1, 2)
show('manual then auto', f.format, '{0}{}', 1, 2)
show('index error', f.format, '{5}', 1)
show('key error', f.format, '{missing}', 1)
show('attr error', f.format, '{0.z}', p)
show('single }', f.format, 'a } b')
show('single {', f.format, 'a { b')
show('open field', f.format, '{0')
show('bad conversion', f.format, '{0!x}', 1)
show('conversion then text', f.format, '{0!rs}', 1)
show('conversion at end', f.format, '{0!', 1)
show('unmatched spec', f.format, '{0:{1}', 1, 2)
show('brace in name', f.format, '{a{b}}', 1)
show('empty attribute', f.format, '{0..x}', p)
show('missing ]', f.format, '{0[1}', [1, 2])
show('after ]', f.format, '{0[0]x}', [1])
show('bad spec', f.format, '{0:q}', 3)
show('negative index', f.format, '{0[-1]}', [1, 2])
show('deep nesting', f.format, '{0:{1:{2:{3}}}}', 1, 2, 3, 4)
show('parse error lazily', lambda: next(iter(f.parse('ok{'))))
show('parse later error', lambda: next(iter(f.parse('ok{0}}'))))


class Defaulting(string.Formatter):
    """Missing keys format as <name>, numbers get an S suffix, unused args are reported."""

    def get_value(self, key, args, kwargs):
        if isinstance(key, str):
            return kwargs.get(key, '<%s>' % key)
        return string.Formatter.get_value(self, key, args, kwargs)

    def convert_field(self, value, conversion):
        if conversion == 'u':
            return str(value).upper()
        return super().convert_field(value, conversion)

    def format_field(self, value, format_spec):
        if isinstance(value, int):
            return format(value, format_spec) + 'S'
        return super().format_field(value, format_spec)

    def check_unused_args(self, used_args, args, kwargs):
        unused = [i for i in range(len(args)) if i not in used_args]
        unused += sorted(k for k in kwargs if k not in used_args)
        if unused:
            raise ValueError('unused: %r' % (unused,))


d = Defaulting()
print(d.format('{a} {b!u} {0} {c:>3}', 7, a='x', b='shout', c=1))
show('unused', d.format, '{0}', 1, 2, z=3)


class Tracing(string.Formatter):
    def parse(self, format_string):
        out = list(super().parse(format_string))
        print('parse', repr(format_string), len(out))
        return out


print(Tracing().format('{0:{1}}-{2}', 'a', 3, 'b'))
