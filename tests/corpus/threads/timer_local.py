import threading

fired = []
t = threading.Timer(0.01, fired.append, args=("a",))
t.start()
t.join()
print(fired)

t2 = threading.Timer(5, fired.append, args=("b",))
t2.start()
t2.cancel()
t2.join(2)
print(fired, t2.is_alive())

t3 = threading.Timer(0.0, lambda **k: fired.append(k), kwargs={"x": 1})
t3.start(); t3.join()
print(fired)
print(isinstance(t3, threading.Thread))

loc = threading.local()
loc.x = "main"
out = {}
def w(i):
    out[i] = hasattr(loc, "x")
    loc.x = i
    out[i] = (out[i], loc.x)
ts = [threading.Thread(target=w, args=(i,)) for i in range(3)]
for t in ts: t.start()
for t in ts: t.join()
print(sorted(out.items()), loc.x)

class MyLocal(threading.local):
    def __init__(self, v):
        self.v = v
        self.items = []
ml = MyLocal(5)
ml.items.append("main")
got = []
def w2():
    got.append((ml.v, list(ml.items)))
    ml.items.append("t")
    got.append(ml.items)
t = threading.Thread(target=w2); t.start(); t.join()
print(got, ml.items)
try:
    loc.missing
except AttributeError as e:
    print("AttributeError")
print(hasattr(loc, "x"), hasattr(loc, "y"))
