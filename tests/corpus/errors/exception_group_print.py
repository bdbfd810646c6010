# How uncaught exception groups print (nested groups, causes, notes, width limit).
import sys
import traceback

def nested():
    try:
        raise ValueError("inner cause")
    except ValueError as c:
        e = KeyError("k")
        e.__cause__ = c
    g = ExceptionGroup("inner", [TypeError("t"), e])
    g.add_note("a note on inner")
    raise ExceptionGroup("outer", [g, OSError("os")] + [IndexError(i) for i in range(17)])

try:
    nested()
except ExceptionGroup as g:
    sys.excepthook(type(g), g, g.__traceback__)

def plain():
    raise BaseExceptionGroup("base", [KeyboardInterrupt(), ValueError(1)])

try:
    plain()
except BaseExceptionGroup as g:
    sys.excepthook(type(g), g, g.__traceback__)
print("done", flush=True)
raise ExceptionGroup("last", [ExceptionGroup("deep", [ValueError(2)])])
