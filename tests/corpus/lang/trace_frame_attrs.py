# Frame attributes around sys.settrace: f_lineno during 'line' events, assigning f_lineno
# outside a trace function, f_trace_opcodes, a local trace function replaced by what the
# tracer returns, and a tracer that raises (tracing stops, the error propagates).
import sys

f = sys._getframe()
try:
    f.f_lineno = 3
except ValueError as e:
    print("ValueError:", e)
try:
    f.f_trace_lines = 1
except TypeError as e:
    print("TypeError:", e)
f.f_trace_opcodes = False
print(f.f_trace_lines, f.f_trace_opcodes)


def target():
    a = 1
    b = 2
    return a + b


seen = []


def opcodes(frame, event, arg):
    if frame.f_code is not target.__code__:
        return None
    frame.f_trace_opcodes = True
    seen.append(event)
    return opcodes


sys.settrace(opcodes)
target()
sys.settrace(None)
print("events:", sorted(set(seen)), "opcode events:", seen.count("opcode") > 3)

log = []


def second(frame, event, arg):
    log.append(("second", event, frame.f_lineno))
    return None


def first(frame, event, arg):
    if frame.f_code is not target.__code__:
        return None
    log.append(("first", event, frame.f_lineno))
    return second if event == "line" else first


sys.settrace(first)
target()
sys.settrace(None)
for entry in log:
    print(entry)


def boom(frame, event, arg):
    if frame.f_code is not target.__code__:
        return None
    if event == "line" and frame.f_lineno == target.__code__.co_firstlineno + 2:
        raise RuntimeError("stop at line 2 of target")
    return boom


sys.settrace(boom)
try:
    target()
except RuntimeError as e:
    print("RuntimeError:", e)
print("trace after error:", sys.gettrace())


def gen():
    yield 1
    yield 2


events = []


def gtrace(frame, event, arg):
    if frame.f_code is gen.__code__:
        events.append((event, frame.f_lineno - gen.__code__.co_firstlineno, arg))
        return gtrace
    return None


sys.settrace(gtrace)
g = gen()
next(g)
next(g)
for _ in g:
    pass
sys.settrace(None)
for e in events:
    print(e)
