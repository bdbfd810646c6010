# Shared by the trace_*.py programs: records sys.settrace events of the functions of one
# file as "event name line [arg]" and prints them.
import sys

events = []


def make_tracer(filename, show_args=True):
    def tracer(frame, event, arg):
        if frame.f_code.co_filename != filename:
            return None
        name = frame.f_code.co_name
        if event == "return" and show_args:
            events.append(f"{event} {name} {frame.f_lineno} {arg!r}")
        elif event == "exception":
            events.append(f"{event} {name} {frame.f_lineno} {arg[0].__name__}")
        else:
            events.append(f"{event} {name} {frame.f_lineno}")
        return tracer
    return tracer


def run(func, *args):
    """Traces func(*args) and prints the events."""
    events.clear()
    filename = func.__code__.co_filename
    sys.settrace(make_tracer(filename))
    try:
        result = func(*args)
    except Exception as e:
        result = f"raised {type(e).__name__}"
    finally:
        sys.settrace(None)
    print(f"== {func.__name__}: {result!r}")
    for e in events:
        print("  ", e)
