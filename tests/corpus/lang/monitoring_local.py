# sys.monitoring (PEP 669): local events (set_local_events), DISABLE and restart_events(),
# the callback arguments (code, offset, line, MISSING), a callback's errors, and a
# coverage-style line collector, as CPython 3.14.
import sys

mon = sys.monitoring
E = mon.events
TOOL = 4


def classify(n):
    if n < 0:
        kind = "negative"
    elif n == 0:
        kind = "zero"
    else:
        kind = "positive"
        if n % 2:
            kind += " odd"
    return kind


def other(n):
    return n * 2


mon.use_tool_id(TOOL, "local")

# Local events: only the code objects named get them.
seen = []
def on_line(code, line):
    seen.append((code.co_name, line))
mon.register_callback(TOOL, E.LINE, on_line)
mon.set_local_events(TOOL, classify.__code__, E.LINE)
print(mon.get_local_events(TOOL, classify.__code__), mon.get_local_events(TOOL, other.__code__),
      mon.get_events(TOOL))
classify(3)
other(1)
classify(-1)
mon.set_local_events(TOOL, classify.__code__, 0)
classify(0)
print(seen)

# DISABLE: each line once, until restart_events().
seen.clear()
def once(code, line):
    seen.append((code.co_name, line))
    return mon.DISABLE
mon.register_callback(TOOL, E.LINE, once)
mon.set_local_events(TOOL, classify.__code__, E.LINE)
for n in [5, 5, -2, 0, 4]:
    classify(n)
print(sorted(set(seen)))
seen.clear()
classify(5)
print(seen)
mon.restart_events()
classify(5)
print(seen)
mon.set_local_events(TOOL, classify.__code__, 0)

# The argument shapes of the callbacks.
shapes = []
def start(code, offset):
    shapes.append(("PY_START", code.co_name, type(offset).__name__, offset >= 0))
def ret(code, offset, value):
    shapes.append(("PY_RETURN", code.co_name, value))
def call(code, offset, callable, arg0):
    shapes.append(("CALL", code.co_name, getattr(callable, "__name__", "?"),
                   "MISSING" if arg0 is mon.MISSING else arg0))
def branch(code, offset, dest):
    shapes.append(("BRANCH", code.co_name, type(dest).__name__, dest != offset))
mon.register_callback(TOOL, E.LINE, None)
mon.register_callback(TOOL, E.PY_START, start)
mon.register_callback(TOOL, E.PY_RETURN, ret)
mon.register_callback(TOOL, E.CALL, call)
mon.register_callback(TOOL, E.BRANCH_LEFT, branch)
mon.register_callback(TOOL, E.BRANCH_RIGHT, branch)


def caller():
    other(4)
    len("ab")
    dict()
    if other(0):
        pass
    return "ok"


mon.set_local_events(TOOL, caller.__code__, E.PY_START | E.PY_RETURN | E.CALL | E.BRANCH)
print(mon.get_local_events(TOOL, caller.__code__))
caller()
mon.set_local_events(TOOL, caller.__code__, 0)
for s in shapes:
    print(*s)

# A callback that raises: the exception comes out of the monitored code.
def bad(code, offset):
    raise RuntimeError("callback failed")
mon.register_callback(TOOL, E.PY_START, bad)
mon.set_events(TOOL, E.PY_START)
try:
    other(1)
except RuntimeError as e:
    print("raised:", e)
mon.set_events(TOOL, 0)

# DISABLE from an event that cannot be disabled.
def no(code, offset, exc):
    return mon.DISABLE
mon.register_callback(TOOL, E.RAISE, no)
mon.set_events(TOOL, E.RAISE)
def raiser():
    try:
        raise KeyError
    except KeyError:
        pass
try:
    raiser()
except ValueError as e:
    print(type(e).__name__, e)
mon.set_events(TOOL, 0)
print(mon.register_callback(TOOL, E.RAISE, None))

# Checks of the event sets.
for bad_set in [E.RAISE, E.C_RETURN, E.LINE | E.RAISE, 1 << 19]:
    try:
        mon.set_local_events(TOOL, other.__code__, bad_set)
    except ValueError as e:
        print("ValueError", e)
try:
    mon.set_events(TOOL, E.C_RAISE)
except ValueError as e:
    print("ValueError", e)
mon.set_events(TOOL, E.BRANCH)
print(mon.get_events(TOOL) == E.BRANCH_LEFT | E.BRANCH_RIGHT)
mon.set_events(TOOL, 0)
print(mon.register_callback(TOOL, E.BRANCH, branch) is branch)
mon.free_tool_id(TOOL)

# Events are process-wide: a thread started while they are on reports them too.
import threading
mon.use_tool_id(TOOL, "threads")
started = []
mon.register_callback(TOOL, E.PY_START, lambda code, offset: started.append(code.co_name))
mon.set_events(TOOL, E.PY_START)
def work():
    other(1)
t = threading.Thread(target=work)
t.start()
t.join()
mon.set_events(TOOL, 0)
mon.free_tool_id(TOOL)
print(sorted(set(n for n in started if n in ("work", "other"))))


# A coverage-style collector: global LINE events, each line reported once.
def collect(func, *args):
    lines = set()
    def on_line(code, line):
        if code is func.__code__:
            lines.add(line - code.co_firstlineno)
        return mon.DISABLE
    mon.use_tool_id(mon.COVERAGE_ID, "cov")
    mon.register_callback(mon.COVERAGE_ID, E.LINE, on_line)
    mon.set_events(mon.COVERAGE_ID, E.LINE)
    try:
        for a in args:
            func(a)
    finally:
        mon.set_events(mon.COVERAGE_ID, 0)
        mon.free_tool_id(mon.COVERAGE_ID)
        mon.restart_events()
    return sorted(lines)


print(collect(classify, 1))
print(collect(classify, 1, -1, 0, 2))
