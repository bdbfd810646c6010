# Published objects made and dropped in a loop (issue 17). Usage: published.py KIND N
#
# class:   N classes, each with a method, bound to a module global in turn (STORE_NAME
#          publishes it; rebinding drops the previous one, which only the collector frees:
#          a class is a cycle through its MRO).
# closure: N closures, each bound to a module global in turn with a `global` statement
#          (STORE_GLOBAL publishes it; freed at once by counting on CPython and the GIL
#          build, by the collector on the free-threaded build).
# Automatic collections only (default thresholds). Measure the peak RSS from outside
# (`/usr/bin/time -f %M`): before issue 17 the free-threaded build made every published
# object immortal and grew with N; now it stays flat. Prints how many of the sampled
# objects (one in 1000) were freed, checked to be all.
import gc
import sys
import _weakref

freed = []
refs = []


def classes(n):
    global current
    for i in range(n):
        class C:
            def method(self):
                return i
        current = C
        if i % 1000 == 0:
            refs.append(_weakref.ref(C, lambda r: freed.append(1)))
    del C
    current = None


def make(i):
    def f():
        return i
    return f


def closures(n):
    global current
    for i in range(n):
        current = make(i)
        if i % 1000 == 0:
            refs.append(_weakref.ref(current, lambda r: freed.append(1)))
    current = None


if __name__ == "__main__":
    kind = sys.argv[1] if len(sys.argv) > 1 else "class"
    n = int(sys.argv[2]) if len(sys.argv) > 2 else 1_000_000
    {"class": classes, "closure": closures}[kind](n)
    gc.collect()
    gc.collect()
    print(kind, "freed (sampled):", len(freed), "of", len(refs))
