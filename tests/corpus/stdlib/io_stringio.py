# io.StringIO / BytesIO: writing, reading, seeking, overwriting, closing; print() to a
# replaced sys.stdout (a StringIO, then None) and back to sys.__stdout__.
import io, sys
s = io.StringIO()
print("hello", 1, file=s)
s.write("world\n")
print(repr(s.getvalue()), s.tell())
s.seek(0)
print(repr(s.readline()), repr(s.read()))
s.seek(2); s.write("XY"); print(repr(s.getvalue()))
print(list(io.StringIO("a\nb\nc")))
old = sys.stdout
buf = io.StringIO()
sys.stdout = buf
print("captured", [1, 2])
sys.stdout = old
print("got", repr(buf.getvalue()))
try:
    s.write(5)
except TypeError as e:
    print(e)
s.close()
try:
    s.getvalue()
except ValueError as e:
    print(e)
print(issubclass(io.UnsupportedOperation, OSError), issubclass(io.UnsupportedOperation, ValueError))
b = io.BytesIO(b"abc")
b.seek(0, 2); b.write(b"de"); print(b.getvalue(), b.tell())
with io.StringIO("x\ny\n") as f:
    print(f.readlines())
print(f.closed)
t = io.StringIO("ab"); t.seek(5); t.write("c"); print(repr(t.getvalue()))
u = io.StringIO("a\r\nb", newline=None); print(repr(u.getvalue()))
sys.stdout = None
print("vanishes")
sys.stdout = sys.__stdout__
print("back")
b2 = io.BytesIO(); b2.close()
try:
    b2.read()
except ValueError as e:
    print(e)
