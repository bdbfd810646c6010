# bytes % args (PEP 461) and bytes + bytes-like.
print(b"%d %i %x %X %o %5.2f %e %g" % (42, -7, 255, 255, 8, 3.14159, 12345.678, 0.5))
print(b"%s|%b|%5s|%-5s|" % (b"ab", bytearray(b"cd"), b"xy", memoryview(b"zw")))
print(b"%r %a" % ("caf\xe9", b"q"))
print(b"%c%c%c" % (65, b"B", bytearray(b"C")))
print(b"%(name)s is %(age)d" % {b"name": b"Bob", b"age": 30})
print(b"100%%" % ())
print(b"%s" % b"single")
class B:
    def __bytes__(self):
        return b"from __bytes__"
print(b"%s" % B())
print(b"\xff%s\x00" % b"\x80")
for bad in [lambda: b"%s" % "str", lambda: b"%c" % 256, lambda: b"%c" % "x",
            lambda: b"%d" % b"1", lambda: b"%s %s" % (b"a",), lambda: b"%s" % (b"a", b"b"),
            lambda: b"%y" % 1, lambda: b"%(k)s" % (1,)]:
    try:
        print(bad())
    except Exception as e:
        print(type(e).__name__, e)
print(b"ab" + memoryview(b"cd"), b"ab" + bytearray(b"ef"))
import array
print(b"x" + array.array("b", [65, 66]))
try:
    b"a" + "b"
except TypeError as e:
    print(e)
try:
    b"a" + 1
except TypeError as e:
    print(e)
