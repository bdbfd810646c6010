# Traceback objects: __traceback__, tb_next/tb_frame/tb_lineno, TracebackType, with_traceback.
import sys


def boom():
    return 1 / 0


def middle():
    return boom()


def chain(tb):
    out = []
    while tb is not None:
        out.append((tb.tb_frame.f_code.co_name, tb.tb_lineno))
        tb = tb.tb_next
    return out


try:
    middle()
except ZeroDivisionError as e:
    tb = e.__traceback__
    T = type(tb)
    print(T.__name__, T.__module__)
    print(chain(tb))
    print("exc_info", sys.exc_info()[2] is tb)
    print("lasti", type(tb.tb_lasti).__name__)
    print("frame", tb.tb_frame.f_code.co_name, tb.tb_frame is sys._getframe())
    saved = tb

# The frames of a traceback outlive their calls.
inner = saved.tb_next.tb_next
print("inner frame", inner.tb_frame.f_code.co_name, inner.tb_frame.f_back.f_code.co_name)

# The constructor and its checks.
here = sys._getframe()
for bad in [(1, here, 0, 1), (None, 1, 0, 1), (None, here, "x", 1), (None, here, 0, "y")]:
    try:
        T(*bad)
    except TypeError as ex:
        print("TypeError", ex)
try:
    T()
except TypeError as ex:
    print("TypeError", ex)
t2 = T(None, here, 4, 99)
print(t2.tb_lineno, t2.tb_lasti, t2.tb_next, t2.tb_frame is here)
t3 = T(t2, here, 6, 100)
print(chain(t3))

# tb_next assignment.
for v in (5, t2, t3):
    try:
        t2.tb_next = v
    except (TypeError, ValueError) as ex:
        print(type(ex).__name__, ex)
try:
    del t2.tb_next
except TypeError as ex:
    print("TypeError", ex)
try:
    t2.tb_lineno = 3
except AttributeError as ex:
    print("AttributeError", ex)
t3.tb_next = None
print(chain(t3))
t3.tb_next = t2

# __traceback__ and with_traceback.
e = ValueError("x")
print(e.__traceback__, e.with_traceback(t3) is e, e.__traceback__ is t3)
for bad in (5, "tb"):
    try:
        e.__traceback__ = bad
    except TypeError as ex:
        print("TypeError", ex)
    try:
        e.with_traceback(bad)
    except TypeError as ex:
        print("TypeError", ex)
e.__traceback__ = None
print(e.__traceback__)
try:
    raise e.with_traceback(t3)
except ValueError as e2:
    print([ln for _, ln in chain(e2.__traceback__)][1:])


# Re-raising keeps and extends the traceback.
def reraiser():
    try:
        middle()
    except ZeroDivisionError:
        raise


try:
    reraiser()
except ZeroDivisionError as e3:
    print([n for n, _ in chain(e3.__traceback__)])


# A traceback set before raising is printed as the new entries followed by the old.
def fail_with(tb):
    raise KeyError("k").with_traceback(tb)


fail_with(saved)
