# sys.setprofile: 'c_call', 'c_return' and 'c_exception' events around calls of builtin
# functions and methods (the argument is the builtin), as CPython 3.14; classes and other
# callables get none. Also threading.setprofile.
import sys
import threading

events = []


def prof(frame, event, arg):
    if frame.f_code.co_filename != __file__:
        return
    if event.startswith("c_"):
        events.append((event, frame.f_code.co_name, frame.f_lineno, arg.__qualname__))
    else:
        events.append((event, frame.f_code.co_name, frame.f_lineno))


class Box:
    def __init__(self, v):
        self.v = v

    def get(self):
        return self.v


def work():
    items = []
    items.append(1)
    add = items.append
    add(2)
    n = len(items)
    "-".join(["a", "b"])
    b = Box(3)
    b.get()
    int("4")
    d = {}
    d.get(1)
    list.append(items, 5)
    str.upper("x")
    isinstance(b, Box)
    try:
        len(5)
    except TypeError:
        pass
    sorted(items, key=abs)
    max(items)
    return n


sys.setprofile(prof)
work()
sys.setprofile(None)
for e in events:
    print(*e)

events.clear()


def in_thread():
    len("abc")
    abs(-1)


threading.setprofile(prof)
t = threading.Thread(target=in_thread)
t.start()
t.join()
threading.setprofile(None)
for e in events:
    if e[1] == "in_thread":
        print(*e)
