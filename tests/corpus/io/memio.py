# io.StringIO and io.BytesIO: positions, newlines, truncation, errors, subclasses.
import io

s = io.StringIO("héllo\nwörld\n")
print(s.read(3), s.tell(), repr(s.readline()), s.tell(), s.readlines())
s.seek(2); s.write("LL"); print(repr(s.getvalue()), s.tell())
s.seek(20); s.write("!"); print(repr(s.getvalue()))
print(s.truncate(5), repr(s.getvalue()), s.tell())
s.seek(0, 2); print(s.tell())
for op in (lambda: s.seek(1, 1), lambda: s.seek(-1), lambda: s.seek(0, 5), lambda: s.truncate(-1)):
    try:
        op()
    except (OSError, ValueError) as e:
        print(type(e).__name__, e)
try:
    s.write(b"x")
except TypeError as e:
    print("TypeError:", e)
print(s.readable(), s.writable(), s.seekable(), s.isatty(), s.line_buffering, s.closed)
s.close()
print(s.closed)
try:
    s.getvalue()
except ValueError as e:
    print("ValueError:", e)

for nl in (None, "", "\n", "\r", "\r\n"):
    t = io.StringIO(newline=nl)
    t.write("a\nb\r\nc\rd")
    print(repr(nl), repr(t.getvalue()), t.newlines)
    t.seek(0)
    print(" ", [line for line in t])
try:
    io.StringIO(newline="x")
except ValueError as e:
    print("ValueError:", e)
try:
    io.StringIO(1)
except TypeError as e:
    print("TypeError:", e)

b = io.BytesIO(b"abc\ndef")
print(b.read(2), b.read1(1), b.readline(), b.read(), b.read(), b.tell())
b.seek(-2, 2); print(b.read())
b.seek(10); b.write(b"Z"); print(b.getvalue())
buf = bytearray(4); b.seek(0); print(b.readinto(buf), buf)
print(b.truncate(3), b.getvalue(), b.seek(0, 1))
for op in (lambda: b.seek(-1), lambda: b.seek(0, 3), lambda: b.truncate(-2), lambda: b.write("s")):
    try:
        op()
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
b.write(memoryview(b"mv")); b.write(bytearray(b"ba")); print(b.getvalue())
print(list(io.BytesIO(b"1\n2\n3")))
with io.BytesIO(b"x") as c:
    print(c.closed)
print(c.closed)


class Log(io.StringIO):
    def __init__(self, prefix):
        super().__init__()
        self.prefix = prefix

    def write(self, s):
        return super().write(self.prefix + s)


log = Log("> ")
print("hi", file=log)
log.writelines(["a", "b"])
print(repr(log.getvalue()), isinstance(log, io.StringIO), isinstance(log, io.TextIOBase))
print(isinstance(io.BytesIO(), io.BufferedIOBase), isinstance(io.StringIO(), io.IOBase))
