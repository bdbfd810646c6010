# Assigning and deleting a function's special attributes (CPython 3.14's checks and
# messages), and `del cell.cell_contents`.
def f(a=1, *, b=2):
    "doc"

f.x = 1
for name, val in [("__name__", 7), ("__qualname__", 7), ("__globals__", 2),
                  ("__closure__", ()), ("__builtins__", {}), ("__dict__", None),
                  ("__type_params__", [1]), ("__doc__", 5), ("__code__", 1),
                  ("__defaults__", [1]), ("__module__", 3), ("__annotations__", 5),
                  ("__annotate__", 5), ("__type_params__", ())]:
    try:
        setattr(f, name, val)
        print("set", name, getattr(f, name))
    except Exception as e:
        print("set", name, type(e).__name__, e)

def g(a=1, *, b=2):
    "doc"

g.x = 1
for name in ["__name__", "__qualname__", "__globals__", "__closure__", "__builtins__",
             "__dict__", "__type_params__", "__doc__", "__code__", "__defaults__",
             "__kwdefaults__", "__module__", "x", "y", "__annotate__"]:
    try:
        delattr(g, name)
        print("del", name, getattr(g, name, "<missing>"))
    except Exception as e:
        print("del", name, type(e).__name__, e)

d = {"k": 1}
g.__dict__ = d
print(g.k, g.__dict__ is d)
g.__name__ = "new_name"
g.__qualname__ = "Outer.new_name"
print(g.__name__, g.__qualname__)

def outer():
    v = 1
    def inner():
        return v
    return inner

cell = outer().__closure__[0]
print(cell.cell_contents)
cell.cell_contents = 5
print(cell.cell_contents)
del cell.cell_contents
try:
    cell.cell_contents
except ValueError as e:
    print(e)
del cell.cell_contents
cell.cell_contents = 6
print(cell.cell_contents)
