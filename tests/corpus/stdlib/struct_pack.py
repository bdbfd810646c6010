# struct: every format character, byte orders, alignment, Struct, errors.
import struct

for fmt, vals in [
    ("<bBhHiIlLqQ", (-1, 255, -2, 65535, -3, 2**32 - 1, -4, 2**32 - 1, -5, 2**64 - 1)),
    (">bBhHiIlLqQ", (1, 2, 3, 4, 5, 6, 7, 8, 9, 10)),
    ("!hI", (-300, 123456)),
    ("=hiq", (1, 2, 3)),
    ("@bhiq", (1, 2, 3, 4)),
    ("@cbxh", (b"z", -7, 9)),
    ("<?e f d", (True, 1.5, 0.25, -2.5)),
    ("<3s5p0s", (b"abcdef", b"xy", b"")),
    ("<2h3B", (1, 2, 3, 4, 5)),
    ("@nN", (-2, 2**63)),
]:
    b = struct.pack(fmt, *vals)
    print(fmt, struct.calcsize(fmt), b, struct.unpack(fmt, b))

print(struct.calcsize("@bq"), struct.calcsize("=bq"), struct.calcsize("@qb"), struct.calcsize("@hc i"))
print(struct.pack("<e", 65504.0), struct.pack("<e", 1e-7), struct.pack("<e", float("inf")))
print(struct.unpack("<e", b"\x01\x00"), struct.unpack("<e", b"\x00\x7c"), struct.unpack("<e", b"\x00\xfc"))
print(struct.pack("<e", 2049.0), struct.pack("<e", 2051.0), struct.pack("<e", 0.1))
print(struct.pack(">f", 0.1), struct.unpack(">f", struct.pack(">f", 0.1)))
print(struct.pack("?", []), struct.pack("?", "x"), struct.unpack("??", b"\x00\x07"))
print(struct.unpack("5p", b"\x03abcd"), struct.unpack("5p", b"\x09abcd"))


class I:
    def __index__(self):
        return 7


print(struct.pack("i", I()), struct.pack("Q", True), struct.pack("d", 3))

s = struct.Struct("<hi")
print(s, s.format, s.size, repr(s))
print(s.pack(1, 2), s.unpack(b"\x01\x00\x02\x00\x00\x00"))
print(struct.Struct(b">H").format)
buf = bytearray(10)
s.pack_into(buf, 2, -1, -2)
print(buf, s.unpack_from(buf, 2), s.unpack_from(buffer=buf, offset=2))
struct.pack_into("<H", buf, -2, 0xABCD)
print(buf, struct.unpack_from("<H", buf, -2), struct.unpack_from("<B", memoryview(buf)))
mv = memoryview(buf)[4:]
struct.pack_into("<I", mv, 0, 0x01020304)
print(buf)
it = struct.iter_unpack("<hh", b"\x01\x00\x02\x00\x03\x00\x04\x00")
print(it.__length_hint__(), list(it))
print(list(struct.Struct("<B").iter_unpack(b"abc")))
print(struct.unpack("<i", memoryview(b"\x01\x00\x00\x00")), struct.unpack("<H", bytearray(b"\xff\x00")))


def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)


for fmt, v in [
    ("b", 200), ("B", -1), ("h", 70000), ("H", -1), ("i", 2**31), ("I", -1),
    ("q", 2**63), ("Q", -1), ("<l", 2**31), ("<L", -1), ("<Q", 2**64),
    ("b", "x"), ("<i", 1.5), ("f", 1e300), ("<e", 1e10), ("c", b"ab"),
    ("c", "a"), ("s", 1), ("d", "x"), ("e", None),
]:
    t(lambda: struct.pack(fmt, v))
for fmt in ["z", "<n", "<P", "3", "i3", "ii 2", "4s4", "!N", "x", "0s", "i\0", " 2i", "2 i"]:
    t(lambda: struct.calcsize(fmt))
t(lambda: struct.pack("ii", 1))
t(lambda: struct.pack("ii", 1, 2, 3))
t(lambda: struct.pack("3s", b"abcde"))
t(lambda: struct.unpack("ii", b"12"))
t(lambda: struct.unpack_from("ii", b"12345678", 4))
t(lambda: struct.unpack_from("ii", b"12345678", -20))
t(lambda: struct.unpack_from("ii", b"12345678", 10))
t(lambda: list(struct.iter_unpack("ii", b"123456789")))
t(lambda: list(struct.iter_unpack("", b"")))
b6 = bytearray(6)
t(lambda: struct.pack_into("ii", b6, 0, 1, 2))
t(lambda: struct.pack_into("i", b6, 4, 1))
t(lambda: struct.pack_into("i", b6, -10, 1))
t(lambda: struct.pack_into("i", b"123456", 0, 1))
t(lambda: struct.Struct(1))
t(lambda: struct.unpack("i", "abcd"))
t(lambda: struct.pack("i", 2.0))
print(struct.error.__module__, struct.error.__name__, issubclass(struct.error, Exception))
