# atexit: LIFO order, arguments, unregister, an exception in a callback is reported and
# the others still run; SystemExit's status is kept.
import atexit
import sys


def greet(name, punct="!"):
    print("bye", name + punct)


class Fails:
    """A callable with a stable repr (the report names the callback)."""

    def __repr__(self):
        return "<Fails>"

    def __call__(self):
        raise ValueError("callback failed")


fails = Fails()


@atexit.register
def first():
    print("first registered, last run")


print(atexit.register(greet, "world", punct="?") is greet)
atexit.register(fails)
atexit.register(greet, "again")
atexit.register(print, "never")
atexit.unregister(print)
print(atexit._ncallbacks())


def temp():
    print("temp ran")


atexit.register(temp)
atexit.register(temp)
print(atexit._ncallbacks())
atexit._run_exitfuncs()
print(atexit._ncallbacks())
atexit.register(first)
atexit.register(greet, "world", punct="?")
atexit.register(fails)
atexit.register(greet, "again")
try:
    atexit.register(42)
except TypeError as e:
    print("TypeError", e)
try:
    print("main done")
    sys.exit(4)
finally:
    print("finally")
