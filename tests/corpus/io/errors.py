# open() errors: CPython's OSError subclasses, closed files, wrong modes.
P = "/tmp/gilvm-io-test-errors.txt"
try:
    open("/tmp/gilvm-io-test-does-not-exist/x.txt")
except FileNotFoundError as e:
    print(type(e).__name__, isinstance(e, OSError))
    print(e)
    print(e.errno, e.strerror, e.filename)
    print(e.args, repr(e))
try:
    open("missing-gilvm-file.txt")
except OSError as e:
    print(repr(str(e)))
try:
    open("/tmp")
except IsADirectoryError as e:
    print(e)
try:
    open("/tmp", "w")
except IsADirectoryError as e:
    print(e)

with open(P, "w") as f:
    f.write("x")
try:
    open(P, "x")
except FileExistsError as e:
    print(e, e.errno)

f = open(P)
f.close()
for op in (lambda: f.read(), lambda: f.readline(), lambda: f.write("a"), lambda: list(f), lambda: f.tell()):
    try:
        op()
    except ValueError as e:
        print("ValueError:", e)

with open(P) as f:
    try:
        f.write("nope")
    except OSError as e:
        print("error:", e)
with open(P, "w") as f:
    try:
        f.read()
    except OSError as e:
        print("error:", e)
for mode in ("rw", "q", "rr", "rbt", ""):
    try:
        open(P, mode)
    except ValueError as e:
        print("ValueError:", e)
try:
    open(P, "rb", encoding="utf-8")
except ValueError as e:
    print("ValueError:", e)
try:
    open(P, encoding="no-such-codec")
except LookupError as e:
    print("LookupError:", e)
try:
    open(3.5)
except TypeError as e:
    print("TypeError:", e)

e = OSError(2, "No such file or directory")
print(e, e.errno, e.strerror, e.filename)
with open(P, "wb") as f:
    f.write(b"ok \xff\xfe")
with open(P) as f:
    try:
        f.read()
    except UnicodeDecodeError as e:
        print("UnicodeDecodeError")
with open(P, "w") as f:
    pass
open("/tmp/gilvm-io-test-does-not-exist/y.txt")
