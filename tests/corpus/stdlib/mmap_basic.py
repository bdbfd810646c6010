# mmap: anonymous and file-backed maps, reading, writing, slicing, find/rfind, seek,
# flush, resize, move, the access modes, the context manager and the errors.
import mmap
import os
import tempfile


def err(f):
    try:
        r = f()
    except Exception as e:
        print("  ", type(e).__name__, e)
    else:
        print("  ok", r)


print(mmap.ACCESS_DEFAULT, mmap.ACCESS_READ, mmap.ACCESS_WRITE, mmap.ACCESS_COPY)
print(mmap.PAGESIZE == mmap.ALLOCATIONGRANULARITY, mmap.PAGESIZE % 4096 == 0)
print(mmap.error is OSError, mmap.MAP_SHARED, mmap.MAP_PRIVATE, mmap.PROT_READ, mmap.PROT_WRITE)

# Anonymous memory.
m = mmap.mmap(-1, 32)
print(len(m), m[:4], m.tell(), m.closed)
err(lambda: m.size())
print(m.write(b"hello mmap world"), m.tell())
m.seek(0)
print(m.read(5), m.read_byte(), m.tell())
print(m.readline(), m.tell())
m[0] = ord("H")
m[6:10] = b"MMAP"
print(m[:16], m[0], m[-1], m[::2][:8], m[15:5:-3])
print(m.find(b"o"), m.find(b"o", 5), m.rfind(b"o"), m.find(b"zz"), m.find(b"world", 0, 12))
print(m.seek(0), m.find(b"o"), m.seek(-4, 2), m.tell(), m.seek(2, 1), m.tell())
m.move(0, 6, 4)
print(m[:10])
m.seek(0)
print(m.write_byte(0x41), m[:1])
print(repr(m))
err(lambda: m[32])
err(lambda: m.__setitem__(0, 300))
err(lambda: m.__setitem__(slice(0, 4), b"toolong"))
err(lambda: m.seek(33))
err(lambda: m.seek(-1))
m.seek(30)
err(lambda: m.write(b"xyz"))
m.seek(32)
err(lambda: m.read_byte())
err(lambda: m.move(30, 0, 5))
err(lambda: m.__delitem__(0))
err(lambda: m.resize(64))
m.resize(16)
print("shrunk", len(m), m[:5], m.tell())
p = mmap.mmap(-1, 8, flags=mmap.MAP_PRIVATE)
p.write(b"private!")
p.resize(mmap.PAGESIZE * 2)
print("grown", len(p) == mmap.PAGESIZE * 2, p[:10])
p.close()
err(lambda: mmap.mmap(-1, 0))
m.close()
print(m.closed, repr(m))
err(lambda: m.read())
err(lambda: m[0])
err(lambda: len(m))
m.close()

with mmap.mmap(-1, 13) as m2:
    m2.write(b"context works")
    print(m2[:])
print(m2.closed)

err(lambda: mmap.mmap(-1, -1))
err(lambda: mmap.mmap(-1, 10, offset=-1))
err(lambda: mmap.mmap(-1, 10, access=9))
err(lambda: mmap.mmap(-1, 10, flags=mmap.MAP_PRIVATE, access=mmap.ACCESS_READ))

# File-backed maps.
with tempfile.TemporaryDirectory() as tmp:
    path = os.path.join(tmp, "data.bin")
    with open(path, "wb") as f:
        f.write(b"0123456789abcdef" * 512)
    with open(path, "r+b") as f:
        mm = mmap.mmap(f.fileno(), 0)
        print("file", len(mm), mm.size(), mm[:16], mm.find(b"f0"))
        mm[0:4] = b"ABCD"
        print(mm.flush(), mm.flush(0, mmap.PAGESIZE))
        err(lambda: mm.flush(0, len(mm) + 1))
        mm.resize(10000)
        print("resized", len(mm), mm.size(), os.path.getsize(path))
        mm.close()
    with open(path, "rb") as f:
        print("on disk", f.read(8), len(f.read()))
        ro = mmap.mmap(f.fileno(), 0, access=mmap.ACCESS_READ)
        print("readonly", ro[:8], ro.rfind(b"ef"))
        err(lambda: ro.__setitem__(0, 1))
        err(lambda: ro.write(b"x"))
        err(lambda: ro.resize(10))
        ro.close()
        with mmap.mmap(f.fileno(), mmap.PAGESIZE, offset=mmap.PAGESIZE, prot=mmap.PROT_READ) as part:
            print("offset", len(part), part[:4], repr(part))
        err(lambda: mmap.mmap(f.fileno(), 20000, access=mmap.ACCESS_READ))
        err(lambda: mmap.mmap(f.fileno(), 0, offset=20000, access=mmap.ACCESS_READ))
    with open(path, "r+b") as f:
        cow = mmap.mmap(f.fileno(), 0, access=mmap.ACCESS_COPY)
        cow[:4] = b"copy"
        print("copy", cow[:4], cow.flush())
        cow.close()
    with open(path, "rb") as f:
        print("unchanged", f.read(4))
    empty = os.path.join(tmp, "empty")
    open(empty, "wb").close()
    with open(empty, "rb") as f:
        err(lambda: mmap.mmap(f.fileno(), 0, access=mmap.ACCESS_READ))
