# Binary mode: bytes in and out, seek/tell, modes and types.
P = "/tmp/gilvm-io-test-binary.bin"

with open(P, "wb") as f:
    print(type(f).__name__, f.mode)
    print(f.write(b"\x00\x01\x02abc\xff"))
    print(f.write(bytes(range(5))))
    print(f.tell())
with open(P, "ab") as f:
    print(type(f).__name__, f.mode, f.tell())
    f.write(b"tail")
with open(P, "rb") as f:
    print(type(f).__name__, f.mode)
    data = f.read()
    print(data, len(data))
    print(f.read(), f.tell())
    f.seek(3)
    print(f.read(3), f.tell())
    print(f.seek(0, 2))
with open(P, "rb") as f:
    print(list(f))
try:
    with open(P, "wb") as f:
        f.write("text")
except TypeError as e:
    print("TypeError:", e)
try:
    with open(P, "w") as f:
        f.write(b"bytes")
except TypeError as e:
    print("TypeError:", e)

# Text-mode seek/tell.
with open(P, "w") as f:
    f.write("abc\ndef\n")
with open(P) as f:
    print(repr(f.readline()), f.tell())
    f.seek(0)
    print(repr(f.read()))
    print(f.seek(0, 2))
with open(P, "r+") as f:
    print(f.mode, repr(f.read(2)))
    f.seek(0)
    f.write("XY")
    f.seek(0)
    print(repr(f.read()))
with open(P, "w") as f:
    f.write("")
