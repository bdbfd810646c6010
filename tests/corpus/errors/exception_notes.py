# BaseException.add_note and __notes__ (PEP 678), printed after the message by the traceback.
try:
    raise ValueError("bad value")
except ValueError as e:
    print(hasattr(e, "__notes__"))
    e.add_note("first note")
    e.add_note("second\nnote")
    print(e.__notes__)
try:
    ValueError().add_note(3)
except TypeError as e:
    print("TypeError:", e)
e = KeyError("k")
e.__notes__ = "not a list"
try:
    e.add_note("x")
except TypeError as t:
    print("TypeError:", t)


def fail():
    err = RuntimeError("outer failure")
    err.add_note("while doing the thing")
    raise err


fail()
