# str special methods called directly, and slicing of non-ASCII strings.
def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__ + ":", e)

s = "héllo☃"
print(s.__len__(), s.__contains__("llo"), s.__getitem__(1), s.__getitem__(slice(1, 4)), s.__add__("!"), s.__mul__(2), s.__rmul__(2))
print(s.__eq__("héllo☃"), s.__eq__(1), s.__ne__("x"), s.__lt__("z"), s.__le__(s), s.__gt__("a"), s.__ge__("zz"), s.__lt__(3))
print("%s=%d".__mod__(("a", 1)), "x".__rmod__("<%s>"), "x".__rmod__(5), s.__str__(), s.__repr__(), s.__format__(">8"))
print(s.__hash__() == hash(s), list(s.__iter__()), "ab".__getnewargs__(), str.__eq__("a", "a"), str.__add__("a", "b"))
print(str.__contains__("abc", "b"), str.__getitem__("abc", -1), str.__mul__("ab", 0), str.__mod__("%r", "q"))
print([str.upper, str.lower][0]("mixed Case"), list(map(str.strip, [" a ", "b  "])) if False else [str.strip(x) for x in [" a ", "b  "]])
t(lambda: s.__getitem__(10))
t(lambda: s.__getitem__("a"))
t(lambda: s.__add__(1))
t(lambda: s.__mul__(1.5))
t(lambda: s.__contains__(1))
t(lambda: s.__format__(1))
t(lambda: s.__format__("d"))
t(lambda: s.__eq__())
t(lambda: str.__len__(1))
t(lambda: "a" + 1)
t(lambda: "a" < 1)
k = 1.5
t(lambda: "abc"[k])
k2 = "x"
t(lambda: "abc"[k2])
t(lambda: "abc"[10])
# slicing non-ASCII strings
u = "αβγδεζηθ☃😀"
print(u[2:5], u[::-1], u[::2], u[1::3], u[-3:], u[:-8], u[5:2], u[-2::-2], u[100:], u[3:3], u[-100:2])
print(len(u), u[9], u[-1], u[0], len(u[1:9]), u[1:9].upper())
