# The _pickle accelerator: pickle.Pickler/Unpickler are _pickle's (not the pure-Python
# ones), produce CPython's bytes (pickletools.dis of each protocol), and its Python
# subclasses, errors, files and frames behave as CPython's.
import io
import pickle
import pickletools
import copyreg
import collections

print(pickle.Pickler is not pickle._Pickler, pickle.Unpickler is not pickle._Unpickler)
print(pickle.Pickler.__module__, pickle.PicklingError.__module__,
      pickle.UnpicklingError.__mro__[1].__name__)
import _pickle
print(_pickle.Pickler is pickle.Pickler, _pickle.loads is pickle.loads)


class Point:
    def __init__(self, x, y):
        self.x, self.y = x, y

    def __eq__(self, o):
        return type(o) is Point and (self.x, self.y) == (o.x, o.y)


class Slotted:
    __slots__ = ("a", "b")

    def __init__(self):
        self.a, self.b = 1, [2]


class WithNew(tuple):
    def __new__(cls, a, *, b=0):
        return super().__new__(cls, (a, b))

    def __getnewargs_ex__(self):
        return (self[0],), {"b": self[1]}


OD = collections.OrderedDict([("k", 1)])
shared = [1, "s"]
DATA = [None, True, -5, 2**70, 1.25, "txt", b"by", bytearray(b"ba"), (1, (2,)), [shared, shared],
        {"a": {1: 2}}, {3, 4}, frozenset({5}), Point(1, [2]), OD, WithNew(7, b=8),
        collections.OrderedDict, ("x" * 300,)]

for proto in range(6):
    d = pickle.dumps(DATA, proto)
    back = pickle.loads(d)
    print(proto, len(d), back[:13] == DATA[:13], back[13] == DATA[13], back[14] == OD,
          back[15], back[9][0] is back[9][1], back[16] is collections.OrderedDict)
    print(pickle.dumps(len, proto), pickle.loads(pickle.dumps(len, proto)) is len)
    out = io.StringIO()
    pickletools.dis(pickle.dumps([1, "a", (2.5, None), {"k": b"v"}], proto), out)
    print(out.getvalue())
    if proto >= 2:
        s = pickle.loads(pickle.dumps(Slotted(), proto))
        print(s.a, s.b)

# identical bytes to the pure-Python pickler for the core types
for proto in range(6):
    for v in DATA[:13] + [list(range(2500)), {i: str(i) for i in range(1200)}]:
        f1, f2 = io.BytesIO(), io.BytesIO()
        pickle.Pickler(f1, proto).dump(v)
        pickle._Pickler(f2, proto).dump(v)
        if not (f1.getvalue() == f2.getvalue() == pickle.dumps(v, proto)):
            print("DIFF", proto, repr(v)[:40])
    if pickle.dumps(DATA, proto) != pickle._dumps(DATA, proto):
        print("DIFF dumps", proto)
print("same bytes checked")


# persistent_id / persistent_load in subclasses
class P(pickle.Pickler):
    def persistent_id(self, obj):
        if isinstance(obj, str) and obj.startswith("ext:"):
            return obj[4:]
        return None


class U(pickle.Unpickler):
    def persistent_load(self, pid):
        return "loaded-" + pid

    def find_class(self, module, name):
        if name == "Point":
            return dict
        return super().find_class(module, name)


for proto in (0, 2, 5):
    f = io.BytesIO()
    P(f, proto).dump(["ext:one", "plain", ("ext:two",)])
    f.seek(0)
    print(proto, U(f).load())

f = io.BytesIO()
pickle.dump(Point(1, 2), f)
f.seek(0)
try:
    print(U(f).load())
except Exception as e:
    print(type(e).__name__, e)


# persistent_id as an attribute, reducer_override, dispatch_table
p_out = io.BytesIO()
p = pickle.Pickler(p_out, 3)
p.persistent_id = lambda o: "X" if o == 42 else None
p.dump([42, 1])
print(p_out.getvalue())


class R(pickle.Pickler):
    def reducer_override(self, obj):
        if obj is Point:
            return (str, ("Point-class",))
        return NotImplemented


f = io.BytesIO()
R(f).dump([Point, 3])
print(pickle.loads(f.getvalue()))

f = io.BytesIO()
p = pickle.Pickler(f)
p.dispatch_table = copyreg.dispatch_table.copy()
p.dispatch_table[Point] = lambda o: (tuple, ((o.x, o.y),))
p.dump(Point(5, 6))
print(pickle.loads(f.getvalue()))

# memo: clear_memo, sharing across dumps
f = io.BytesIO()
p = pickle.Pickler(f, 2)
lst = [1]
p.dump(lst)
p.dump(lst)
p.clear_memo()
p.dump(lst)
print(f.getvalue())
f.seek(0)
u = pickle.Unpickler(f)
a = u.load()
b = u.load()
c = u.load()
print(a is b, a is c, sorted(u.memo.copy()))

# a file is not read past the pickle
f = io.BytesIO(pickle.dumps("one", 2) + pickle.dumps("two", 5) + b"rest")
print(pickle.load(f), pickle.load(f), f.read())

# frames: large data crosses 64 KiB frames
big = [str(i) * 10 for i in range(20000)]
d = pickle.dumps(big, 5)
print(len(d), pickle.loads(d) == big, pickle.load(io.BytesIO(d)) == big)
print(d == pickle._dumps(big, 5))
blob = [b"z" * 70000, "y" * 70000, bytearray(b"w" * 70000)]
d = pickle.dumps(blob, 5)
print(len(d), pickle.loads(d) == blob, d == pickle._dumps(blob, 5))

# errors
class Local:
    pass


def f_local():
    pass


import re


def shown(e):
    return re.sub(r" at 0x[0-9a-f]+", "", str(e))


for obj in (lambda: 1, (x for x in ()), Local):
    try:
        pickle.dumps(obj)
    except Exception as e:
        print(type(e).__name__, shown(e))

try:
    pickle.dumps([1, {"k": lambda: 0}])
except Exception as e:
    print(type(e).__name__, shown(e), getattr(e, "__notes__", None))
for proto in (0, 5):
    try:
        pickle.dumps((1, [2, (3, (x for x in ()))]), proto)
    except Exception as e:
        print(type(e).__name__, shown(e), getattr(e, "__notes__", None))
for bad in (b"", b"\x80\x05", b"\x80\x05K", b"\x80\x05X\x05\x00\x00\x00ab", b"zz", b"\xff",
            b"(.", b"0.", b"h\x05.", b"\x80\x09.", b"Iabc\n.", b"]\x94e."):
    try:
        print(pickle.loads(bad))
    except Exception as e:
        print(repr(bad), type(e).__name__, e)
try:
    pickle.loads("text")
except TypeError as e:
    print("TypeError", e)
try:
    pickle.Pickler(io.BytesIO(), 6)
except ValueError as e:
    print("ValueError", e)


class NoInit(pickle.Pickler):
    def __init__(self):
        pass


try:
    NoInit().dump(1)
except pickle.PicklingError as e:
    print("PicklingError", e)

# protocol 0/1 text forms and old opcodes
print(pickle.loads(b"(lp0\nI1\naF2.5\naS'abc'\naVx\\u20acy\nag0\na."))
print(pickle.loads(b"(dp0\nS'k'\np1\nL12345678901234567890L\ns."))
print(pickle.loads(b"ccollections\nOrderedDict\n)R."))
print(pickle.loads(b"U\x03abc.", encoding="bytes"), pickle.loads(b"U\x03abc."))
print(pickle.loads(b"(i__main__\nPoint\n(dp0\nS'x'\nI1\nsS'y'\nI2\nsb.").x)
print(pickle.loads(b"c__builtin__\nset\n((lI1\natR."))
copyreg.add_extension("collections", "OrderedDict", 240)
d = pickle.dumps(collections.OrderedDict, 2)
print(d, pickle.loads(d) is collections.OrderedDict)
copyreg.remove_extension("collections", "OrderedDict", 240)

# sys.modules[name] = None blocks an import (how pyperformance's *_pure_python runs)
import sys
saved = sys.modules["_pickle"]
sys.modules["_pickle"] = None
try:
    import _pickle
except ImportError as e:
    print(type(e).__name__, e)
sys.modules["_pickle"] = saved
