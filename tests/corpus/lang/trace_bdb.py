# bdb.Bdb stepping (what pdb's `step` and `next` do) on sys.settrace's line events, and
# a breakpoint set by line number.
import bdb
import os

HERE = os.path.basename(__file__)


class Stepper(bdb.Bdb):
    def __init__(self, mode):
        super().__init__()
        self.mode = mode
        self.log = []

    def where(self, frame):
        return f"{frame.f_code.co_name}:{frame.f_lineno}"

    def mine(self, frame):
        return os.path.basename(frame.f_code.co_filename) == HERE

    def user_call(self, frame, args):
        if self.mine(frame):
            self.log.append("call " + self.where(frame))

    def user_line(self, frame):
        if not self.mine(frame):
            self.set_step()
            return
        self.log.append("line " + self.where(frame))
        if self.mode == "step":
            self.set_step()
        elif self.mode == "next":
            self.set_next(frame)
        else:
            self.set_continue()

    def user_return(self, frame, value):
        if self.mine(frame):
            self.log.append(f"return {self.where(frame)} {value!r}")

    def user_exception(self, frame, info):
        if self.mine(frame):
            self.log.append(f"exception {self.where(frame)} {info[0].__name__}")


def square(n):
    r = n * n
    return r


def work(k):
    total = 0
    for i in range(k):
        total += square(i)
    try:
        {}["missing"]
    except KeyError:
        total = -total
    return total


for mode in ("step", "next"):
    s = Stepper(mode)
    result = s.runcall(work, 2)
    print(f"== {mode}: {result}")
    for e in s.log:
        print("  ", e)

# A breakpoint on the line `r = n * n`: continue until there.
s = Stepper("continue")
s.set_break(__file__, square.__code__.co_firstlineno + 1)
s.set_step()
result = s.runcall(work, 3)
print(f"== break: {result}")
for e in s.log:
    print("  ", e)
