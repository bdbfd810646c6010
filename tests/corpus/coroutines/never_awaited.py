# The "coroutine ... was never awaited" RuntimeWarning (stderr), once per location.
async def f():
    return 1

def g():
    c = f()
    print("in g")

f()
g()
for i in range(3):
    f()
async def h():
    f()
c = h()
try:
    c.send(None)
except StopIteration as e:
    print("stop", e.value)
started = f()
try:
    started.send(None)
except StopIteration:
    print("started coroutines do not warn")
del started
closed = f()
closed.close()
del closed
y = f()
print("end")
