# Reading an attribute of a shared `threading.local` (each thread sees its own value).
import threading

from _harness import run

LOCAL = threading.local()


def setup():
    LOCAL.value = 3


def work(n):
    s = 0
    local = LOCAL
    for _ in range(n):
        s += local.value
    return s


run(work, setup)
