# pickle (the Lib's pure-Python pickler on gilvm): CPython's exact bytes for builtin
# values at every protocol, and round trips.
import pickle

VALUES = [
    None, True, False, 0, 1, -1, 255, 256, 65535, 65536, -129, 2**31 - 1, 2**31, 2**40,
    -2**40, 2**64, 2**100, -2**100, 1.5, -0.0, 1e300,
    "", "abc", "é€", "a\nb\\c", b"", b"xy", b"\x00\xff" * 3,
    (), (1,), (1, 2), (1, 2, 3), (1, 2, 3, 4), [], [1, [2, [3]]], {}, {"a": 1, "b": [2]},
    {1, 2, 3}, frozenset([3]), set(), frozenset(),
    range(3), range(1, 10, 2), slice(1, 2), slice(None, 5, -1), complex(1, 2),
    bytearray(b"q"), bytearray(), Ellipsis, NotImplemented,
    len, abs, int, str, type(None), object,
]

for proto in range(pickle.HIGHEST_PROTOCOL + 1):
    print("protocol", proto)
    for v in VALUES:
        d = pickle.dumps(v, protocol=proto)
        back = pickle.loads(d)
        same = back == v or (back is v)
        print(" ", repr(v)[:40], d, same, type(back).__name__)

# shared references and cycles
a = [1, 2]
t = (a, a)
for proto in (0, 2, 5):
    r = pickle.loads(pickle.dumps(t, proto))
    print("shared", proto, r, r[0] is r[1])
cyc = []
cyc.append(cyc)
for proto in (0, 2, 5):
    r = pickle.loads(pickle.dumps(cyc, proto))
    print("cycle", proto, r[0] is r)
d = {}
d["self"] = d
r = pickle.loads(pickle.dumps(d))
print("dict cycle", r["self"] is r)

# default protocol and the module's names
print(pickle.DEFAULT_PROTOCOL, pickle.HIGHEST_PROTOCOL, pickle.format_version)
print(pickle.dumps([1, "a"]))
print(pickle.loads(b"\x80\x04\x95\x0b\x00\x00\x00\x00\x00\x00\x00]\x94(K\x01\x8c\x01a\x94e."))
big = list(range(20000))
d = pickle.dumps(big)
print(len(d), pickle.loads(d) == big)
s = "x" * 70000
print(pickle.loads(pickle.dumps(s, 4)) == s, pickle.loads(pickle.dumps(s.encode(), 5)) == s.encode())

import io
f = io.BytesIO()
p = pickle.Pickler(f, 2)
p.dump({"k": (1, 2)})
p.dump([3])
f.seek(0)
u = pickle.Unpickler(f)
print(u.load(), u.load())
