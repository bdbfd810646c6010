# The Lib's ast helpers on parsed trees: unparse round-trips, literal_eval, walk, visitors,
# locations, get_source_segment, node construction defaults, __replace__, compare.
import ast

SRC = '''\
import os
from typing import Any

@decorator(arg)
def func(a, b=2, *args, key: int = 3, **kw) -> Any:
    """Docstring."""
    total = a + b * 2 ** -1
    if total > 10 and not key:
        return [x for x in range(total) if x % 2]
    elif total:
        return {k: v for k, v in kw.items()}
    else:
        raise ValueError(f"bad {total!r:>10}")

class K(Base, metaclass=Meta):
    attr: int = 0
    async def m(self):
        async with ctx() as c:
            await c
        return lambda q: q[1:2]

match cmd:
    case [x, *rest] if x:
        pass
    case {"a": 1, **other}:
        pass
    case Point(x=0) | None:
        pass
'''

tree = ast.parse(SRC)
out = ast.unparse(tree)
print(out)
print(ast.dump(ast.parse(out)) == ast.dump(tree))

print(ast.literal_eval("[1, 2.5, -3, 'a', b'b', (None, True), {1: {2}}, 1+2j]"))
try:
    ast.literal_eval("f(x)")
except ValueError as e:
    print("ValueError", e)

names = sorted({n.id for n in ast.walk(tree) if isinstance(n, ast.Name)})
print(names)


class Counter(ast.NodeVisitor):
    def __init__(self):
        self.calls = 0

    def visit_Call(self, node):
        self.calls += 1
        self.generic_visit(node)


c = Counter()
c.visit(tree)
print("calls", c.calls)


class Renamer(ast.NodeTransformer):
    def visit_Name(self, node):
        if node.id == "total":
            return ast.copy_location(ast.Name("grand_total", node.ctx), node)
        return node


t2 = Renamer().visit(ast.parse(SRC))
print("grand_total" in ast.unparse(t2))

fn = tree.body[2]
print(type(fn).__name__, fn.lineno, fn.col_offset, fn.end_lineno, fn.end_col_offset)
print(ast.get_source_segment(SRC, fn.body[1].value))
print(ast.get_docstring(fn))
ret = fn.body[2].body[0]
print(ast.get_source_segment(SRC, ret, padded=True))

n = ast.BinOp(ast.Constant(1), ast.Add(), ast.Constant(2))
e = ast.Expression(n)
ast.fix_missing_locations(e)
print(n.lineno, n.col_offset, n.end_lineno, n.end_col_offset)
ast.increment_lineno(e, 3)
print(n.lineno, n.left.lineno)

print(ast.Name("x")._fields, ast.Name.__match_args__, ast.FunctionDef._fields)
f = ast.FunctionDef(name="f", args=ast.arguments())
print(f.body, f.decorator_list, f.returns, f.args.args, ast.dump(f))
print(ast.dump(ast.Name("x").__replace__(id="y")))
print(ast.compare(ast.parse("a + 1"), ast.parse("a + 1")),
      ast.compare(ast.parse("a + 1"), ast.parse("a + 2")))
print(repr(ast.parse("x = 1").body[0]))

match ast.parse("f(1)").body[0].value:
    case ast.Call(func=ast.Name(id=name), args=[ast.Constant(value=v)]):
        print("matched", name, v)
