# Subclasses of bytearray (issue 19, branch iters): the instance keeps bytearray state,
# __init__ may be overridden, methods return plain bytearrays, in-place operators keep the
# instance, pickling and copying keep the class and the attributes.
import copy
import pickle


class B(bytearray):
    def __init__(self, *a, **k):
        super().__init__(*a, **k)
        self.x = 1


b = B(b"abc")
print(type(b).__name__, b, len(b), b.x, b[0], b[1:], type(b[1:]).__name__)
print(b + b"d", type(b + b"d").__name__, type(b.upper()).__name__, b.upper(), b * 2)
b.append(100)
b += b"e"
print(b, type(b).__name__, b.x)
b[0] = 65
del b[1]
print(b, bytes(b), b == b"Acde", b != bytearray(b"x"), b < b"B", isinstance(b, bytearray))
print(repr(b), b.__alloc__() >= len(b), memoryview(b).tobytes(), list(b), type(iter(b)).__name__)
print(b.decode(), b.hex(), b.find(b"c"), b"-".join([b, b]), b"cd" in b, 99 in b)
b.extend([102, 103])
b.insert(0, 64)
print(b, b.pop(), b.pop(0), b)
b.reverse()
print(b, b.copy(), type(b.copy()).__name__)


class C(bytearray):
    def __init__(self, n):
        super().__init__(b"x" * n)


print(C(3), len(C(0)), C(2).x if hasattr(C(2), "x") else "no x")


class N(bytearray):
    def __init__(self, *a):
        pass  # bytearray.__init__ never runs: empty


print(N(b"abc"), len(N(5)))


class V(bytearray):
    def __repr__(self):
        return "V!"

    def __add__(self, other):
        return "V.__add__"


v = V(b"ab")
print(v, v + b"c", str(v), v.upper())

print(bytearray.__new__(bytearray, b"xy"), bytearray.__new__(B, b"xy"), type(bytearray.__new__(B)).__name__)
x = bytearray(b"abc")
x.__init__(b"zz")
print(x)
x.__init__()
print(x)
m = memoryview(x)
x.__init__()
print(x)
y = bytearray(b"q")
m = memoryview(y)
try:
    y.__init__(b"longer")
except BufferError as e:
    print("BufferError:", e)
m.release()
print(bytearray(iter([1, 2])), bytearray(3), bytearray("é", "utf-8"), B("é", "utf-8"))
for call in ["bytearray(1.5)", "bytearray('a')", "bytearray.__new__(int)", "bytearray.__init__(b'')",
             "B(1, 2, 3)"]:
    try:
        print(eval(call))
    except Exception as e:
        print(call, type(e).__name__, e)

print(bytearray(b"ab").__reduce_ex__(2), bytearray(b"ab").__reduce_ex__(3), bytearray().__reduce_ex__(4))
print(bytearray(b"ab").__reduce__())
b2 = B(b"ab")
print(b2.__reduce_ex__(4), b2.__reduce_ex__(2))
b2.y = 5
print(b2.__reduce_ex__(4))
for proto in range(pickle.HIGHEST_PROTOCOL + 1):
    p = pickle.loads(pickle.dumps(b2, proto))
    print(proto, type(p).__name__, p, p.x, p.y, pickle.loads(pickle.dumps(bytearray(b"ab\xff"), proto)))
c = copy.copy(b2)
d = copy.deepcopy(b2)
c.append(33)
print(c, d, b2, c.__dict__, d.__dict__)

# fromhex builds the subclass; slots are part of the pickled state
print(B.fromhex("41 42"), type(B.fromhex("41")).__name__, type(bytearray.fromhex("41")).__name__)


class BS(bytes):
    pass


print(BS.fromhex("4142"), type(BS.fromhex("41")).__name__)


class S(bytearray):
    __slots__ = ("x", "y", "__dict__")


s = S(b"ab")
s.x = 1
s.z = 3
c = copy.copy(s)
p = pickle.loads(pickle.dumps(s, 4))
print(type(c).__name__, c, c.x, c.z, p, p.x, p.z, hasattr(p, "y"))
