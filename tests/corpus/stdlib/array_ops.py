# array.array: typecodes, sequence protocol, slicing, buffer protocol, conversions,
# byteswap, comparisons, pickling hooks, and CPython's errors.
import array
import copy

print(array.typecodes, array.ArrayType is array.array)
for tc in array.typecodes.replace("u", ""):  # "u" warns (deprecated)
    if tc in "uw":
        a = array.array(tc, "héllo")
    elif tc in "fd":
        a = array.array(tc, [1.5, -2.25, 3])
    else:
        a = array.array(tc, [1, 2, 3, 127])
    print(tc, a.itemsize, len(a), a, a.tolist(), a.tobytes()[:8])

a = array.array("i", range(10))
print(a[0], a[-1], a[2:5], a[::3], a[::-2], a[100:])
a[1] = 100
a[2:4] = array.array("i", [7, 8, 9])
print(a)
a[::2] = array.array("i", [0] * 6)
print(a)
del a[0]
del a[::3]
print(a, len(a))
a.append(5)
a.extend([6, 7])
a.extend(array.array("i", [8]))
a.insert(0, -1)
a.insert(-1, -2)
a.insert(100, 99)
print(a, a.pop(), a.pop(0), a.pop(-2), a)
print(a.index(7), a.count(0), 7 in a, 1000 in a, a.index(0, 3))
a.remove(0)
a.reverse()
print(a, list(iter(a)), [x * 2 for x in a])
b = array.array("h", [1, 256, -2])
b.byteswap()
print(b, bytes(b), b.tobytes())
b.frombytes(b"\x01\x00")
b.fromlist([3, 4])
print(b, b.buffer_info()[1])
m = memoryview(array.array("i", [1, 2, 3]))
print(m.format, m.itemsize, m.tolist(), m.nbytes, bytes(m))
arr = array.array("d", [0.5, 1.5])
mv = memoryview(arr)
mv[0] = 9.0
print(arr, bytes(array.array("B", [65, 66])))
u = array.array("w", "abc")
u.fromunicode("dé")
print(u, u.tounicode(), u[1], repr(array.array("w")))
print(array.array("i", [1, 2]) + array.array("i", [3]), array.array("b", [1]) * 3, 2 * array.array("b", [4]))
c = array.array("i", [1, 2])
c += array.array("i", [3])
c *= 2
print(c)
print(array.array("i", [1, 2]) == array.array("b", [1, 2]), array.array("i", [1, 2]) < array.array("i", [1, 3]),
      array.array("i", [1, 2]) <= array.array("i", [1, 2]), array.array("i", [1, 2, 0]) > array.array("i", [1, 2]),
      array.array("d", [1.0]) == array.array("i", [1]), array.array("i") != array.array("i"))
print(copy.copy(c), copy.deepcopy(c) == c, copy.copy(c) is c)
print(c.__reduce_ex__(2), c.__reduce_ex__(3)[1][1:3])
r = c.__reduce_ex__(3)
print(r[0](*r[1]) == c, array._array_reconstructor(array.array, "h", 5, b"\x00\x01\x00\x02"))
print(array.array("i", array.array("h", [1, 2])), array.array("d", array.array("i", [3])), array.array("B", b"xy"))
c.clear()
print(c, len(c))


def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)


for tc, v in [("b", 200), ("b", -200), ("B", 256), ("B", -1), ("h", 2**15), ("H", -1), ("i", 2**31),
              ("I", -1), ("I", 2**32), ("l", 2**63), ("L", -1), ("q", 2**63), ("Q", -1), ("Q", 2**64),
              ("b", 1.5), ("f", "x"), ("d", None), ("w", 1), ("w", "ab"), ("b", "a"), ("i", 2**100)]:
    t(lambda: array.array(tc, [v]))
t(lambda: array.array("z"))
t(lambda: array.array("b", "abc"))
t(lambda: array.array("i", b"abc"))
a = array.array("i", [1, 2, 3])
t(lambda: a.extend(array.array("h", [1])))
t(lambda: a + array.array("h"))
t(lambda: a + [1])
t(lambda: a.index(7))
t(lambda: a.remove(7))
t(lambda: array.array("i").pop())
t(lambda: a.pop(10))
t(lambda: a[10])
t(lambda: a.__setitem__(10, 1))
t(lambda: a.__setitem__(slice(0, 2), [1, 2]))
t(lambda: a.__setitem__(slice(0, 3, 2), array.array("i", [1])))
t(lambda: a.frombytes(b"abc"))
t(lambda: a.tounicode())
t(lambda: a.fromunicode("x"))
t(lambda: hash(a))
t(lambda: array.array("i", iter([1, "a"])))
t(lambda: array._array_reconstructor(array.array, "z", 8, b""))
t(lambda: array._array_reconstructor(array.array, "i", 99, b""))
