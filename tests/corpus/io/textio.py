# TextIOWrapper: encodings, errors, newline modes, seek/tell cookies, reconfigure, detach.
import io

raw = io.BytesIO("a\r\nbé\rc\nd".encode())
t = io.TextIOWrapper(raw, encoding="utf-8")
print(repr(t.read()), t.newlines)
for nl in ("", "\n", "\r", "\r\n"):
    t = io.TextIOWrapper(io.BytesIO(b"a\r\nb\rc\nd"), encoding="ascii", newline=nl)
    print(repr(nl), [line for line in t])

out = io.BytesIO()
t = io.TextIOWrapper(out, encoding="latin-1", newline="\r\n")
print(t.write("x\ny\xe9\n"), t.encoding, t.errors)
t.flush()
print(out.getvalue())
try:
    t.write("\u20ac")
except UnicodeEncodeError as e:
    print("UnicodeEncodeError:", e)
for errors in ("replace", "ignore", "backslashreplace", "xmlcharrefreplace"):
    o = io.BytesIO()
    w = io.TextIOWrapper(o, encoding="ascii", errors=errors)
    w.write("é€x")
    w.flush()
    print(errors, o.getvalue())
for errors in ("strict", "replace", "ignore", "backslashreplace"):
    r = io.TextIOWrapper(io.BytesIO(b"ok\xff\xfe!"), encoding="utf-8", errors=errors)
    try:
        print(errors, repr(r.read()))
    except UnicodeDecodeError as e:
        print(errors, "UnicodeDecodeError:", e)
try:
    io.TextIOWrapper(io.BytesIO(), encoding="no-such-codec")
except LookupError as e:
    print("LookupError:", e)

# tell/seek cookies over multi-byte characters and translated newlines.
data = "héllo\r\nwörld\nlast".encode()
t = io.TextIOWrapper(io.BytesIO(data), encoding="utf-8")
marks = []
while True:
    pos = t.tell()
    line = t.readline()
    if not line:
        break
    marks.append((pos, line))
print(marks)
for pos, line in marks:
    t.seek(pos)
    print(pos, repr(t.readline()))
t.seek(0)
print(repr(t.read(3)), t.tell(), repr(t.read(2)), t.tell())
t.seek(0, 2)
print(t.tell(), repr(t.read()))
for op in (lambda: t.seek(1, 1), lambda: t.seek(-1, 2), lambda: t.seek(-1), lambda: t.seek(0, 3)):
    try:
        op()
    except (OSError, ValueError) as e:
        print(type(e).__name__, e)
t.seek(0)
for line in t:
    pass
try:
    t.tell()
except OSError as e:
    print("OSError:", e)

# Small chunks: lines and characters split across reads.
t = io.TextIOWrapper(io.BytesIO("αβγ\r\nδ\rε".encode()), encoding="utf-8")
t._CHUNK_SIZE = 1
print(t._CHUNK_SIZE, [t.readline() for _ in range(4)])

b = io.BytesIO()
t = io.TextIOWrapper(b, encoding="utf-8", line_buffering=True)
t.write("no newline")
print(b.getvalue())
t.write("\n")
print(b.getvalue())
t.reconfigure(line_buffering=False, newline="\r\n")
t.write("z\n")
print(b.getvalue(), t.line_buffering)
t.flush()
print(b.getvalue())
t.reconfigure(encoding="ascii", errors="replace")
t.write("é")
t.flush()
print(b.getvalue(), t.encoding, t.errors)
print(t.detach() is b)
try:
    t.write("x")
except ValueError as e:
    print("ValueError:", e)

r = io.TextIOWrapper(io.BytesIO(b"abc\ndef"), encoding="utf-8")
r.readline()
try:
    r.reconfigure(encoding="latin-1")
except io.UnsupportedOperation as e:
    print("UnsupportedOperation:", e)

d = io.IncrementalNewlineDecoder(None, translate=True)
print(repr(d.decode("a\r")), repr(d.decode("\nb\r")), repr(d.decode("", final=True)), d.newlines)
print(d.getstate())
d.reset()
print(d.newlines, repr(d.decode("x\n")))
