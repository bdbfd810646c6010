# functools.total_ordering from each of the four roots (every derived comparison checked
# against the integers' own), NotImplemented passed through, and cached_property.
import functools
@functools.total_ordering
class A:
    def __init__(self, v): self.v = v
    def __eq__(self, o): return self.v == o.v
    def __lt__(self, o):
        if not isinstance(o, A): return NotImplemented
        return self.v < o.v
for R in ('__lt__',):
    pass
class Base:
    def __init__(self, v): self.v = v
    def __eq__(self, o): return self.v == o.v
@functools.total_ordering
class BL(Base):
    def __lt__(self, o): return self.v < o.v
@functools.total_ordering
class BLE(Base):
    def __le__(self, o): return self.v <= o.v
@functools.total_ordering
class BG(Base):
    def __gt__(self, o): return self.v > o.v
@functools.total_ordering
class BGE(Base):
    def __ge__(self, o): return self.v >= o.v
for B in (BL, BLE, BG, BGE):
    rows = []
    for a in range(3):
        for b in range(3):
            x, y = B(a), B(b)
            rows.append((x < y, x <= y, x > y, x >= y) == (a < b, a <= b, a > b, a >= b))
    print(B.__name__, all(rows), B.__le__.__name__, B.__gt__.__name__)
print(A(1) < A(2), A(2) >= A(1), A(1) > A(1))
try:
    A(1) > 3
except TypeError as e:
    print(e)
try:
    @functools.total_ordering
    class C: pass
except ValueError as e:
    print(e)
class P:
    calls = 0
    @functools.cached_property
    def x(self):
        P.calls += 1
        return 42
p = P()
print(p.x, p.x, P.calls, p.__dict__)
print(type(P.__dict__['x']).__name__)
