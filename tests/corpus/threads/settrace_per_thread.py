# sys.settrace is per thread: a hook set in one thread does not trace another.
import sys
import threading

seen = {}


def work(n):
    return n * 2


def make_tracer(name):
    def tracer(frame, event, arg):
        if event == "call" and frame.f_code.co_name == "work":
            seen.setdefault(name, []).append(frame.f_locals["n"])
        return None

    return tracer


def traced_thread(name, values):
    sys.settrace(make_tracer(name))
    for v in values:
        work(v)
    sys.settrace(None)


def plain_thread(values):
    for v in values:
        work(v)


threads = [
    threading.Thread(target=traced_thread, args=("a", [1, 2, 3])),
    threading.Thread(target=plain_thread, args=([10, 20, 30],)),
    threading.Thread(target=traced_thread, args=("b", [4, 5])),
]
for t in threads:
    t.start()
for t in threads:
    t.join()
print(sorted(seen.items()))
print(sys.gettrace())
work(7)
print(sorted(seen.items()))
