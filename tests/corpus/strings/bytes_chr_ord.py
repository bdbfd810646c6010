# chr/ord, str.encode, bytes construction, decode, hex.
def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__ + ":", e)

print([ord(c) for c in "aé☃😀\x00\n"], ord(b"A"), ord("\U0010ffff"))
print([chr(i) for i in (65, 233, 9731, 128512, 0, 10)], chr(0x10ffff) == "\U0010ffff", chr(True))
print("".join(chr(ord(c) + 1) for c in "HAL"), [hex(ord(c)) for c in "☃"] if False else ord("☃"))
for f in [lambda: ord("ab"), lambda: ord(""), lambda: ord(1), lambda: ord(b"ab"), lambda: ord(None),
          lambda: chr(-1), lambda: chr(0x110000), lambda: chr("a"), lambda: chr(1.5), lambda: chr(2**31), lambda: chr(2**100),
          lambda: chr(), lambda: ord()]:
    t(f)
print("héllo ☃".encode(), "abc".encode("ascii"), "é".encode("latin-1"), "é".encode("UTF8"), "x".encode(encoding="utf_8"))
print("é☃x".encode("ascii", "ignore"), "é☃x".encode("ascii", "replace"), "é☃x".encode("latin1", "backslashreplace"), "é☃x".encode("ascii", "xmlcharrefreplace"))
t(lambda: "é".encode("ascii"))
t(lambda: "a☃".encode("latin-1"))
t(lambda: "a".encode("no-such-codec"))
t(lambda: "a".encode(1))
t(lambda: "é".encode("ascii", "bogus"))
print(bytes(), bytes(3), bytes([65, 66, 67]), bytes((0, 255)), bytes(range(3)), bytes("é", "utf-8"), bytes(b"xy"))
print(bytes("abc", encoding="ascii"), bytes([]), bytes(iter([104, 105])), bytes(True))
for f in [lambda: bytes("a"), lambda: bytes(-1), lambda: bytes([256]), lambda: bytes([-1]), lambda: bytes(["a"]),
          lambda: bytes("a", "nope"), lambda: bytes(1.5), lambda: bytes(None), lambda: bytes(5, "utf-8"), lambda: bytes([1.0])]:
    t(f)
data = "naïve ☃ text".encode()
print(data, len(data), data[0], data[-1], data[2:5], data.decode(), data.decode("utf-8"), str(data, "utf-8"))
print(b"abc".decode("ascii"), b"\xe9t\xe9".decode("latin-1"), b"a\xffb".decode("utf-8", "replace"), b"a\xffb".decode("utf-8", "ignore"))
print(b"a\xff\xfeb".decode("ascii", "backslashreplace"), b"\xf0\x9f\x98".decode("utf-8", "replace"), b"\xe2\x98\x83".decode())
for bad in [b"\xff", b"a\xc3", b"\xc3(", b"\xed\xa0\x80", b"\xf0\x9f\x98", b"ab\xf0\x9f\x98x", b"\xc0\xaf", b"\xf5\x80", b"\xe0\x80\x80"]:
    t(lambda: bad.decode())
t(lambda: b"\xff".decode("ascii"))
t(lambda: b"a".decode("rot13x"))
print(b"\x00\x0f\xf0\xff".hex(), b"".hex(), b"abc".hex(), bytes.fromhex("de ad be ef"), bytes.fromhex(""), b"abcdef".hex(":"), b"abcdef".hex("-", 2), b"abcde".hex(" ", -2))
t(lambda: bytes.fromhex("abc"))
t(lambda: bytes.fromhex("zz"))
print(b"hello world".find(b"o"), b"hello world".find(b"o", 5), b"hello".find(b"z"), b"hello".count(b"l"), b"hello".count(108))
print(b"hello".startswith(b"he"), b"hello".endswith((b"x", b"lo")), b", ".join([b"a", b"b"]), b"".join([]))
print(b"ab" + b"cd", b"ab" == b"ab", b"a" < b"b", b"ab" in [b"ab"], list(b"hi"), repr(b"it's \"q\" \x00\x7f"))
