# Universal newlines on read; binary mode keeps bytes as they are.
P = "/tmp/gilvm-io-test-newlines.bin"

with open(P, "wb") as f:
    print(f.write(b"one\r\ntwo\rthree\nfour\r\n\r\nend"))

with open(P) as f:
    print(repr(f.read()))
with open(P) as f:
    print(f.readlines())
with open(P) as f:
    print(repr(f.read(5)), repr(f.read(4)), repr(f.readline()))
with open(P, "rb") as f:
    print(f.read())
with open(P, "rb") as f:
    print(f.readlines())
with open(P, "rb") as f:
    print(f.read(4), f.readline(), f.read(3))
    print(f.tell())
    f.seek(0)
    print(f.readline())
    f.seek(-3, 2)
    print(f.read(), f.tell())

# A long file crosses the read buffer.
with open(P, "w") as f:
    for i in range(20000):
        f.write("line %d\r\n" % i if i % 2 else "line %d\n" % i)
with open(P) as f:
    lines = f.readlines()
print(len(lines), lines[0], lines[19999], all(l.endswith("\n") and "\r" not in l for l in lines))
with open(P) as f:
    n = 0
    total = 0
    for line in f:
        n += 1
        total += len(line)
print(n, total)
with open(P) as f:
    s = f.read()
print(len(s), s.count("\n"), s.count("\r"))

with open(P, "w") as f:
    f.write("")
