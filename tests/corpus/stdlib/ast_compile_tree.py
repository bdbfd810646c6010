# compile(tree, filename, mode): AST objects compiled to code, after a NodeTransformer.
import ast

tree = ast.parse("x = 1 + 2\nprint('x is', x)\n")
exec(compile(tree, "<tree>", "exec"))

e = ast.parse("3 * 7", mode="eval")
print(eval(compile(e, "<tree>", "eval")))


# An assertion rewriter, as pytest does: `assert a == b` gets a message with both values.
class Rewrite(ast.NodeTransformer):
    def visit_Assert(self, node):
        if isinstance(node.test, ast.Compare) and node.msg is None:
            left = node.test.left
            right = node.test.comparators[0]
            msg = ast.JoinedStr([
                ast.FormattedValue(left, -1),
                ast.Constant(" != "),
                ast.FormattedValue(right, -1),
            ])
            node.msg = msg
        return node


src = "def check(a, b):\n    assert a == b\n"
t = Rewrite().visit(ast.parse(src))
ast.fix_missing_locations(t)
ns = {}
exec(compile(t, "<rewritten>", "exec"), ns)
ns["check"](1, 1)
try:
    ns["check"](1, 2)
except AssertionError as err:
    print("AssertionError:", err)


# Dataclass-like code generation: an __init__ built from nodes.
def make_init(fields):
    args = ast.arguments(args=[ast.arg("self")] + [ast.arg(f) for f in fields])
    body = [ast.Assign([ast.Attribute(ast.Name("self", ast.Load()), f, ast.Store())],
                       ast.Name(f, ast.Load())) for f in fields]
    fn = ast.FunctionDef("__init__", args, body)
    mod = ast.Module([fn])
    ast.fix_missing_locations(mod)
    ns = {}
    exec(compile(mod, "<gen>", "exec"), ns)
    return ns["__init__"]


class P:
    __init__ = make_init(["x", "y"])


p = P(1, 2)
print(p.x, p.y)

code = compile(ast.parse("a = 5", mode="single"), "<s>", "single")
exec(code)
print(a)
try:
    compile(ast.parse("1", mode="eval"), "<s>", "exec")
except TypeError as err:
    print("TypeError:", err)
