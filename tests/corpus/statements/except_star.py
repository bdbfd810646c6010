# except* (PEP 654): matching, splitting, re-raising, naming, errors.
import sys
import traceback


def show(e, indent=0):
    pad = " " * indent
    if isinstance(e, BaseExceptionGroup):
        print(f"{pad}{type(e).__name__}({e.message!r}) [")
        for x in e.exceptions:
            show(x, indent + 2)
        print(f"{pad}]")
    else:
        print(f"{pad}{type(e).__name__}({e})")


def run(f):
    try:
        f()
        print("-> no exception")
    except BaseException as e:
        print("-> escaped:")
        show(e, 2)


def t1():
    try:
        raise ExceptionGroup("eg", [ValueError(1), TypeError(2), ValueError(3)])
    except* ValueError as e:
        print("ValueError part:")
        show(e, 2)
        print("handled:", sys.exception() is e)
    except* TypeError as e:
        print("TypeError part:")
        show(e, 2)
run(t1)


def t2():
    try:
        raise ExceptionGroup("eg", [ValueError(1), KeyError(2), OSError(3)])
    except* ValueError:
        print("got ValueError")
run(t2)


def t3():
    # A bare exception is wrapped for the handler.
    try:
        raise ValueError("bare")
    except* ValueError as e:
        print("wrapped:", type(e).__name__, repr(e.message), e.exceptions)
run(t3)


def t4():
    # A bare exception that matches nothing propagates unchanged.
    try:
        raise KeyError("k")
    except* ValueError:
        print("not here")
run(t4)


def t5():
    # A bare `raise` re-raises the matched part, in the original's shape.
    try:
        raise ExceptionGroup("outer", [ValueError(1), ExceptionGroup("inner", [ValueError(2), TypeError(3)])])
    except* ValueError:
        raise
run(t5)


def t6():
    # A new exception raised in a handler is grouped with the unhandled rest.
    try:
        raise ExceptionGroup("eg", [ValueError(1), TypeError(2)])
    except* ValueError as e:
        raise RuntimeError("from handler") from None
run(t6)


def t7():
    try:
        raise ExceptionGroup("eg", [ValueError(1), TypeError(2)])
    except* ValueError:
        raise KeyError("a")
    except* TypeError:
        raise KeyError("b")
run(t7)


def t8():
    try:
        raise ValueError("bare")
    except* ValueError:
        raise
run(t8)


def t9():
    # else and finally.
    try:
        print("body ok")
    except* ValueError:
        print("not here")
    else:
        print("else runs")
    finally:
        print("finally runs")
    try:
        raise ExceptionGroup("eg", [ValueError(1)])
    except* ValueError:
        print("handled")
    else:
        print("not here")
    finally:
        print("finally after handler")
run(t9)


def t10():
    # Tuples of types; the name is unbound after the clause.
    try:
        raise ExceptionGroup("eg", [ValueError(1), TypeError(2), KeyError(3)])
    except* (ValueError, TypeError) as e:
        show(e, 2)
    try:
        e
    except NameError as ne:
        print("NameError:", ne)
run(t10)


def t11():
    try:
        raise ExceptionGroup("eg", [ValueError(1)])
    except* ExceptionGroup:
        pass
run(t11)


def t12():
    try:
        raise ExceptionGroup("eg", [ValueError(1)])
    except* 42:
        pass
run(t12)


def t13():
    # Context: an exception raised in a handler has the matched part as context.
    try:
        try:
            raise ExceptionGroup("eg", [ValueError(1)])
        except* ValueError as e:
            raise KeyError("x")
    except ExceptionGroup as g:
        k = g.exceptions[0]
        print(type(k).__name__, type(k.__context__).__name__, k.__context__.exceptions)
    print("after:", sys.exception())
run(t13)


def t14():
    # Loops inside a clause may break and continue.
    try:
        raise ExceptionGroup("eg", [ValueError(1)])
    except* ValueError:
        for i in range(5):
            if i == 1:
                continue
            if i == 3:
                break
            print("loop", i)
run(t14)


def t15():
    # Subclass of ExceptionGroup with derive.
    class MyEG(ExceptionGroup):
        def derive(self, excs):
            return MyEG(self.message, excs)
    try:
        raise MyEG("mine", [ValueError(1), TypeError(2)])
    except* ValueError as e:
        print(type(e).__name__)
run(t15)


def t16():
    # Nested except* inside except*.
    try:
        raise ExceptionGroup("a", [ValueError(1), TypeError(2)])
    except* ValueError:
        try:
            raise ExceptionGroup("b", [OSError(3)])
        except* OSError as inner:
            print("inner", inner.exceptions)
run(t16)

for src in [
    "try:\n    pass\nexcept* ValueError:\n    break\n",
    "for x in y:\n    try:\n        pass\n    except* ValueError:\n        continue\n",
    "def f():\n    try:\n        pass\n    except* ValueError:\n        return 1\n",
]:
    try:
        compile(src, "<s>", "exec")
    except SyntaxError as e:
        print("SyntaxError:", e.msg, e.lineno)


def f(*args: *tuple[int, ...]): pass
print(f.__annotations__)

try:
    raise ExceptionGroup("tb", [ValueError(1), TypeError(2)])
except* ValueError:
    pass
