# threading.local is _thread._local: subclasses with __init__, properties and methods.
import threading
class My(threading.local):
    initialized = False
    def __init__(self, **kw):
        if self.initialized:
            raise SystemError("__init__ called too many times")
        self.initialized = True
        self.__dict__.update(kw)
    @property
    def double(self):
        return self.x * 2
    @double.setter
    def double(self, v):
        self.x = v // 2
    def squared(self):
        return self.x ** 2
m = My(x=3)
print(m.x, m.double, m.squared())
m.double = 10
print(m.x)
out = []
def f():
    out.append((m.x, m.initialized))
    m.x = 100
    out.append(m.squared())
t = threading.Thread(target=f); t.start(); t.join()
print(out, m.x)
print(type(m).__name__, isinstance(m, threading.local), sorted(m.__dict__))
try:
    m.__dict__ = {}
except AttributeError as e:
    print(e)
try:
    m.nope
except AttributeError as e:
    print(e)
del m.x
print(hasattr(m, "x"))
