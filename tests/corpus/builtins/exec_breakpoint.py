# breakpoint() calls sys.breakpointhook; the default hook reads $PYTHONBREAKPOINT.
import os
import sys

def hook(*args, **kwargs):
    print("hook called with", args, kwargs)
    return "hook result"

sys.breakpointhook = hook
print(breakpoint(1, key=2))
sys.breakpointhook = sys.__breakpointhook__

os.environ["PYTHONBREAKPOINT"] = "0"
print(breakpoint())
os.environ["PYTHONBREAKPOINT"] = "builtins.print"
breakpoint("debugger named by the environment", sep="|")
os.environ["PYTHONBREAKPOINT"] = "print"
breakpoint("a bare name is looked up in builtins")
os.environ["PYTHONBREAKPOINT"] = "nosuch_module_for_test.func"
print(breakpoint())
sys.stderr.flush()

del sys.breakpointhook
try:
    breakpoint()
except RuntimeError as e:
    print("RuntimeError:", e)
