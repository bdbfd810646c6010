# PEP 750 template strings: Template, Interpolation, concatenation, errors (CPython 3.14).
from string.templatelib import Template, Interpolation, convert

x = 42
w = 6
name = "gilvm"
t = t"a{x!r:>{w}}b{ x = }c" t"d{x}"
print(repr(t))
print(t.strings, t.values)
print(t.interpolations)
print(list(t))
print(repr(t""), list(t""), bool(t""))
print(repr(t + t"z{w}"))
print(type(t) is Template, type(t.interpolations[0]) is Interpolation)
print(type(t).__module__, type(t).__name__, Template.__name__, Interpolation.__qualname__)

# Each field: value, the expression as written, conversion, evaluated format spec.
print(t"{name!s:^{w + 4}.{2}}".interpolations)
print(t"{(x) }{x+1=}{x:{'>'}{w}}".interpolations)
print(t"{x=!a}{name=:>8}".strings)
print(t'''multi
{x}
line'''.strings)
print(t"{{literal}} {x}".strings)
print(t"{[i * 2 for i in range(3)]}".values)
print(t"{ {'k': 1}['k'] }".interpolations[0].expression)

# Rendering a template, the way a library would.
def render(tmpl):
    out = []
    for part in tmpl:
        if isinstance(part, str):
            out.append(part)
        else:
            v = convert(part.value, part.conversion)
            out.append(format(v, part.format_spec))
    return "".join(out)
print(render(t"[{name!r:>12}] x={x:04d} {x / 8:.2f}"))

# Constructing directly: adjacent strings merge, interpolations get '' between them.
print(Template("a", "b", Interpolation(3, "y"), Interpolation(4), "c"))
print(Template())
print(Template(Interpolation(1, "one")).strings)
i = Interpolation(1, "x", "r", "^5")
print(i, i.value, i.expression, i.conversion, i.format_spec, Interpolation.__match_args__)
print(Interpolation(2), Interpolation(1, conversion='a'))
match i:
    case Interpolation(v, e, c, f):
        print("matched", v, e, c, f)
match t"{x}!":
    case Template(strings=(first, *_)):
        print("first string", repr(first))

# Errors.
for args in [(1,), ("a", 2.5)]:
    try:
        Template(*args)
    except TypeError as e:
        print("TypeError", e)
try:
    Template(x=1)
except TypeError as e:
    print("TypeError", e)
for args in [(1, "x", "q"), (1, "x", 5), (1, 2), (1, "x", None, 3)]:
    try:
        Interpolation(*args)
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
for bad in ("s", 1, None):
    try:
        t + bad
    except TypeError as e:
        print("TypeError", e)
try:
    t.strings = ()
except AttributeError as e:
    print("AttributeError", e)
try:
    i.value = 2
except AttributeError as e:
    print("AttributeError", e)
try:
    convert(1, 'x')
except ValueError as e:
    print("ValueError", e)
print(convert(1, 'r'), convert("é", 'a'), convert(3, None))
print(t"a" == t"a", t == t)
