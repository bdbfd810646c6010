# Subclasses of float, bytes and frozenset.
def attempt(f):
    try:
        return f()
    except Exception as e:
        return type(e).__name__ + ": " + str(e)


class Money(float):
    def __str__(self):
        return "$%.2f" % self


m = Money(2.5)
print(m, repr(m), str(m), [m], type(m).__name__, m + 1, type(m + 1).__name__, 1 + m, m * 2, m / 2, m // 2, m % 2, -m, abs(Money(-1.5)))
print(type(-m).__name__, m ** 2, round(m), round(Money(2.567), 2), int(m), float(m), type(float(m)).__name__, bool(Money(0.0)))
print(m == 2.5, 2.5 == m, m < 3, m > Money(1), hash(m) == hash(2.5), {2.5: "x"}[m], m.is_integer(), Money(4.0).is_integer())
print(f"{m}", f"{m:.3f}", format(m, "08.2f"), "%.1f %s %r" % (m, m, m), "{:e}".format(m), m.hex(), m.as_integer_ratio())
print(Money(), Money("1.5"), Money(3), Money(" 2e3 "), attempt(lambda: Money("x")), attempt(lambda: Money(1, 2)))
import math
print(math.floor(m), math.sqrt(Money(9.0)), math.isclose(m, 2.5), max(Money(1.0), 0.5), sum([Money(1.5), Money(2.0)]))
print(float.__new__(Money, "7.25"), type(float.__new__(Money, 1)).__name__, attempt(lambda: float.__new__(int, 1.0)))
print(m.real, m.imag, m.conjugate(), float.__add__(m, 1.0), m.__float__(), type(m.__float__()).__name__)
m.currency = "EUR"
print(m.currency, vars(m))


class Temperature(float):
    def __new__(cls, celsius):
        return super().__new__(cls, celsius)

    def __repr__(self):
        return "Temperature(%s)" % float.__repr__(self)

    def __add__(self, other):
        return Temperature(float(self) + float(other))


t = Temperature(20.5)
print(t, repr(t + 1), repr(1 + t), [t], t > 20)


class B(bytes):
    pass


b = B(b"hello")
print(b, repr(b), type(b).__name__, len(b), b[0], b[1:3], type(b[1:3]).__name__, list(b[:2]), b[-1], bool(B()))
print(b + b"!", type(b + b"!").__name__, b"<" + b, b * 2, b == b"hello", b"hello" == b, hash(b) == hash(b"hello"), b"ell" in b)
print(b.decode(), b.hex(), b.startswith(b"he"), b.find(b"l"), b.count(b"l"), bytes(b), type(bytes(b)).__name__)
print(B(), B(3), B([65, 66]), B("txt", "ascii"), attempt(lambda: B("txt")), {b"hello": 1}[b], b"-".join([b, B(b"x")]))
print(str(b), "%s" % b, bytes.__new__(B, b"raw"), type(bytes.__new__(B, b"raw")).__name__, sorted(B(b"cab")), b < b"z", B(b"a") >= B(b"b"))
print(int.from_bytes(B(b"\x01\x00"), "big"), list(B(b"ab")), memoryview(b"x") if False else "mv", B(b"abc")[::-1])


class Tagged(bytes):
    def __new__(cls, data, tag):
        obj = super().__new__(cls, data)
        obj.tag = tag
        return obj

    def __repr__(self):
        return "Tagged(%s, %r)" % (bytes.__repr__(self), self.tag)


tg = Tagged(b"\x00\x01", "bin")
print(repr(tg), tg.tag, len(tg), tg[1], tg + b"\x02")


class FS(frozenset):
    pass


fs = FS([3, 1, 2])
print(fs, repr(fs), type(fs).__name__, len(fs), sorted(fs), 2 in fs, 9 in fs, fs == frozenset({1, 2, 3}), fs == {1, 2, 3})
print(fs | {4}, type(fs | {4}).__name__, fs & {1, 9}, fs - {1}, fs ^ {1, 5}, type(fs - {1}).__name__, {1, 2, 3, 4} > fs)
print(hash(fs) == hash(frozenset({1, 2, 3})), {fs: "k"}[frozenset({1, 2, 3})], fs.issubset({1, 2, 3, 4}), fs.union([7]))
print(fs.copy(), type(fs.copy()).__name__, fs.isdisjoint([9]), fs.intersection({2, 3}), FS(), repr(FS()), set(fs))
print(frozenset.__new__(FS, [1]), type(frozenset.__new__(FS, [1])).__name__, attempt(lambda: FS(1)), attempt(lambda: FS([1], 2)))
print(frozenset({1, 2, 3}) == fs, fs <= {1, 2, 3}, len(FS("aab")), sorted(FS("aab")), {1, 2} | fs, type({1} | fs).__name__)


class Named(frozenset):
    def __new__(cls, items, name):
        self = super().__new__(cls, items)
        self.name = name
        return self

    def __repr__(self):
        return "Named(%s, %s)" % (self.name, sorted(self))


n = Named([2, 1], "n")
print(repr(n), n.name, 1 in n, len(n), n | {3}, hash(n) == hash(frozenset([1, 2])))
