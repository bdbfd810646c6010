# sys.settrace / sys.setprofile: 'call', 'exception' and 'return' events of Python functions.
import sys

events = []


def local(frame, event, arg):
    if event == "exception":
        arg = (arg[0].__name__, str(arg[1]), type(arg[2]).__name__)
    events.append(("local", frame.f_code.co_name, event, arg))
    return local


def tracer(frame, event, arg):
    events.append(("global", frame.f_code.co_name, event, arg, frame.f_back.f_code.co_name))
    if frame.f_code.co_name == "untraced":
        return None
    return local


def add(a, b):
    return a + b


def fails():
    raise ValueError("bad")


def untraced():
    return 5


def driver():
    x = add(1, 2)
    try:
        fails()
    except ValueError:
        pass
    return x + untraced()


print(sys.gettrace())
sys.settrace(tracer)
print(sys.gettrace() is tracer)
r = driver()
sys.settrace(None)
print(r, sys.gettrace())
for e in events:
    if e[2] != "line":
        print(e)

# The profile function sees calls and returns.
prof = []


def profiler(frame, event, arg):
    prof.append((event, frame.f_code.co_name, arg))


sys.setprofile(profiler)
add(3, 4)
sys.setprofile(None)
print([p for p in prof if p[1] == "add"], sys.getprofile())


# A hook that raises is removed, and its exception propagates.
def bad_hook(frame, event, arg):
    raise RuntimeError("hook failed")


sys.settrace(bad_hook)
try:
    add(1, 1)
except RuntimeError as e:
    print("RuntimeError", e)
print(sys.gettrace())
try:
    sys.settrace()
except TypeError as e:
    print("TypeError", e)
