# `seq + x` with a str, list or tuple and an operand of another type: CPython's
# "can only concatenate" messages, after the right operand's __radd__ has been tried.
class S:
    def __getitem__(s, i):
        return i


class R:
    def __radd__(s, o):
        return ("radd", o)


class NI:
    def __radd__(s, o):
        return NotImplemented


class It:
    def __iter__(s):
        return iter([7, 8])


class ItR(It, R):
    pass


def attempt(f):
    try:
        return f()
    except TypeError as e:
        return "TypeError: %s" % e


print(attempt(lambda: [1] + S()))
print(attempt(lambda: [1] + (2,)))
print(attempt(lambda: [1] + "ab"))
print(attempt(lambda: [1] + 3))
print(attempt(lambda: (1,) + [2]))
print(attempt(lambda: (1,) + S()))
print(attempt(lambda: (1,) + None))
print(attempt(lambda: "a" + 1))
print(attempt(lambda: "a" + S()))
print(attempt(lambda: "a" + b"b"))
for seq in ([1], (1,), "s"):
    print(attempt(lambda: seq + R()), attempt(lambda: seq + NI()))

# Augmented assignment: __radd__ first, then list += iterable extends the list.
l = [1]
l += R()
print(l)
l = [1]
l += (2, 3)
l += range(4, 6)
l += "ab"
l += It()
print(l)
l = [1]
l += ItR()
print(l, attempt(lambda: [1] + It()))
t = (1,)
t += R()
print(t)
s = "x"
s += R()
print(s)
for start, other in (([1], 1), ((1,), [2]), ("a", 1), ("a", NI()), ((1,), NI())):
    try:
        start += other
    except TypeError as e:
        print("TypeError:", e)
l = [1]
try:
    l += NI()
except TypeError as e:
    print("TypeError:", e)
print(l)
