# complex: literals, constructor, repr/str, attributes, arithmetic (CPython 3.14
# mixed-mode rules), comparisons, hashing, truth value, errors.
inf = float("inf")
nan = float("nan")


def show(label, f):
    try:
        print(label, repr(f()))
    except Exception as e:
        print(label, type(e).__name__, e)


# literals
print(1j, 2.5e3J, 0j, -1j, 1e20j, 1e-5j, 3 + 4j, 1 - 2j, type(1j).__name__)
print(repr(complex(-0.0, -0.0)), repr(complex(0.0, -0.0)), repr(complex(-0.0, 0.0)))
print(complex(nan, inf), complex(-inf, nan), complex(1.5, 1e-5), 1e16j, complex(1e16, 1))
print(str(1 + 2j), (1 + 2j).real, (1 + 2j).imag, (3 - 4j).conjugate(), (2j).real)

# constructor
print(complex(), complex(2), complex(2.5), complex(True), complex(1, 2), complex(1.5, -2))
print(complex(real=2, imag=3), complex(imag=4), complex(2 ** 60, 1))
print(complex("1+2j"), complex(" (1-2.5e3J) "), complex("j"), complex("-j"), complex("+J"))
print(complex("1"), complex("-1.5"), complex("inf+nanj"), complex("-infj"), complex("1e3-1e-3j"))
print(complex("1_000+2_0j"), complex("\t3.5\n"), complex("(2)"), complex(".5j"), complex("5.j"))
print(complex(1 + 2j), complex(0, 0.0) is not None)
for s in ["", "1+", "j1", "1 + 2j", "1+2jj", "(1+2j", "abc", "1+2", "()", "1__0", "_1", "1e", "+", "1j+2"]:
    show("complex(%r)" % s, lambda: complex(s))
show("two strings", lambda: complex("1", "2"))
show("str imag", lambda: complex(1, "2"))
show("str real", lambda: complex("1", 2))
show("None", lambda: complex(None))
show("list", lambda: complex([1]))
show("bytes", lambda: complex(b"1"))
show("None imag", lambda: complex(1, None))
show("kw", lambda: complex(real=1, foo=2))
show("3 args", lambda: complex(1, 2, 3))


class WithComplex:
    def __complex__(self):
        return 3 + 4j


class WithFloat:
    def __float__(self):
        return 2.5


class WithIndex:
    def __index__(self):
        return 7


class BadComplex:
    def __complex__(self):
        return 1.5


print(complex(WithComplex()), complex(WithFloat()), complex(WithIndex()))
print(complex(WithFloat(), WithIndex()), complex(2, WithFloat()))
show("bad __complex__", lambda: complex(BadComplex()))
print(complex.from_number(3), complex.from_number(2.5), complex.from_number(1 - 1j))
print(complex.from_number(WithComplex()), complex.from_number(WithFloat()), complex.from_number(WithIndex()))
show("from_number str", lambda: complex.from_number("1"))
show("from_number None", lambda: complex.from_number(None))

# arithmetic
a, b = 1 + 2j, 3 - 4j
print(a + b, a - b, a * b, a / b, a ** 2, a ** -2, a ** 0.5, -a, +a, abs(b))
print(a + 1, 1 + a, a - 1, 1 - a, a * 2, 2 * a, a / 2, 2 / a, a + 0.5, 0.5 - a, a * 1.5)
print(2 ** a, 2.0 ** 1j, (1 + 1j) ** (1 + 1j), 1j ** 2, (1 + 2j) ** 3, 0j ** 0, 0j ** 2, (2 + 0j) ** 10)
print(complex(1, -0.0) + 0.0, 0.0 + complex(1, -0.0), 2 - complex(1, -0.0), complex(1, -0.0) * 2.0)
print(2.0 / complex(1, 2), complex(1, 2) / 2, complex(inf, 0) * 2, 2 * complex(inf, nan))
print(complex(inf, nan) * complex(inf, nan), complex(inf, inf) / complex(1, 1))
print(complex(1, 1) / complex(inf, inf), complex(inf, nan) * complex(2, 3), complex(nan, inf) / complex(1, 2))
print(complex(1e300, 1e300) * complex(1e300, 1e300), abs(complex(inf, nan)), abs(complex(nan, 1)))
print((-8) ** 0.5, (-8) ** (1 / 3), (-2.0) ** 1.5, 10 ** 0.5)
print(2 ** 100 + 1j, 1j * 2 ** 70)
x = 1j
x += 1
x *= 2
x -= 1j
x /= 2
x **= 2
print(x)
show("div zero", lambda: (1 + 1j) / 0)
show("div zero c", lambda: 1 / 0j)
show("div zero cc", lambda: 1j / 0j)
show("div zero f", lambda: 1j / 0.0)
show("zero pow", lambda: 0j ** -1)
show("zero cpow", lambda: 0j ** 1j)
show("overflow pow", lambda: 1e200j ** 2)
show("overflow pow2", lambda: (1e200 + 1e200j) ** 100.5)
show("abs overflow", lambda: abs(complex(1e308, 1e308)))
show("big int", lambda: 1j + 10 ** 400)
show("floordiv", lambda: 1j // 2)
show("rfloordiv", lambda: 2 // 1j)
show("mod", lambda: 1j % 2)
show("divmod", lambda: divmod(1j, 2))
show("pow3", lambda: pow(1j, 2, 3))
show("invert", lambda: ~1j)
show("and", lambda: 1j & 1)
show("str add", lambda: 1j + "a")
show("list mul", lambda: [1] * 1j)
show("int()", lambda: int(1j))
show("float()", lambda: float(1j))
show("round", lambda: round(1j))

# comparisons
print(1j == 1j, 1 + 0j == 1, 1 + 0j == 1.0, 1j != 1, 1j == "1j", 1j != None, complex(nan, 0) == nan)
print(2 ** 53 + 1 == complex(2 ** 53 + 1, 0), complex(2 ** 53, 0) == 2 ** 53, True == 1 + 0j, 0j == False)
print(1 == 1 + 0j, 1.0 != 1 + 0j, [1j, 2] == [1j, 2], (1j,) == (1j,), 1j in [0, 1j], 2 in {2 + 0j})
for op in ["<", "<=", ">", ">="]:
    show("1j %s 2" % op, lambda: eval("1j %s 2" % op))
show("sorted", lambda: sorted([1j, 2j]))
show("max", lambda: max(1, 1j))

# hashing: equal numbers hash alike
print(hash(1j), hash(complex(2, 0)) == hash(2), hash(complex(1.5, -2.25)), hash(complex(-1, 0)))
print(hash(complex(0.5, 0)) == hash(0.5), hash(complex(inf, -inf)), hash(0j))
d = {1: "int", 2.5: "float", 3j: "complex"}
print(d[1 + 0j], d[complex(2.5)], d[3j], {1, 1 + 0j, 1.0}, len({1j, 1j, 2j}))

# truth value and misc
print(bool(0j), bool(1j), bool(complex(0, -0.0)), bool(complex(nan, 0)), not 0j)
print((1 + 2j).__complex__(), (1 + 2j).__getnewargs__(), complex.__name__, complex.__mro__)
print(isinstance(1j, complex), issubclass(complex, object), type(1j) is complex)
print(sum([1j, 2, 3.5]), [1j] * 2, (2 + 3j).__add__(1), (2 + 3j).__radd__(1), (2 + 3j).__rsub__(1))
print((2j).__lt__(1), (2j).__eq__(2j), (2j).__pow__(2), (2j).__rpow__(2))

