# zlib: one-shot and streaming compression for zlib, gzip and raw streams, checksums,
# decompressobj's max_length / unconsumed_tail / unused_data, _ZlibDecompressor, errors.
import zlib

text = b"".join(("line %d of some repetitive text\n" % (i % 17)).encode() for i in range(400))
for level in (0, 1, 6, 9, -1):
    c = zlib.compress(text, level)
    print(level, len(c) < len(text) or level == 0, zlib.decompress(c) == text)
for wbits in (15, 9, -15, -9, 31, 25):
    c = zlib.compress(text, wbits=wbits)
    d = zlib.decompress(c, wbits=wbits)
    print(wbits, d == text, zlib.decompress(c, wbits=47) == text if wbits > 0 else "-")
print(zlib.decompress(zlib.compress(b"")), zlib.decompress(zlib.compress(b"x") + b"trailing"))

co = zlib.compressobj(9, zlib.DEFLATED, -12, 9, zlib.Z_FILTERED)
parts = [co.compress(text[i:i + 1000]) for i in range(0, len(text), 1000)]
parts.append(co.flush(zlib.Z_SYNC_FLUSH))
parts.append(co.compress(b"tail"))
parts.append(co.flush())
stream = b"".join(parts)
print(zlib.decompress(stream, -12) == text + b"tail")
for strategy in (zlib.Z_DEFAULT_STRATEGY, zlib.Z_HUFFMAN_ONLY, zlib.Z_RLE, zlib.Z_FIXED):
    co = zlib.compressobj(strategy=strategy)
    print(strategy, zlib.decompress(co.compress(text) + co.flush()) == text)

c = zlib.compress(text)
do = zlib.decompressobj()
out = do.decompress(c, 100)
print(len(out), len(do.unconsumed_tail) > 0, do.eof)
while do.unconsumed_tail:
    out += do.decompress(do.unconsumed_tail, 5000)
out += do.flush()
print(out == text, do.eof, do.unused_data, do.unconsumed_tail)

do = zlib.decompressobj()
out = b"".join(do.decompress(c[i:i + 7]) for i in range(0, len(c), 7))
print(out == text, do.eof)
do = zlib.decompressobj()
print(do.decompress(c + b"extra bytes") == text, do.unused_data, do.eof)
print(do.decompress(b"more"), do.unused_data)

zd = zlib.compressobj(zdict=b"repetitive text line")
cz = zd.compress(text) + zd.flush()
dd = zlib.decompressobj(zdict=b"repetitive text line")
print(dd.decompress(cz) == text)
zr = zlib.compressobj(wbits=-15, zdict=b"repetitive text")
cr = zr.compress(text) + zr.flush()
print(zlib.decompressobj(wbits=-15, zdict=b"repetitive text").decompress(cr) == text)

zdec = zlib._ZlibDecompressor()
got = zdec.decompress(c, 10)
print(len(got), zdec.needs_input, zdec.eof)
got += zdec.decompress(b"")
print(got == text, zdec.eof, zdec.needs_input, zdec.unused_data)

print(zlib.crc32(b"hello"), zlib.crc32(b"lo", zlib.crc32(b"hel")), zlib.adler32(b"hello"), zlib.adler32(b"abc", 5))
print(zlib.crc32(b""), zlib.adler32(b""), zlib.crc32(memoryview(b"abc")), zlib.crc32(b"abc", -1))
print(zlib.MAX_WBITS, zlib.DEFLATED, zlib.DEF_MEM_LEVEL, zlib.DEF_BUF_SIZE, zlib.Z_BEST_COMPRESSION,
      zlib.Z_DEFAULT_COMPRESSION, zlib.Z_FINISH, zlib.Z_SYNC_FLUSH, zlib.Z_FULL_FLUSH, zlib.Z_BLOCK)


def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)


d = zlib.compress(b"hello world" * 10)
t(lambda: zlib.compress(b"x", 12))
t(lambda: zlib.compressobj(wbits=99))
t(lambda: zlib.compressobj(level=12))
t(lambda: zlib.decompressobj(wbits=99))
t(lambda: zlib.decompress(d, wbits=99))
t(lambda: zlib.decompress(d[:-3]))
t(lambda: zlib.decompress(b"garbage!!"))
t(lambda: zlib.decompress(d[:-1] + b"\x00"))
t(lambda: zlib.decompress(d, wbits=31))
t(lambda: zlib.decompressobj().decompress(d, -1))
t(lambda: zlib.decompressobj().flush(0))
c2 = zlib.compressobj()
c2.compress(b"a")
c2.flush()
t(lambda: c2.compress(b"a"))
t(lambda: c2.flush())
t(lambda: zlib.crc32("x"))
z = zlib._ZlibDecompressor()
z.decompress(d)
t(lambda: z.decompress(b"x"))
print(issubclass(zlib.error, Exception), zlib.error.__module__)
