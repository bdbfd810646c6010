# memoryview over bytes and bytearray: items, slices, casts, release, writing through a
# view, and the bytearray resize guard.
def show(label, f):
    try:
        print(label, repr(f()))
    except Exception as e:
        print(label, type(e).__name__, e)


b = b"abcdef"
m = memoryview(b)
print(len(m), m[0], m[-1], m.tobytes(), m.tolist(), m.hex(), m.hex(":", 2), bytes(m))
print(m.readonly, m.nbytes, m.itemsize, m.format, m.ndim, m.shape, m.strides, m.suboffsets, m.obj is b)
print(m.c_contiguous, m.f_contiguous, m.contiguous, type(m).__name__)
s = m[1:4]
print(type(s).__name__, s.tobytes(), len(s), s[0], s.obj is b, m[::2].tobytes(), m[::-1].tobytes(), m[::2].strides)
print(m[::-2].tolist(), m[4:1:-1].tobytes(), m[10:].tobytes(), m[::2].contiguous)
print(m == b, m == b"abcdef", m == bytearray(b"abcdef"), m != b"x", m == m, m[1:3] == b"bc", m == "abcdef", m == memoryview(b"abcdef"))
print(hash(m) == hash(b), list(m[:3]), 99 in m, b"".join([m[:2], b"!"]), str(m[:3], "ascii"))
show("index", lambda: m[10])
show("key", lambda: m["a"])
show("write ro", lambda: m.__setitem__(0, 1))
show("del", lambda: m.__delitem__(0))
show("lt", lambda: m < m)
show("not buffer", lambda: memoryview("abc"))
show("int", lambda: memoryview(5))

ba = bytearray(b"hello world")
v = memoryview(ba)
print(v.readonly, v.obj is ba)
v[0] = ord("H")
v[6:11] = b"WORLD"
print(ba)
v[1:3] = bytearray(b"EL")
print(ba, v.tobytes())
ba[10] = ord("!")
print(v[10], v.tolist()[-1])
show("resize", lambda: ba.append(1))
show("extend", lambda: ba.extend(b"xy"))
show("clear", lambda: ba.clear())
show("del slice", lambda: ba.__delitem__(slice(0, 2)))
show("same size", lambda: ba.__setitem__(slice(0, 2), b"he"))
show("grow slice", lambda: ba.__setitem__(slice(0, 2), b"hey"))
show("pop", lambda: ba.pop())
show("iadd", lambda: ba.__iadd__(b"x"))
show("hash writable", lambda: hash(v))
show("bad value", lambda: v.__setitem__(0, 256))
show("bad type", lambda: v.__setitem__(0, b"a"))
show("size mismatch", lambda: v.__setitem__(slice(0, 2), b"abc"))
v.release()
v.release()
ba.append(33)
print(ba)
show("released len", lambda: len(v))
show("released item", lambda: v[0])
show("released tobytes", lambda: v.tobytes())
with memoryview(ba) as w:
    show("in with", lambda: ba.append(1))
    print(w[:5].tobytes())
ba.append(63)
print(ba[-3:])
s1 = memoryview(ba)[2:5]
show("slice holds export", lambda: ba.append(1))
del s1
ba.append(46)
print(ba[-2:])

# casts
raw = bytearray(range(8))
c = memoryview(raw).cast("H")
print(c.format, c.itemsize, len(c), c.nbytes, c.tolist(), c.shape, c.strides)
c[0] = 0xFFFF
print(raw[:2], memoryview(raw).cast("b")[:2].tolist(), memoryview(raw).cast("c")[:2].tolist())
print(memoryview(b"\x01\x00\x00\x00\xff\xff\xff\xff").cast("i").tolist(), memoryview(bytes(8)).cast("q").tolist())
print(memoryview(bytes(8)).cast("d").tolist(), memoryview(b"\x00\x00\x80?").cast("f").tolist(), memoryview(b"\x00\x01").cast("?").tolist())
print(memoryview(b"\xff" * 8).cast("Q").tolist(), memoryview(b"\xff" * 8).cast("@L").tolist(), c.cast("B").tolist())
show("cast len", lambda: memoryview(b"abc").cast("H"))
show("cast fmt", lambda: memoryview(b"ab").cast("x"))
show("cast two", lambda: c.cast("i"))
show("cast noncontig", lambda: memoryview(b"abcd")[::2].cast("B"))
show("set H big", lambda: c.__setitem__(1, 70000))
show("set H neg", lambda: c.__setitem__(1, -1))
show("set H float", lambda: c.__setitem__(1, 1.5))
print(memoryview(b"ab").cast("B", [2]).tolist(), memoryview(b"ab").toreadonly().readonly)
m2 = memoryview(m)
print(m2.obj is b, m2.tobytes())
