# sys.monitoring (PEP 669): RAISE, RERAISE, EXCEPTION_HANDLED and PY_UNWIND, as CPython
# 3.14 reports them.
from _mon import Recorder

rec = Recorder(__file__, ["PY_START", "PY_RETURN", "RAISE", "RERAISE",
                          "EXCEPTION_HANDLED", "PY_UNWIND", "LINE"])


def inner():
    raise KeyError(1)


def middle():
    inner()


def handled():
    try:
        middle()
    except KeyError:
        pass
    return 1


def unmatched():
    try:
        raise ValueError
    except TypeError:
        pass


def reraise():
    try:
        unmatched()
    except ValueError:
        raise


def with_finally():
    try:
        try:
            1 / 0
        finally:
            x = 1
    except ZeroDivisionError:
        x = 2
    return x


def main():
    handled()
    with_finally()
    try:
        reraise()
    except ValueError:
        pass


with rec:
    main()
rec.show("exceptions")
rec.close()
