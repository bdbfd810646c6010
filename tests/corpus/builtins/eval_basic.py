# eval(): expressions, namespaces, code objects.
x = 3
print(eval("x * 2"), eval("x + y", {"x": 1, "y": 2}), eval("x + y", {"x": 1}, {"y": 5}))
print(eval("[i * x for i in range(3)]"), eval("{k: v for k, v in zip('ab', (1, 2))}"))
print(eval("(lambda a, b=2: a * b)(4)"), eval("sorted({3, 1, 2})"))
print(eval("  1 + 1"), eval("\t2 * 3"), eval("1 +\\\n 2"), eval("(1 +\n 2)"))
print(eval(b"'bytes' + ' source'"), eval("x if x > 2 else -x"))
print(eval("__name__"), eval("__name__", {}), eval("__name__", {"__name__": "m"}))
g = {"q": 1}
print(eval("len", {}) is len, eval("globals()", g) is g, eval("locals()", {}, {"z": 1}))
code = compile("a * b", "<expr>", "eval")
print(eval(code, {"a": 6, "b": 7}), eval(code, {}, {"a": "ab", "b": 2}))
# A code object compiled in exec mode: eval runs it and returns None.
print(eval(compile("v = 1", "<s>", "exec"), {}))
# Nested eval, and eval inside functions and comprehensions.
print(eval("eval('1 + 2')"))
def f(n):
    return eval("n * n") + eval("m", {"m": 100})
print(f(3), [eval("i + 1", None, {"i": i}) for i in range(3)])
# Walrus and conditional expressions inside eval'd code write to its locals.
ns = {}
print(eval("(w := 5) + w", {}, ns), ns)
# Errors raised inside eval'd code propagate with their own type.
for src in ["1 / 0", "undefined_name", "[][1]", "int('x')"]:
    try:
        eval(src)
    except Exception as e:
        print(type(e).__name__, e)
# Statements are syntax errors in eval mode.
for src in ["x = 1", "import os", "pass", "1; 2", "", "   "]:
    try:
        eval(src)
    except SyntaxError as e:
        print("SyntaxError:", repr(src), e.msg)
# Bad arguments.
for args in [(), (1,), (None,), ("1", 1), ("1", {}, 1, 2)]:
    try:
        eval(*args)
    except TypeError as e:
        print("TypeError:", e)
try:
    eval("1", source="1")
except TypeError as e:
    print("TypeError:", e)
try:
    eval(source="1")
except TypeError as e:
    print("TypeError:", e)
