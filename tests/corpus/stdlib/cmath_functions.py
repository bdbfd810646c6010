# cmath: every function on ordinary values, branch cuts and signed zeros, errors.
import cmath


def fmt(r):
    # 13 significant digits: the last bit of the inverse hyperbolic functions depends on
    # the C library (glibc 2.41 rounds asinh correctly); signs of zeros stay visible.
    if isinstance(r, complex):
        return "(%.13g%+.13gj)" % (r.real, r.imag)
    if isinstance(r, float):
        return "%.13g" % r
    if isinstance(r, tuple):
        return "(" + ", ".join(fmt(x) for x in r) + ")"
    return repr(r)


def show(label, f):
    try:
        r = f()
    except Exception as e:
        print(label, type(e).__name__, e)
        return
    print(label, fmt(r), type(r).__name__)


print(cmath.pi, cmath.e, cmath.tau, cmath.inf, cmath.nan, cmath.infj, cmath.nanj)
values = [0j, -0.0 + 0j, complex(0.0, -0.0), complex(-0.0, -0.0), 1, -1, 2.5, 1j, -1j,
          1 + 1j, -2 + 3j, 3 - 4j, -0.5 - 0.25j, complex(-1, 0.0), complex(-1, -0.0),
          complex(2, 0.0), complex(2, -0.0), complex(0.0, 2), complex(-0.0, -2), 1e-310 + 1e-310j,
          1e300 + 1e300j, -1e308 - 1e308j, 0.9 + 0.3j, 700 + 1j, -710 + 2j, 1 + 1e-20j]
names = ["sqrt", "exp", "log", "log10", "sin", "cos", "tan", "asin", "acos", "atan",
         "sinh", "cosh", "tanh", "asinh", "acosh", "atanh"]
for name in names:
    f = getattr(cmath, name)
    for v in values:
        show("%s(%r)" % (name, v), lambda: f(v))
for v in values:
    show("phase(%r)" % (v,), lambda: cmath.phase(v))
    show("polar(%r)" % (v,), lambda: cmath.polar(v))
for r, phi in [(1, 0), (2, 1.5), (-1, 0.0), (0, 3), (1, -0.0), (3, cmath.pi), (1e308, 1e-308)]:
    show("rect(%r, %r)" % (r, phi), lambda: cmath.rect(r, phi))
print(fmt(cmath.log(8, 2)), fmt(cmath.log(1j, 1j)), fmt(cmath.log(100, 10)), fmt(cmath.log(-1, 2 + 0j)))
show("log(0)", lambda: cmath.log(0))
show("log(1, 1)", lambda: cmath.log(1, 1))
show("log(2, 0)", lambda: cmath.log(2, 0))
show("log10(0)", lambda: cmath.log10(0j))
show("atanh(1)", lambda: cmath.atanh(1))
show("atanh(-1)", lambda: cmath.atanh(-1))
show("exp(1000)", lambda: cmath.exp(1000))
show("cosh(1000)", lambda: cmath.cosh(1000 + 1j))
show("sinh(1000)", lambda: cmath.sinh(1000 + 1j))
show("polar big", lambda: cmath.polar(complex(1e308, 1e308)))
show("sqrt str", lambda: cmath.sqrt("4"))
show("sqrt none", lambda: cmath.sqrt(None))
show("sqrt 2 args", lambda: cmath.sqrt(1, 2))
show("sqrt no args", lambda: cmath.sqrt())
show("rect str", lambda: cmath.rect("1", 2))
inf = float("inf")
nan = float("nan")
for v in [complex(inf, 0), complex(-inf, 0), complex(0, inf), complex(nan, 0), complex(1, nan),
          complex(inf, nan), complex(-inf, 2)]:
    print(repr(v), cmath.isfinite(v), cmath.isinf(v), cmath.isnan(v), cmath.phase(v))
    show("  sqrt", lambda: cmath.sqrt(v))
    show("  exp", lambda: cmath.exp(v))
    show("  log", lambda: cmath.log(v))
    show("  abs", lambda: abs(v))
print(cmath.isclose(1 + 1j, 1 + 1.0000000001j), cmath.isclose(1j, 1.1j), cmath.isclose(1j, 1.1j, rel_tol=0.2))
print(cmath.isclose(0j, 1e-10j), cmath.isclose(0j, 1e-10j, abs_tol=1e-9), cmath.isclose(complex(inf, 0), complex(inf, 0)))
print(cmath.isclose(complex(inf, 0), complex(inf, 1)), cmath.isclose(nan, nan))
show("isclose neg", lambda: cmath.isclose(1, 1, rel_tol=-1))
show("isclose pos", lambda: cmath.isclose(1, 1, 1e-3))


class C:
    def __complex__(self):
        return 4j


class F:
    def __float__(self):
        return 4.0


class I:
    def __index__(self):
        return 9


print(cmath.sqrt(C()), cmath.sqrt(F()), cmath.sqrt(I()), cmath.phase(C()), cmath.sqrt(True))
print(cmath.sqrt(-1), cmath.sqrt(complex(-1, -0.0)), cmath.exp(1j * cmath.pi), cmath.log(-1), cmath.acos(2), cmath.atanh(0.5))
