# Code generation as collections.namedtuple and dataclasses do it: build source text from
# a template, exec it in a fresh namespace, take the functions out.
def make_record(typename, field_names, defaults=()):
    fields = tuple(field_names)
    arg_list = ", ".join(fields)
    ns = {"_tuple_new": tuple.__new__, "__builtins__": {}, "__name__": f"namedtuple_{typename}"}
    # Defaults for the last fields, through names in the namespace.
    params = list(fields)
    for i, d in enumerate(defaults):
        k = len(fields) - len(defaults) + i
        ns[f"_dflt{k}"] = d
        params[k] = f"{fields[k]}=_dflt{k}"
    code = f"lambda _cls, {', '.join(params)}: _tuple_new(_cls, ({arg_list},))"
    __new__ = eval(code, ns)
    __new__.__name__ = "__new__"
    def __repr__(self):
        return typename + "(" + ", ".join(f"{n}={v!r}" for n, v in zip(fields, self)) + ")"
    body = {"__new__": __new__, "__repr__": __repr__, "__slots__": (), "_fields": fields}
    for i, n in enumerate(fields):
        body[n] = property(lambda self, i=i: self[i])
    return type(typename, (tuple,), body)

Point = make_record("Point", ["x", "y"], defaults=(0,))
p = Point(1, 2)
print(p, p.x, p.y, Point(5), Point.__new__.__name__, Point._fields)
print(p + (3,), isinstance(p, tuple), Point.__new__.__defaults__, Point.__new__.__module__)

# dataclasses-style: a factory function that takes locals as parameters, so the generated
# functions close over them; defaults referenced through the namespace.
def create_fn(name, args, body, *, globals, locals, return_type=None):
    locals = dict(locals)
    if return_type is not None:
        locals["__return_type__"] = return_type
    ret = " -> __return_type__" if return_type is not None else ""
    args_s = ", ".join(args)
    body_s = "\n".join(f"  {b}" for b in body)
    txt = f" def {name}({args_s}){ret}:\n{body_s}"
    local_vars = ", ".join(locals.keys())
    txt = f"def __create_fn__({local_vars}):\n{txt}\n return {name}"
    ns = {}
    exec(txt, globals, ns)
    return ns["__create_fn__"](**locals)

class _HAS_DEFAULT_FACTORY_CLASS:
    def __repr__(self):
        return "<factory>"
_HAS_DEFAULT_FACTORY = _HAS_DEFAULT_FACTORY_CLASS()

def dataclass_like(cls):
    fields = list(cls.__annotations__)
    defaults = {f: cls.__dict__[f] for f in fields if f in cls.__dict__}
    locals = {f"__dflt_{f}__": v for f, v in defaults.items()}
    locals["__dataclass_HAS_DEFAULT_FACTORY__"] = _HAS_DEFAULT_FACTORY
    args = ["self"] + [f"{f}=__dflt_{f}__" if f in defaults else f for f in fields]
    body = [f"self.{f} = {f}" for f in fields]
    init = create_fn("__init__", args, body, globals={"__name__": cls.__module__}, locals=locals, return_type=None)
    init.__qualname__ = f"{cls.__qualname__}.{init.__name__}"
    cls.__init__ = init
    repr_body = ["return self.__class__.__qualname__ + f\"(" + ", ".join(f"{f}={{self.{f}!r}}" for f in fields) + ")\""]
    r = create_fn("__repr__", ["self"], repr_body, globals={}, locals={})
    r.__qualname__ = f"{cls.__qualname__}.__repr__"
    cls.__repr__ = r
    eq_body = ["if other.__class__ is self.__class__:",
               "  return (" + "".join(f"self.{f}," for f in fields) + ") == (" + "".join(f"other.{f}," for f in fields) + ")",
               "return NotImplemented"]
    cls.__eq__ = create_fn("__eq__", ["self", "other"], eq_body, globals={}, locals={})
    return cls

@dataclass_like
class Item:
    name: str
    price: float = 1.5
    qty: int = 1

a = Item("pen")
b = Item("book", 12.0, qty=2)
print(a, b, a == Item("pen"), a == b)
print(Item.__init__.__qualname__, Item.__init__.__defaults__, Item.__init__.__module__)
print(Item.__init__.__code__.co_varnames, Item.__init__.__code__.co_argcount)
try:
    Item()
except TypeError as e:
    print("TypeError:", e)

# Closures over factory parameters survive after the factory returns.
def make_counter_src(start):
    src = "def make(start):\n    n = [start]\n    def inc(step=1):\n        n[0] += step\n        return n[0]\n    return inc\n"
    ns = {}
    exec(src, ns)
    return ns["make"](start)
c = make_counter_src(10)
print(c(), c(5), c())

# Generated property accessors and a generated class.
ns = {"__name__": "gen_mod"}
exec("""
class Vec:
    __slots__ = ('x', 'y')
    def __init__(self, x, y):
        self.x = x
        self.y = y
    def __add__(self, o):
        return Vec(self.x + o.x, self.y + o.y)
    def __repr__(self):
        return f'Vec({self.x}, {self.y})'
    @property
    def norm2(self):
        return self.x ** 2 + self.y ** 2
""", ns)
V = ns["Vec"]
print(V(1, 2) + V(3, 4), (V(1, 2) + V(3, 4)).norm2, V.__module__, V.__qualname__)
