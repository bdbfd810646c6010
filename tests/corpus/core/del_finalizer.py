# __del__ runs when the last reference goes away (PEP 442: once, even if resurrected).
import _weakref as w

keep = []

class C:
    def __init__(self, n):
        self.n = n
    def __del__(self):
        print("del", self.n)
        if self.n == 2:
            keep.append(self)

a = C(1)
a = None
print("after rebinding")

b = C(2)
del b
print("resurrected:", len(keep), keep[0].n)
keep.clear()
print("died again without a second __del__")

def f():
    x = C(3)
    return 1
f()
print("after return")

lst = [C(4)]
lst.pop()
print("after pop")

d = {"k": C(5)}
d["k"] = 0
print("after replace")

# __del__ runs before the weak reference callbacks; during __del__ the weak reference
# still works.
class D:
    def __del__(self):
        print("D.__del__, ref alive:", r() is self)

def cb(ref):
    print("callback, ref dead:", ref() is None)

dd = D()
r = w.ref(dd, cb)
del dd
print("r() after:", r())

# A __del__ assigned after the class was created.
class E:
    pass
e = E()
E.__del__ = lambda self: print("late __del__")
del e

# Inherited __del__.
class F(C):
    pass
F(6)
print("end")
