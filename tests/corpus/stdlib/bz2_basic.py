# _bz2 (BZ2Compressor/BZ2Decompressor) and the Lib's bz2 module over it: one-shot and
# incremental round trips, max_length/needs_input, unused_data, multi-stream files,
# bz2.open in binary and text modes, and the errors.
import bz2
import io
import os
import pickle
import tempfile
import _bz2

data = b"".join(b"line %d: the quick brown fox jumps over the lazy dog\n" % i for i in range(2000))

# One shot, every level.
for level in (1, 5, 9):
    c = bz2.compress(data, level)
    print(level, c[:4], bz2.decompress(c) == data)

# Incremental compression in pieces.
comp = _bz2.BZ2Compressor()
parts = [comp.compress(data[i:i + 1000]) for i in range(0, len(data), 1000)]
parts.append(comp.flush())
blob = b"".join(parts)
print("pieces", len(parts), bz2.decompress(blob) == data)

# Incremental decompression, byte-sized input chunks.
d = _bz2.BZ2Decompressor()
print("initial", d.eof, d.needs_input, d.unused_data)
out = []
for i in range(0, len(blob), 97):
    out.append(d.decompress(blob[i:i + 97]))
print("chunks", b"".join(out) == data, d.eof, d.needs_input, d.unused_data)

# max_length: bounded output, then the rest with empty input.
d = _bz2.BZ2Decompressor()
first = d.decompress(blob, max_length=100)
print("max_length", len(first), d.needs_input, d.eof)
rest = []
while not d.eof:
    chunk = d.decompress(b"", 5000)
    assert len(chunk) <= 5000
    rest.append(chunk)
print("rest", first + b"".join(rest) == data, d.needs_input)
print("zero", len(_bz2.BZ2Decompressor().decompress(blob, 0)))

# Data after the end of the stream.
d = _bz2.BZ2Decompressor()
print("unused", d.decompress(bz2.compress(b"abc") + b"trailing") , d.unused_data, d.eof)

# Errors.
def err(f):
    try:
        r = f()
    except Exception as e:
        print("  ", type(e).__name__, e)
    else:
        print("  ok", r)

err(lambda: d.decompress(b"more"))
err(lambda: _bz2.BZ2Decompressor().decompress(b"this is not bzip2 data at all"))
err(lambda: _bz2.BZ2Decompressor().decompress("text"))
err(lambda: _bz2.BZ2Compressor(0))
err(lambda: _bz2.BZ2Compressor(10))
err(lambda: _bz2.BZ2Compressor(compresslevel=3))
err(lambda: _bz2.BZ2Compressor(1, 2))
err(lambda: _bz2.BZ2Compressor("9"))
err(lambda: _bz2.BZ2Decompressor(1))
c = _bz2.BZ2Compressor()
c.compress(b"x")
c.flush()
err(lambda: c.compress(b"y"))
err(lambda: c.flush())
err(lambda: pickle.dumps(_bz2.BZ2Compressor()))
err(lambda: pickle.dumps(_bz2.BZ2Decompressor()))
err(lambda: bz2.decompress(bz2.compress(data)[:-10]))
err(lambda: bz2.decompress(b""))
print(_bz2.BZ2Compressor.__module__, _bz2.BZ2Compressor.__name__, _bz2.BZ2Decompressor.__qualname__)

# Multiple streams concatenated; bytearray and memoryview inputs.
two = bz2.compress(b"first ") + bz2.compress(bytearray(b"second"))
print("multi", bz2.decompress(two), bz2.decompress(memoryview(two)))

# The Lib's BZ2File through bz2.open.
with tempfile.TemporaryDirectory() as tmp:
    path = os.path.join(tmp, "t.bz2")
    with bz2.open(path, "wb") as f:
        f.write(data)
        f.write(b"tail\n")
    with bz2.open(path, "rb") as f:
        print("file head", f.read(20))
        f.seek(10)
        print("seek", f.read(10), f.tell())
        print("lines", len(f.readlines()))
    with bz2.open(path, "at", encoding="utf-8") as f:
        f.write("appended stream \u00e9\n")
    with bz2.open(path, "rt", encoding="utf-8") as f:
        lines = f.read().splitlines()
        print("text", len(lines), lines[-2:])
    with open(path, "rb") as raw:
        print("on disk", raw.read(3))

# In-memory file objects.
buf = io.BytesIO()
with bz2.BZ2File(buf, "w", compresslevel=1) as f:
    f.write(b"hello " * 100)
buf.seek(0)
with bz2.BZ2File(buf) as f:
    print("BytesIO", f.read() == b"hello " * 100, f.closed)
err(lambda: bz2.BZ2File(io.BytesIO(b"BZh9garbage")).read())
