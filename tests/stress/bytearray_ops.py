# bytearray operations from 2 and 4 threads on one bytearray: append/extend/+= lose no
# byte and extend/+= go in as one block; pop hands each byte out once; slice assignment
# and deletion never tear; a memoryview's export blocks every resize while it lives.
from _threads import run_threads

N = 3000


def appends(n):
    b = bytearray()

    def w(t):
        nonlocal b
        for i in range(N):
            if i % 3 == 0:
                b.append(t)
            elif i % 3 == 1:
                b.extend(bytes([t]) * 4)
            else:
                b += bytes([t]) * 8

    run_threads(n, w)
    assert len(b) == n * (N // 3) * 13, len(b)
    for t in range(n):
        assert b.count(t) == (N // 3) * 13, (t, b.count(t))


def pops(n):
    b = bytearray(range(200)) * 20
    total = len(b)
    got = [[] for _ in range(n)]

    def w(t):
        mine = got[t]
        while True:
            try:
                mine.append(b.pop())
            except IndexError:
                return

    run_threads(n, w)
    allv = sorted(x for g in got for x in g)
    assert len(allv) == total and allv == sorted(list(range(200)) * 20), len(allv)


def blocks(n):
    b = bytearray()

    def w(t):
        for i in range(500):
            b.extend(bytes([t * 50 + i % 50]) * 10)

    run_threads(n, w)
    assert len(b) == n * 500 * 10, len(b)
    for k in range(0, len(b), 10):
        blk = b[k:k + 10]
        assert blk == bytes([blk[0]]) * 10, ("interleaved extend", bytes(blk))


def slices(n):
    b = bytearray(b"ab" * 500)

    def w(t):
        for i in range(N):
            if t % 2:
                b[0:2] = b"xy" if i % 2 else b"ab"
            else:
                del b[-2:]
                b.extend(b"cd")

    run_threads(n, w)
    assert len(b) == 1000, len(b)
    assert b[0:2] in (b"xy", b"ab"), bytes(b[0:2])


def exports(n):
    # One thread writes through views while the others append: every append either
    # happens (no view alive at that moment) or is refused with BufferError, and no
    # write through a view is lost or lands in a moved buffer.
    b = bytearray(b"0123456789")
    appended = [0] * n

    def w(t):
        for i in range(500):
            if t == 0:
                with memoryview(b) as m:
                    m[0] = 48 + i % 10
            else:
                try:
                    b.append(65)
                    appended[t] += 1
                except BufferError:
                    pass

    run_threads(n, w)
    assert b[0] == 48 + 499 % 10, bytes(b[:1])
    assert b[1:] == b"123456789" + b"A" * sum(appended), bytes(b)


for n in (2, 4):
    appends(n)
    pops(n)
    blocks(n)
    slices(n)
    exports(n)
print("OK")
