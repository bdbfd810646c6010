# Functions, classes and closures published in module globals and class namespaces are
# freed once unreachable (issue 17: on the free-threaded build they are counted per
# thread, not immortal, and the cycle collector frees them): weak reference callbacks
# fire. Reported after gc.collect() only, where every build agrees.
import gc
import _weakref
import threading

gc.disable()
gc.collect()
freed = []
refs = []

def watch(obj, name):
    refs.append(_weakref.ref(obj, lambda r: freed.append(name)))

def report(label):
    gc.collect()
    gc.collect()
    print(label, sorted(freed))
    freed.clear()

# Classes made in a loop, each bound to a module global (rebinding drops the previous
# one), with a method published in the class namespace.
for i in range(5):
    class K:
        def m(self, i=i):
            return i * 10
    watch(K, "K%d" % i)
    watch(K.m, "K%d.m" % i)
print("last", K().m())
report("classes rebound")
del K
report("last class deleted")

# Closures published with a global statement.
def make(i):
    def f():
        return i
    return f

def publish(i):
    global current
    current = make(i)
    return current

for i in range(4):
    watch(publish(i), "f%d" % i)
print("current", current())
report("closures rebound")
del current
report("closure deleted")

# A published class that stays reachable is not freed, and still works.
class Keep:
    def hello(self):
        return "hello"
watch(Keep, "Keep")
report("kept")
print(Keep().hello())

# A function called by two threads (each counts its own references), which then exit.
def work(x):
    return x + 1

def caller(n):
    total = 0
    for j in range(2000):
        total = work(total)
    results.append(total)

results = []
threads = [threading.Thread(target=caller, args=(k,)) for k in range(2)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print("results", results)
watch(work, "work")
del work
report("called by threads")

# Classes made and published by another thread.
def maker(tag):
    global made
    for i in range(3):
        class T:
            def get(self):
                return tag
        made = T
        watch(T, "%s%d" % (tag, i))

t = threading.Thread(target=maker, args=("t",))
t.start()
t.join()
print("made", made().get())
del made
report("made by a thread")

# A class resurrected by its instance's finalizer: the weak reference was cleared before
# the finalizer ran (CPython's order), and the class keeps working.
saved = []
for i in range(2):
    class R:
        def __del__(self):
            saved.append(type(self))
        def f(self):
            return 42
    R.me = R()
    watch(R, "R%d" % i)
del R
report("resurrected")
print("saved", len(saved), [c.f(None) for c in saved])
saved.clear()
report("released")

# Many classes and closures made and dropped: all freed.
for i in range(300):
    class M:
        pass
    def g():
        return M
    if i % 100 == 0:
        watch(M, "M%d" % i)
        watch(g, "g%d" % i)
del M, g
report("many")
