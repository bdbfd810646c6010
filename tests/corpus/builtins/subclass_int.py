# Subclasses of int: arithmetic (plain int results), comparisons, hashing, formatting,
# conversions, __index__, isinstance, dict keys, overrides, __new__ and IntEnum-like patterns.
def attempt(f):
    try:
        return f()
    except Exception as e:
        return type(e).__name__ + ": " + str(e)


class Flags(int):
    pass


f = Flags(3)
print(f, repr(f), str(f), type(f).__name__, type(f) is Flags, Flags.__mro__)
print(f + 1, type(f + 1).__name__, 1 + f, type(1 + f).__name__, f + f, type(f + f).__name__)
print(f - 1, f * 2, f / 2, f // 2, f % 2, f ** 2, -f, +f, ~f, abs(Flags(-4)))
print(type(-f).__name__, type(+f).__name__, type(abs(f)).__name__, type(f * 1).__name__)
print(f & 1, f | 4, f ^ 1, f << 2, f >> 1, divmod(f, 2), pow(f, 2, 5), round(f), round(Flags(1234), -2))
print(f == 3, f != 3, 3 == f, f < 4, f <= 3, f > 2, f >= 4, f == 3.0, f == Flags(3), f < Flags(10))
print(hash(f) == hash(3), hash(Flags(-1)) == hash(-1), hash(Flags(2**70)) == hash(2**70))
print(int(f), type(int(f)).__name__, float(f), type(float(f)).__name__, bool(f), bool(Flags(0)))
print(isinstance(f, int), isinstance(f, Flags), issubclass(Flags, int), isinstance(3, Flags))
print(format(f, "05d"), f"{f:>4}|{f:x}|{f:b}|{f}", "%d %s %r %x" % (f, f, f, f), "{:+}".format(f))
print([10, 20, 30, 40][f], "abcdef"[Flags(1):Flags(4)], list(range(Flags(4))), [0] * Flags(2), "ab" * f)
print(f.bit_length(), Flags(255).to_bytes(2, "big"), f.real, f.imag, f.numerator, f.denominator, f.conjugate())
print(int.__add__(f, 4), int.__eq__(f, 3), int.__repr__(f), f.__add__(1), f.__index__(), type(f.__index__()).__name__)
d = {3: "three", Flags(4): "four"}
print(d[f], d[4], d[Flags(4)], f in d, 3 in {Flags(3)}, sorted([Flags(5), 2, Flags(1)]))
print(max(Flags(2), Flags(7)), sum([Flags(1), Flags(2)]), type(sum([Flags(1), Flags(2)])).__name__)
print(chr(Flags(65)), hex(f), oct(f), bin(f), str(Flags(12345678901234567890)), Flags(-5) // 2)
print(Flags(), Flags("12"), Flags("ff", 16), Flags(" 7 "), Flags(3.9), Flags(True), type(Flags(True)).__name__)
print(attempt(lambda: Flags("x")), attempt(lambda: Flags(1, 2)), attempt(lambda: Flags([])))
import math
print(math.sqrt(Flags(16)), math.gcd(Flags(12), 8), math.floor(f), math.factorial(f))

f.note = "attr"
print(f.note, f.__dict__, vars(f))


class Slotted(int):
    __slots__ = ()


s = Slotted(9)
print(s, attempt(lambda: setattr(s, "x", 1)), attempt(lambda: s.__dict__))


class Verbose(int):
    def __repr__(self):
        return "Verbose(" + int.__repr__(self) + ")"

    def __str__(self):
        return "v" + super().__str__()

    def __add__(self, other):
        return Verbose(int(self) + int(other) + 100)

    def __eq__(self, other):
        return int(self) % 10 == int(other) % 10

    __hash__ = int.__hash__


v = Verbose(5)
print(repr(v), str(v), v, [v], f"{v}", "%s %r %d" % (v, v, v), v + 1, 1 + v, type(1 + v).__name__)
print(v == 15, v == 6, v != 15, hash(v) == hash(5), {v: 1}[5], 15 in [v])


class NoHash(int):
    def __eq__(self, other):
        return True


print(NoHash.__hash__, attempt(lambda: hash(NoHash(1))), NoHash(1) == 2)


class Point(int):
    def __new__(cls, value, label="?"):
        obj = super().__new__(cls, value)
        obj.label = label
        return obj

    def __init__(self, value, label="?"):
        self.inited = True


p = Point(7, "seven")
print(p, p.label, p.inited, p * 2, attempt(lambda: Point()))
print(int.__new__(Point, "12", 8), type(int.__new__(Point, "12", 8)).__name__)
print(attempt(lambda: int.__new__(str, 1)), attempt(lambda: int.__new__(1)), attempt(lambda: int.__new__()))
print(attempt(lambda: object.__new__(Flags)), attempt(lambda: object.__new__(Point)))


class Color(int):
    _names = {}

    def __new__(cls, value, name):
        obj = int.__new__(cls, value)
        obj._name = name
        cls._names[value] = obj
        return obj

    def __repr__(self):
        return "<Color.%s: %d>" % (self._name, self)

    def __str__(self):
        return "Color." + self._name

    @property
    def name(self):
        return self._name

    @classmethod
    def lookup(cls, value):
        return cls._names[value]


Color.RED = Color(1, "RED")
Color.GREEN = Color(2, "GREEN")
print(Color.RED, repr(Color.GREEN), Color.RED.name, Color.RED + 1, Color.lookup(2) is Color.GREEN)
print(Color.RED == 1, Color.RED < Color.GREEN, [Color.RED, Color.GREEN], {Color.RED: "r"}[1], Color.RED | 2)
print(f"{Color.RED}", f"{Color.RED!r}", f"{Color.RED:d}", "%s" % Color.GREEN, isinstance(Color.RED, int))


class Bits(int):
    def __or__(self, other):
        return Bits(int(self) | int(other))

    __ror__ = __or__

    def __repr__(self):
        return "Bits(%s)" % bin(self)


print(repr(Bits(1) | Bits(4)), repr(2 | Bits(1)), repr(Bits(1) & 3))

print(attempt(lambda: type("B", (bool,), {})))
try:

    class B(bool):
        pass

except TypeError as e:
    print("TypeError:", e)
try:

    class Both(int, str):
        pass

except TypeError as e:
    print("TypeError:", e)


class Big(int):
    pass


b = Big(2**80)
print(b, b + 1, b * b, b > 2**79, hash(b) == hash(2**80), b // Big(2**40), str(b)[:5], b.bit_length())
print(Flags(7).__class__.__name__, Flags.__base__.__name__, Flags.__bases__, type(f).__mro__[-1])
for final in (range, slice, type(None), type(len), type(lambda: 0), type(iter([])), type(NotImplemented)):
    try:

        class X(final):
            pass

    except TypeError as e:
        print("TypeError:", e)
print(f + 1.5, 1.5 + f, f * 2.0, type(f + 1.5).__name__, f / 2.0, 2.0 ** f, attempt(lambda: f + "x"))
