# Text-mode files: write, read back several ways, append, iteration, context manager.
P = "/tmp/gilvm-io-test-text-basic.txt"

with open(P, "w") as f:
    print(type(f).__name__, f.name == P, f.mode, f.closed)
    print(f.write("hello\n"))
    print(f.write("wörld ünïcode €\n"))
    f.writelines(["a\n", "b\n", "c"])
    print(f.writable(), f.readable())
print(f.closed)

with open(P) as f:
    print(repr(f.read()))

with open(P, encoding="utf-8") as f:
    print(repr(f.readline()))
    print(repr(f.readline()))
    print(repr(f.read(3)))
    print(repr(f.read(2)))
    print(repr(f.read()))
    print(repr(f.read()))
    print(repr(f.readline()))

with open(P, "r") as f:
    print(f.readlines())

with open(P) as f:
    for i, line in enumerate(f):
        print(i, repr(line))

f = open(P)
print([l.rstrip("\n") for l in f])
f.close()
f.close()
print(f.closed)

with open(P, "a") as f:
    print(f.mode, f.write("\nappended"))
with open(P, "rt") as f:
    print(f.read().splitlines())

# Lines and sizes.
with open(P) as f:
    print(repr(f.readline(3)), repr(f.readline(100)))
    print(f.readlines(5))

with open(P, "w") as f:
    f.write("")
with open(P) as f:
    print(repr(f.read()), repr(f.readline()), f.readlines(), list(f))
