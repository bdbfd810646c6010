# Frame objects: sys._getframe, f_back, f_code, f_locals (PEP 667), f_lineno, clear().
import sys


def show(fr):
    code = fr.f_code
    return f"{code.co_name}:{fr.f_lineno}"


def inner(x):
    y = x * 2
    fr = sys._getframe()
    print("inner", show(fr), show(fr.f_back), show(sys._getframe(1)))
    print("back is caller", fr.f_back is sys._getframe(1))
    print("same object", sys._getframe() is fr)
    print("globals", fr.f_globals is globals(), fr.f_builtins is __builtins__.__dict__ if hasattr(__builtins__, "__dict__") else type(fr.f_builtins).__name__)
    print("lasti is int", type(fr.f_lasti).__name__)
    return fr


def outer():
    a = 1
    return inner(a)


fr = outer()
print("after return", show(fr), fr.f_back.f_code.co_name, fr.f_back.f_back is None or fr.f_back.f_back.f_code.co_name)
print("kept locals", sorted(k for k in fr.f_locals if k != "fr"), fr.f_locals["y"])
fr.clear()
print("cleared", dict(fr.f_locals))

# Depth errors and arguments.
try:
    sys._getframe(1000)
except ValueError as e:
    print("ValueError", e)
try:
    sys._getframe("x")
except TypeError as e:
    print("TypeError", e)
print("negative depth is current", sys._getframe(-3) is sys._getframe())

# Module frame: f_locals is the globals dict.
m = sys._getframe()
print("module locals", m.f_locals is globals(), m.f_code.co_name)
print("modulename", sys._getframemodulename(), sys._getframemodulename(depth=0))
print("modulename past the end", sys._getframemodulename(50))

# f_locals of a function frame: a write-through proxy.
def proxy_demo(a, b=2):
    c = 3
    p = sys._getframe().f_locals
    print(type(p).__name__, list(p), len(p), p.keys())
    p["c"] = 30
    print("write-through", c)
    p["extra"] = 5
    print("extra", p["extra"], "extra" in p, p.get("nope", "dflt"))
    try:
        del p["c"]
    except ValueError as e:
        print("ValueError", e)
    del p["extra"]
    try:
        p["nope"]
    except KeyError as e:
        print("KeyError", e)
    print("values", [v for v in p.values() if not isinstance(v, type(p))])
    print("items", [k for k, v in p.items()])
    print("copy", type(p.copy()).__name__, sorted(p.copy()))
    try:
        sys._getframe().clear()
    except RuntimeError as e:
        print("RuntimeError", e)


proxy_demo(1)


# Closures: cells and free variables appear in f_locals and are written through.
def make():
    n = 1

    def inc():
        nonlocal n
        sys._getframe().f_locals["n"] = n + 10
        return sys._getframe().f_locals["n"]

    return inc


inc = make()
print("closure", inc(), inc())


# Frames of a generator.
def gen():
    yield sys._getframe()
    yield 2


g = gen()
gf = next(g)
print("generator frame", gf.f_code.co_name, gf.f_back, gf.f_lineno)
try:
    gf.clear()
except RuntimeError as e:
    print("RuntimeError", e)
list(g)


# f_trace fields are settable.
def tr():
    f = sys._getframe()
    print("f_trace", f.f_trace, f.f_trace_lines, f.f_trace_opcodes)
    f.f_trace = print
    f.f_trace_lines = False
    print("f_trace set", f.f_trace is print, f.f_trace_lines)
    try:
        f.f_trace_lines = 1
    except TypeError as e:
        print("TypeError", e)


tr()


# repr, without the address.
def rep():
    r = repr(sys._getframe())
    return r.split(",", 1)[0].split(" at ")[0], r.rsplit(",", 2)[1:]


print(rep())
print(type(sys._getframe()).__name__)
