# Code objects (co_* fields, co_lines, co_positions, replace) and closure cells.
def outer(a, b=2, *args, c, **kw):
    x = a + b

    def inner():
        return x + a

    return inner


co = outer.__code__
print(co.co_name, co.co_qualname, co.co_argcount, co.co_kwonlyargcount, co.co_posonlyargcount)
print(co.co_varnames[:5], sorted(co.co_cellvars), co.co_flags & 0xF)
inner = outer(1, c=3)
ic = inner.__code__
print(sorted(ic.co_freevars), ic.co_qualname)

# co_lines covers the code with increasing, non-overlapping ranges, on the code's lines.
spans = list(co.co_lines())
print(all(s < e for s, e, _ in spans), all(spans[i][1] <= spans[i + 1][0] for i in range(len(spans) - 1)))
print(sorted({ln for _, _, ln in spans if ln is not None} - {None})[:1] == [co.co_firstlineno] or sorted({ln for _, _, ln in spans})[:2])
print(all(ln is None or co.co_firstlineno <= ln <= co.co_firstlineno + 6 for _, _, ln in spans))
pos = list(co.co_positions())
print(all(len(p) == 4 for p in pos), type(co.co_linetable).__name__)

# replace()
c2 = co.replace(co_name="renamed", co_qualname="Q.renamed", co_firstlineno=100)
print(c2.co_name, c2.co_qualname, c2.co_firstlineno, co.co_name, c2 is co)
try:
    co.replace(co_name=5)
except TypeError as e:
    print("TypeError", e)
try:
    co.replace(bogus=1)
except TypeError as e:
    print("TypeError", e)


def k():
    return "hi"


k2_code = k.__code__.replace(co_consts=tuple("bye" if c == "hi" else c for c in k.__code__.co_consts))
print(type(k2_code).__name__, "bye" in k2_code.co_consts)

# Closure cells.
cells = inner.__closure__
print(type(cells).__name__, len(cells), sorted(c.cell_contents for c in cells))
print(inner())
cells[ic.co_freevars.index("x")].cell_contents = 10
print(inner(), sorted(c.cell_contents for c in cells))


def unbound():
    def f():
        return y

    cell = f.__closure__[0]
    try:
        cell.cell_contents
    except ValueError as e:
        print("ValueError", e)
    y = 1
    return cell.cell_contents


print(unbound())
print(outer.__closure__, k.__defaults__, outer.__defaults__, outer.__kwdefaults__)
print(outer.__globals__ is globals())
