# The _io stack: open() builds TextIOWrapper on Buffered* on FileIO, with CPython's reprs,
# attributes and errors.
import io, os, sys

path = f"/tmp/gilvm_io_stack_{os.getpid()}.txt"

f = open(path, "w", encoding="utf-8")
print(type(f).__name__, type(f.buffer).__name__, type(f.buffer.raw).__name__)
print(repr(f).replace(path, "PATH"), f.mode, f.encoding, f.errors, f.line_buffering)
print(repr(f.buffer).replace(path, "PATH"), repr(f.buffer.raw).replace(path, "PATH"))
print(f.buffer.raw.mode, f.buffer.raw.closefd, f.writable(), f.readable(), f.seekable())
print(f.write("héllo\n"), f.tell())
f.writelines(["a\n", "b\n"])
f.close()
print(f.closed, f.buffer.closed, f.buffer.raw.closed, repr(f.buffer.raw))
for op in (lambda: f.write("x"), lambda: f.read(), f.flush):
    try:
        op()
    except ValueError as e:
        print("ValueError", e)

for mode in ("rb", "rb+", "ab", "wb", "xb"):
    try:
        with open(path, mode) as b:
            print(mode, type(b).__name__, b.mode, b.raw.mode)
    except FileExistsError as e:
        print(mode, type(e).__name__, e.errno)

with open(path, "w") as f:
    f.write("héllo\nworld\n")
with open(path, "rb", buffering=0) as r:
    print(type(r).__name__, r.read(3), r.readall())
with open(path, encoding="utf-8") as f:
    print([line for line in f])

for args in [("rw",), ("rt+b",), ("",), ("q",), ("rr",), ("r", 0)]:
    try:
        open(path, *args)
    except ValueError as e:
        print(args, "ValueError:", e)
for kw in [{"encoding": "utf-8"}, {"errors": "strict"}, {"newline": ""}]:
    try:
        open(path, "rb", **kw)
    except ValueError as e:
        print("ValueError:", e)
try:
    open(path, newline="x")
except ValueError as e:
    print("ValueError:", e)
try:
    open(path, encoding=3)
except TypeError as e:
    print("TypeError:", e)
try:
    open(3.5)
except TypeError as e:
    print("TypeError:", e)
try:
    open(path + ".missing")
except FileNotFoundError as e:
    print(type(e).__name__, e.errno, e.strerror, e.filename == path + ".missing")
try:
    open("/tmp")
except IsADirectoryError as e:
    print(type(e).__name__, e.errno)
try:
    open(path).write("x")
except io.UnsupportedOperation as e:
    print("UnsupportedOperation:", e, isinstance(e, OSError), isinstance(e, ValueError))
try:
    open(path, "w").read()
except io.UnsupportedOperation as e:
    print("UnsupportedOperation:", e)

raw = open(path, "rb", buffering=0)
fd = raw.fileno()
with open(fd, "rb", closefd=False) as b:
    print(b.name == fd, b.read(5), b.raw.closefd)
print(raw.closed, raw.read(3))
raw.close()
try:
    io.FileIO(path, closefd=False)
except ValueError as e:
    print("ValueError:", e)

print(io.DEFAULT_BUFFER_SIZE, io.text_encoding("ascii"))
print(io.UnsupportedOperation.__module__, [c.__name__ for c in io.UnsupportedOperation.__mro__])
print(issubclass(io.BlockingIOError, OSError), open is io.open)
print(sys.stdout.name, sys.stderr.name, sys.stdin.name, sys.stdout.encoding, sys.stdout.errors)
