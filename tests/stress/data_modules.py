# Shared objects of the data modules (array.array, a hash object, a zlib stream, a
# Struct): each operation is atomic, as CPython's per-object locks make it.
import array
import hashlib
import struct
import zlib

from _threads import run_threads

N_THREADS = 4
N = 3000

arr = array.array("i")
h = hashlib.sha256()
pieces = [bytes([t]) * 64 for t in range(N_THREADS)]
st = struct.Struct("<iq")
co = zlib.compressobj()
out = []


def worker(t):
    for i in range(N):
        arr.append(t * N + i)
        if i % 3 == 0:
            arr.extend(array.array("i", [-1, -1]))
        if i % 7 == 0 and len(arr) > 10:
            arr[5] = arr[5]
        h.update(pieces[t])
        assert st.unpack(st.pack(t, i)) == (t, i)
        if i % 50 == 0:
            out.append(co.compress(pieces[t] * 4))
        if i % 100 == 0:
            h.copy().hexdigest()


run_threads(N_THREADS, worker)
vals = [x for x in arr if x >= 0]
assert sorted(vals) == list(range(N_THREADS * N)), "array items lost or duplicated"
assert arr.count(-1) == 2 * N_THREADS * ((N + 2) // 3), arr.count(-1)
# Each update fed one whole block: the digest is that of some order of the blocks.
assert len(h.hexdigest()) == 64
out.append(co.flush())
data = zlib.decompress(b"".join(out))
assert len(data) == 256 * N_THREADS * ((N + 49) // 50), len(data)
print("OK")
