# Subclasses of complex.
class C(complex):
    def hello(self):
        return "hello %r" % (self,)


c = C(1, 2)
print(type(c).__name__, c, repr(c), c.real, c.imag, c.hello(), isinstance(c, complex))
print(c + 1, type(c + 1).__name__, 1 + c, c * c, -c, abs(C(3, 4)), c == 1 + 2j, hash(c) == hash(1 + 2j))
print(C("3+4j"), C(), C(2.5), type(C(1j)).__name__, c.conjugate(), format(c, ".1f"), bool(C(0)))
c.label = "x"
print(c.label)


class D(complex):
    def __add__(self, other):
        return "D.__add__"

    def __radd__(self, other):
        return "D.__radd__"

    def __repr__(self):
        return "D(...)"


d = D(1)
print(d + 1, 1 + d, 1j + d, d - 1, repr(d), str(d), f"{d}")
print(complex(d), type(complex(d)).__name__, complex.from_number(d), type(C.from_number(2)).__name__)


class WithComplex:
    def __complex__(self):
        return 5 + 6j


print(complex(WithComplex()), type(C(WithComplex())).__name__, C(WithComplex()))
