# BufferedReader/Writer/Random/RWPair over raw streams written in Python and over files.
import io, os

path = f"/tmp/gilvm_io_buffered_{os.getpid()}.bin"


class Raw(io.RawIOBase):
    """A raw stream over a bytearray that logs the calls the buffered layer makes."""

    def __init__(self, data=b""):
        self.data = bytearray(data)
        self.pos = 0
        self.calls = []

    def readable(self):
        return True

    def writable(self):
        return True

    def seekable(self):
        return True

    def readinto(self, b):
        n = min(len(b), len(self.data) - self.pos)
        b[:n] = self.data[self.pos:self.pos + n]
        self.pos += n
        self.calls.append(("readinto", len(b), n))
        return n

    def write(self, b):
        b = bytes(b)
        self.data[self.pos:self.pos + len(b)] = b
        self.pos += len(b)
        self.calls.append(("write", len(b)))
        return len(b)

    def seek(self, pos, whence=0):
        self.pos = [pos, self.pos + pos, len(self.data) + pos][whence]
        return self.pos

    def tell(self):
        return self.pos


raw = Raw(b"line1\nline2\nrest")
r = io.BufferedReader(raw, buffer_size=8)
print(r.peek(1)[:1], r.read(3), r.readline(), r.read1(2), r.tell())
print(r.read(), r.read(), raw.calls)
print(r.raw is raw, r.closed, r.readable(), r.seekable())
r.seek(2)
print(r.read(4), r.tell())

raw = Raw()
w = io.BufferedWriter(raw, buffer_size=4)
print(w.write(b"ab"), raw.calls, w.tell())
print(w.write(b"cdef"), raw.calls)
w.flush()
print(raw.calls, bytes(raw.data))
print(w.write(b"0123456789"), raw.calls[-1])
print(repr(w), w.writable())
try:
    w.read()
except io.UnsupportedOperation as e:
    print("UnsupportedOperation:", e)
print(w.detach() is raw)
try:
    w.write(b"x")
except ValueError as e:
    print("ValueError:", e)
try:
    io.BufferedReader(Raw(), buffer_size=0)
except ValueError as e:
    print("ValueError:", e)

with open(path, "wb+") as f:
    print(type(f).__name__)
    f.write(b"0123456789")
    f.seek(2)
    print(f.read(3), f.tell())
    f.write(b"XY")
    print(f.tell())
    f.seek(0)
    print(f.read())
    print(f.truncate(4), f.seek(0, 2))
    f.seek(0)
    buf = bytearray(3)
    print(f.readinto(buf), buf, f.read1(), f.peek())

p = io.BufferedRWPair(io.BytesIO(b"in"), io.BytesIO())
print(p.read(), p.write(b"out"), p.readable(), p.writable(), p.closed)
p.close()
print(p.closed)

with open(path, "wb") as f:
    f.write(b"x" * 100)
    print(os.path.getsize(path))
print(os.path.getsize(path))

# A file object that is never closed is flushed when it dies.
f = open(path, "w")
f.write("pending")
del f
print(open(path).read())
