# contextlib.redirect_stdout / redirect_stderr: print() and sys.stdout.write() go to the
# target inside the block, the previous stream comes back after it, also when nested.
import io, sys
from contextlib import redirect_stdout, redirect_stderr
f = io.StringIO()
with redirect_stdout(f) as t:
    print("inside", t is f)
    sys.stdout.write("written\n")
print("outside:", repr(f.getvalue()))
g = io.StringIO()
with redirect_stderr(g):
    print("to err", file=sys.stderr)
print(repr(g.getvalue()))
r = redirect_stdout(io.StringIO())
with r:
    with r:
        print("nested")
print("restored", sys.stdout is sys.__stdout__)
