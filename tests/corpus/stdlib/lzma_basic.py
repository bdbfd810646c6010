# _lzma (LZMACompressor/LZMADecompressor, filters, properties) and the Lib's lzma module
# over it: the .xz, .lzma ("alone") and raw formats, checks, presets, filter chains,
# max_length/needs_input, unused_data, lzma.open, and the errors.
import io
import lzma
import os
import pickle
import tempfile
import _lzma

data = b"".join(b"record %05d: lorem ipsum dolor sit amet\n" % i for i in range(3000))

print(sorted(k for k in dir(_lzma) if k.isupper()))
print(lzma.FORMAT_AUTO, lzma.FORMAT_XZ, lzma.FORMAT_ALONE, lzma.FORMAT_RAW)
print(lzma.CHECK_NONE, lzma.CHECK_CRC32, lzma.CHECK_CRC64, lzma.CHECK_SHA256,
      lzma.CHECK_ID_MAX, lzma.CHECK_UNKNOWN)
print(lzma.FILTER_LZMA1, lzma.FILTER_LZMA2, lzma.FILTER_DELTA, lzma.FILTER_X86)
print(lzma.PRESET_DEFAULT, lzma.PRESET_EXTREME, lzma.MF_BT4, lzma.MODE_NORMAL)
print([lzma.is_check_supported(c) for c in (0, 1, 4, 10, 7)])

# Round trips in each format and check.
for check in (lzma.CHECK_NONE, lzma.CHECK_CRC32, lzma.CHECK_CRC64, lzma.CHECK_SHA256):
    c = lzma.compress(data, check=check)
    d = lzma.LZMADecompressor()
    print("check", check, c[:6], d.check, d.decompress(c) == data, d.check, d.eof)
for preset in (0, 3, 9 | lzma.PRESET_EXTREME):
    print("preset", preset & 0xff, lzma.decompress(lzma.compress(data, preset=preset)) == data)
alone = lzma.compress(data, format=lzma.FORMAT_ALONE)
print("alone", alone[:5], lzma.decompress(alone) == data,
      lzma.decompress(alone, format=lzma.FORMAT_ALONE) == data)

# Custom filter chains.
chains = [
    [{"id": lzma.FILTER_LZMA2, "preset": 1}],
    [{"id": lzma.FILTER_DELTA, "dist": 4}, {"id": lzma.FILTER_LZMA2, "dict_size": 1 << 20}],
    [{"id": lzma.FILTER_X86}, {"id": lzma.FILTER_LZMA2, "lc": 2, "lp": 1, "pb": 1,
                               "mode": lzma.MODE_FAST, "nice_len": 32, "mf": lzma.MF_HC4,
                               "depth": 0}],
]
for chain in chains:
    c = lzma.compress(data, filters=chain)
    print("xz chain", len(chain), lzma.decompress(c) == data)
    raw = lzma.compress(data, format=lzma.FORMAT_RAW, filters=chain)
    print("raw chain", lzma.decompress(raw, format=lzma.FORMAT_RAW, filters=chain) == data)
lz1 = [{"id": lzma.FILTER_LZMA1, "preset": 2}]
c = lzma.compress(data, format=lzma.FORMAT_ALONE, filters=lz1)
print("alone lzma1", lzma.decompress(c) == data)

# Incremental, with max_length and needs_input.
comp = lzma.LZMACompressor()
blob = b"".join(comp.compress(data[i:i + 5000]) for i in range(0, len(data), 5000)) + comp.flush()
d = lzma.LZMADecompressor()
print("initial", d.check, d.eof, d.needs_input, d.unused_data)
out = d.decompress(blob[:200], max_length=50)
print("first", len(out), d.needs_input)
pos, calls = 200, 0
while not d.eof:
    if d.needs_input:
        chunk, pos = blob[pos:pos + 1000], pos + 1000
    else:
        chunk = b""
    more = d.decompress(chunk, 10000)
    assert len(more) <= 10000
    out += more
    calls += 1
print("incremental", out == data, d.needs_input, d.unused_data, calls > 10)

d = lzma.LZMADecompressor()
print("unused", d.decompress(lzma.compress(b"xyz") + b"junk"), d.unused_data, d.eof)

# Filter properties (zipfile's LZMA members use these).
props = lzma._encode_filter_properties({"id": lzma.FILTER_LZMA1})
print("props", props, lzma._decode_filter_properties(lzma.FILTER_LZMA1, props))
print(lzma._encode_filter_properties({"id": lzma.FILTER_LZMA2, "dict_size": 1 << 22}))
print(lzma._decode_filter_properties(lzma.FILTER_LZMA2, b"\x14"))
print(lzma._decode_filter_properties(lzma.FILTER_DELTA, b"\x02"))
print(lzma._decode_filter_properties(lzma.FILTER_X86, b""))

def err(f):
    try:
        r = f()
    except Exception as e:
        print("  ", type(e).__name__, e)
    else:
        print("  ok", r)

err(lambda: d.decompress(b"x"))
err(lambda: lzma.LZMADecompressor().decompress(b"x" * 30))
err(lambda: lzma.decompress(lzma.compress(data)[:-20]))
err(lambda: lzma.LZMACompressor(preset=10))
err(lambda: lzma.LZMACompressor(preset=-1))
err(lambda: lzma.LZMACompressor(format=9))
err(lambda: lzma.LZMACompressor(format=lzma.FORMAT_RAW))
err(lambda: lzma.LZMACompressor(filters=[{"id": 99}]))
err(lambda: lzma.LZMACompressor(filters=[{}]))
err(lambda: lzma.LZMACompressor(filters=[3]))
err(lambda: lzma.LZMACompressor(filters=[{"id": lzma.FILTER_LZMA2, "bogus": 1}]))
err(lambda: lzma.LZMACompressor(filters=[{"id": lzma.FILTER_DELTA, "bogus": 1}]))
err(lambda: lzma.LZMACompressor(filters=[{"id": lzma.FILTER_X86, "start_offset": -1}]))
err(lambda: lzma.LZMACompressor(filters=[{"id": lzma.FILTER_LZMA2}] * 5))
err(lambda: lzma.LZMACompressor(check=lzma.CHECK_CRC32, format=lzma.FORMAT_ALONE))
err(lambda: lzma.LZMACompressor(check=7))
err(lambda: lzma.LZMACompressor(preset=1, filters=[{"id": lzma.FILTER_LZMA2}]))
err(lambda: lzma.LZMACompressor(format=lzma.FORMAT_ALONE, filters=[{"id": lzma.FILTER_LZMA2}]))
err(lambda: lzma.LZMADecompressor(format=lzma.FORMAT_RAW))
err(lambda: lzma.LZMADecompressor(format=lzma.FORMAT_RAW, memlimit=100))
err(lambda: lzma.LZMADecompressor(filters=[{"id": lzma.FILTER_LZMA2}]))
err(lambda: lzma.LZMADecompressor(memlimit=1024).decompress(lzma.compress(data)))
err(lambda: lzma._decode_filter_properties(lzma.FILTER_LZMA1, b"\xff\xff"))
err(lambda: pickle.dumps(lzma.LZMACompressor()))
c = lzma.LZMACompressor()
c.flush()
err(lambda: c.compress(b"x"))
err(lambda: c.flush())
print(_lzma.LZMAError.__module__, issubclass(lzma.LZMAError, Exception),
      _lzma.LZMADecompressor.__module__)

# The Lib's LZMAFile through lzma.open.
with tempfile.TemporaryDirectory() as tmp:
    path = os.path.join(tmp, "t.xz")
    with lzma.open(path, "wb", preset=1) as f:
        f.write(data)
    with lzma.open(path, "ab", check=lzma.CHECK_SHA256) as f:
        f.write(b"second stream\n")
    with lzma.open(path) as f:
        print("file", f.read(26), f.seek(-14, 2), f.read())
    with lzma.open(path, "rt", encoding="utf-8") as f:
        print("text lines", len(f.readlines()))
    with lzma.open(path, "wt", format=lzma.FORMAT_ALONE, encoding="utf-8") as f:
        f.write("caf\u00e9\n")
    with open(path, "rb") as f:
        print("alone file", f.read(5), lzma.decompress(open(path, "rb").read()))
buf = io.BytesIO()
with lzma.LZMAFile(buf, "w", format=lzma.FORMAT_RAW, filters=[{"id": lzma.FILTER_LZMA2}]) as f:
    f.write(b"raw " * 50)
buf.seek(0)
with lzma.LZMAFile(buf, format=lzma.FORMAT_RAW, filters=[{"id": lzma.FILTER_LZMA2}]) as f:
    print("raw file", f.read() == b"raw " * 50)
