# bytearray: construction, mutation, slices, operators, methods shared with bytes,
# buffer sharing with bytes functions, errors.
def show(label, f):
    try:
        print(label, repr(f()))
    except Exception as e:
        print(label, type(e).__name__, e)


print(bytearray(), bytearray(b"abc"), bytearray(3), bytearray([65, 66, 255]), bytearray("hé", "utf-8"))
print(bytearray(range(5)), bytearray(bytearray(b"xy")), bytearray(b"a\x00\n'\""), type(bytearray()).__name__)
show("float", lambda: bytearray(1.5))
show("none", lambda: bytearray(None))
show("neg", lambda: bytearray(-1))
show("str", lambda: bytearray("abc"))
show("big item", lambda: bytearray([256]))
show("bad item", lambda: bytearray(["a"]))
show("enc no str", lambda: bytearray(b"x", "utf-8"))

ba = bytearray(b"hello")
ba.append(33)
ba.extend(b" wor")
ba.extend([108, 100])
ba.extend(bytearray(b"!"))
ba.insert(0, 62)
ba.insert(-1, 63)
ba.insert(100, 60)
print(ba, len(ba), ba[0], ba[-1], ba[1:6], ba[::-1], ba[::3])
print(ba.pop(), ba.pop(0), ba.pop(-2), ba)
ba.remove(ord("l"))
print(ba)
ba.reverse()
print(ba)
c = ba.copy()
ba.clear()
print(ba, c, len(ba), bool(ba), bool(c))
show("pop empty", lambda: bytearray().pop())
show("pop range", lambda: bytearray(b"a").pop(5))
show("remove missing", lambda: bytearray(b"abc").remove(120))
show("append big", lambda: bytearray().append(256))
show("append str", lambda: bytearray().append("a"))
show("extend int", lambda: bytearray().extend(5))
show("extend str", lambda: bytearray().extend("ab"))
show("insert bad", lambda: bytearray().insert(0, -1))

# item and slice assignment
b = bytearray(b"0123456789")
b[0] = 65
b[-1] = 90
b[1:3] = b"xyz"
print(b)
b[2:6] = b""
print(b)
b[::2] = b"abcde"[: len(b[::2])]
print(b)
b[5:] = [1, 2, 3]
print(b)
b[:0] = bytearray(b"<<")
print(b)
del b[0]
del b[-1]
print(b)
del b[::2]
print(b)
del b[1:3]
print(b)
b[len(b):] = b"END"
print(b)
show("setitem range", lambda: b.__setitem__(100, 1))
show("setitem big", lambda: b.__setitem__(0, 300))
show("setitem str", lambda: b.__setitem__(0, "a"))
show("setitem slice int", lambda: b.__setitem__(slice(0, 1), 5))
show("ext slice size", lambda: b.__setitem__(slice(None, None, 2), b"a"))
show("getitem range", lambda: b[100])
show("getitem str", lambda: b["a"])
show("delitem range", lambda: b.__delitem__(100))

# operators
x = bytearray(b"ab")
y = x
x += b"cd"
x += bytearray(b"e")
print(x, y, x is y)
x *= 2
print(x, y is x)
print(x + b"!", b"!" + x, type(b"!" + x).__name__, x * 2, 2 * x, bytearray(b"a") * 0)
show("add int", lambda: x + 1)
show("iadd list", lambda: x.__iadd__([1]))
show("mul str", lambda: x * "a")
print(b"ab" == bytearray(b"ab"), bytearray(b"ab") == b"ab", bytearray(b"a") < b"b", bytearray(b"b") >= bytearray(b"a"))
print(bytearray(b"ab") != b"ab", bytearray(b"ab") == "ab", bytearray() == bytearray(), bytearray(b"a") > b"")
print(98 in bytearray(b"abc"), b"bc" in bytearray(b"abc"), bytearray(b"x") in bytearray(b"abc"), list(bytearray(b"hi")))
show("hash", lambda: hash(bytearray()))

# methods shared with bytes
s = bytearray(b"Hello, World")
print(s.find(b"o"), s.find(bytearray(b"World")), s.count(b"l"), s.startswith(b"He"), s.endswith((b"x", b"ld")))
print(s.decode(), s.decode("ascii"), s.hex(), s.hex(":"), bytearray.fromhex("de ad be ef"), type(bytearray.fromhex("00")).__name__)
print(bytearray(b"-").join([b"a", bytearray(b"b"), b"c"]), type(bytearray(b"").join([])).__name__)
print(b"".join([bytearray(b"x"), b"y"]), b", ".join([bytearray(b"1"), bytearray(b"2")]))
print(bytes(bytearray(b"abc")), str(bytearray(b"abc"), "ascii"), int.from_bytes(bytearray(b"\x01\x00"), "big"))
print(bytearray(b"abc").__alloc__() >= 4, repr(bytearray(b"x")), str(bytearray(b"x")))
print(b"abc".find(bytearray(b"c")), b"abc".startswith(bytearray(b"a")), bytearray(b"a") + bytearray(b"b"))
it = iter(bytearray(b"xyz"))
print(next(it), list(it))
e = bytearray(b"abc")
for i, ch in enumerate(e):
    if i == 0:
        e.append(100)
print(e, sorted(bytearray(b"cab")), max(bytearray(b"az")), sum(bytearray(b"\x01\x02")))
