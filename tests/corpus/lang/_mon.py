# Shared by the monitoring_*.py programs: records sys.monitoring events of the functions
# of the calling program's file (not of its module code) as (event, code name, details)
# and prints them. Offsets are turned into lines with co_lines() (they are the
# interpreter's own bytecode offsets).
import sys

mon = sys.monitoring
E = mon.events
TOOL = mon.COVERAGE_ID

NAMES = ["PY_START", "PY_RESUME", "PY_RETURN", "PY_YIELD", "LINE", "JUMP",
         "BRANCH_LEFT", "BRANCH_RIGHT", "CALL", "C_RETURN", "C_RAISE", "RAISE",
         "RERAISE", "EXCEPTION_HANDLED", "PY_UNWIND", "PY_THROW", "STOP_ITERATION"]


def line_of(code, offset):
    for start, end, line in code.co_lines():
        if start <= offset < end:
            return line
    return None


def value_of(obj):
    if obj is None or isinstance(obj, (int, str, tuple, list)):
        return repr(obj)
    return type(obj).__name__


def name_of(obj):
    if obj is mon.MISSING:
        return "MISSING"
    return getattr(obj, "__qualname__", None) or type(obj).__name__


class Recorder:
    def __init__(self, filename, events=NAMES):
        self.filename = filename
        self.log = []
        self.mask = 0
        mon.use_tool_id(TOOL, "recorder")
        for n in events:
            bit = getattr(E, n)
            self.mask |= bit
            mon.register_callback(TOOL, bit, self.callback(n))

    def callback(self, name):
        def cb(code, *args):
            if code.co_filename != self.filename or code.co_name == "<module>":
                return
            self.log.append(self.describe(name, code, args))
        return cb

    def describe(self, name, code, args):
        if name == "LINE":
            return (name, code.co_name, args[0])
        if name in ("JUMP", "BRANCH_LEFT", "BRANCH_RIGHT"):
            return (name, code.co_name, line_of(code, args[0]), "->", line_of(code, args[1]))
        if name in ("CALL", "C_RETURN", "C_RAISE"):
            return (name, code.co_name, line_of(code, args[0]), name_of(args[1]), name_of(args[2]))
        if name in ("RAISE", "PY_UNWIND", "PY_THROW", "STOP_ITERATION"):
            return (name, code.co_name, line_of(code, args[0]), type(args[1]).__name__)
        if name in ("RERAISE", "EXCEPTION_HANDLED"):
            return (name, code.co_name, type(args[1]).__name__)
        if name in ("PY_RETURN", "PY_YIELD"):
            return (name, code.co_name, value_of(args[1]))
        return (name, code.co_name)

    def __enter__(self):
        self.log.clear()
        mon.set_events(TOOL, self.mask)
        return self

    def __exit__(self, *exc):
        mon.set_events(TOOL, 0)

    def show(self, title):
        print("--", title)
        for entry in self.log:
            print(*entry)
        self.log.clear()

    def close(self):
        mon.free_tool_id(TOOL)
