# PEP 667: exec() in a function cannot change its local variables; writes land in the
# snapshot dict the exec'd code was given, which locals() returns afresh each call.
def f():
    x = 1
    exec("x = 2; y = 3")
    print(x, "y" in locals())
    snap = locals()
    exec("x = 5; z = 6", globals(), snap)
    print(x, snap["x"], snap["z"])
    l1 = locals()
    l2 = locals()
    print(l1 is l2, l1 == l2)
f()

def reads_locals(a, b=2, *args, **kw):
    c = a + b
    print(sorted(locals().items()))
    print(eval("a + b + c"))
    print(eval("[a * i for i in range(3)]"))
reads_locals(1, kw=3)

def with_cells():
    cell = "c"
    def inner():
        return cell
    free = inner
    print(sorted(locals()))
    def uses_free():
        print(sorted(locals()), eval("cell", globals(), {"cell": "shadow"}))
        return cell
    uses_free()
with_cells()

def unbound():
    print(locals())
    later = 1
    print(locals())
unbound()

# exec'd code in a function reads the function's variables through the snapshot.
def calc():
    base = 40
    ns = {}
    exec("result = base + 2", globals(), {"base": base, "ns": ns})
    exec("out = base + 2", None, ns | {"base": base})
    r = {}
    exec("r['v'] = base", {"r": r, "base": base})
    return r["v"]
print(calc())

def gen():
    q = 1
    yield sorted(locals())
    q2 = 2
    yield sorted(locals())
print(list(gen()))
