# The math module: constants, float functions (printed through float repr), exact integer
# functions, and CPython's error messages.
import math
from math import floor, ceil, sqrt


def attempt(f):
    try:
        print("ok", repr(f()))
    except (ValueError, TypeError, OverflowError, ZeroDivisionError) as e:
        print(type(e).__name__ + ":", e)


print(math.pi, math.e, math.tau, math.inf, -math.inf, math.nan, math.isnan(math.nan))

# rounding to integers (exact, ints of any size)
for x in [2.5, -2.5, 0.0, -0.0, 1e20, -1e20, 1.5e300, 7, -7, True, 2 ** 100]:
    print(x, floor(x), ceil(x), math.trunc(x), type(floor(x)).__name__)
print(floor(1e300) == int(1e300), ceil(-1e300) == int(-1e300), floor(2 ** 53 + 1.0))
attempt(lambda: floor(math.inf))
attempt(lambda: ceil(math.nan))
attempt(lambda: math.trunc("3"))
attempt(lambda: floor("3"))


class Temp:
    def __floor__(self):
        return "floor of Temp"

    def __ceil__(self):
        return "ceil of Temp"

    def __trunc__(self):
        return "trunc of Temp"

    def __float__(self):
        return 21.5


t = Temp()
print(floor(t), ceil(t), math.trunc(t), sqrt(t), math.fabs(t))

# roots, powers, logarithms
print(sqrt(2), sqrt(16), sqrt(0.0), sqrt(-0.0), sqrt(1e308), sqrt(5e-324), math.isqrt(99), math.isqrt(10 ** 40 + 1))
print(math.isqrt(2 ** 200) == 2 ** 100, math.isqrt(2 ** 200 - 1) == 2 ** 100 - 1, math.isqrt(0), math.isqrt(True))
print(math.exp(0), math.exp(1), math.exp(-745), math.exp(-746), math.expm1(1e-10), math.exp2(10), math.exp2(0.5))
print(math.pow(2, 10), math.pow(2, 0.5), math.pow(-2, 3), math.pow(-8, 1 / 3) if False else 0, math.pow(0, 0), math.pow(1, math.nan), math.pow(math.nan, 0))
print(math.pow(math.inf, -2), math.pow(-math.inf, 3), math.pow(-math.inf, 2), math.pow(0.5, math.inf), math.pow(2, -math.inf), math.pow(-1, math.inf))
print(math.log(1), math.log(math.e), math.log(100, 10), math.log(8, 2), math.log(2 ** 1000), math.log(10 ** 500, 10), math.log(3 ** 1000, 3))
print(math.log2(1024), math.log2(2 ** 2000), math.log2(3), math.log10(1000), math.log10(10 ** 400), math.log10(0.001), math.log1p(1e-15), math.log1p(-0.0))
print(math.log(math.inf), math.log(True), math.log(10.0, 100), math.cbrt(27), math.cbrt(-8))
attempt(lambda: sqrt(-1))
attempt(lambda: sqrt(-1e-300))
attempt(lambda: math.isqrt(-1))
attempt(lambda: math.isqrt(4.0))
attempt(lambda: math.log(0))
attempt(lambda: math.log(-2 ** 100))
attempt(lambda: math.log(0.0))
attempt(lambda: math.log(-math.inf))
attempt(lambda: math.log(10, 1))
attempt(lambda: math.log(10, 0))
attempt(lambda: math.log2(0))
attempt(lambda: math.log10(-1))
attempt(lambda: math.log1p(-1))
attempt(lambda: math.exp(1000))
attempt(lambda: math.pow(0, -1))
attempt(lambda: math.pow(-2, 0.5))
attempt(lambda: math.pow(10, 400))
attempt(lambda: math.log("e"))

# trigonometry and hyperbolic functions
for x in [0.0, 0.5, 1.0, -1.0, math.pi / 6, math.pi / 4, math.pi]:
    print(x, math.sin(x), math.cos(x), math.tan(x), math.atan(x), math.sinh(x), math.cosh(x), math.tanh(x))
print(math.asin(0.5), math.acos(0.5), math.asin(1), math.acos(-1), math.atan2(1, 1), math.atan2(-1, -1), math.atan2(0.0, -0.0), math.atan2(-0.0, -1))
print(math.asinh(1), math.acosh(2), math.atanh(0.5), math.degrees(math.pi), math.degrees(1), math.radians(180), math.radians(45))
print(math.atan(math.inf), math.tanh(-math.inf), math.atan2(math.inf, -math.inf), math.sin(0.0), math.sin(-0.0))
attempt(lambda: math.asin(2))
attempt(lambda: math.acos(-1.5))
attempt(lambda: math.acosh(0))
attempt(lambda: math.atanh(1))
attempt(lambda: math.sin(math.inf))
attempt(lambda: math.cos(-math.inf))
attempt(lambda: math.cosh(1000))
attempt(lambda: math.sinh(-1000))

# hypot and dist (correctly rounded norms), fsum (exact), prod
print(math.hypot(3, 4), math.hypot(5, 12), math.hypot(), math.hypot(-7), math.hypot(1, 1, 1, 1), math.hypot(1e200, 1e200), math.hypot(1e-200, 1e-200))
print(math.hypot(0.1, 0.2, 0.3), math.hypot(3e-320, 4e-320), math.hypot(math.inf, math.nan), math.hypot(math.nan, 2), math.hypot(2 ** 60, 3))
print(math.dist((0, 0), (3, 4)), math.dist([1, 2, 3], [4, 6, 8]), math.dist((1.5,), (-2.5,)), math.dist((), ()))
print(math.fsum([0.1] * 10), math.fsum([1e100, 1.0, -1e100, 1e-100, 1e50, -1.0, -1e50]), math.fsum([1e-16, 1, 1e16]), math.fsum([]))
print(math.fsum([2 ** 53, 1, 1]), math.fsum(range(1, 101)), math.fsum([math.inf, 1]), math.fsum([-0.0, -0.0]), math.fsum((0.1, 0.2, 0.3)))
print(math.prod([1, 2, 3, 4, 5]), math.prod(range(1, 26)), math.prod([0.5, 4, 3]), math.prod([]), math.prod([2, 3], start=10), math.prod([True, 7]))
attempt(lambda: math.fsum([math.inf, -math.inf]))
attempt(lambda: math.fsum([1e308, 1e308]))
attempt(lambda: math.fsum([1, "2"]))
attempt(lambda: math.dist((1, 2), (1, 2, 3)))
attempt(lambda: math.hypot(1, "2"))

# exact integer functions
print(math.gcd(12, 18), math.gcd(-12, 18), math.gcd(0, 0), math.gcd(0, -5), math.gcd(), math.gcd(7), math.gcd(12, 18, 27), math.gcd(2 ** 100, 6 ** 50))
print(math.lcm(4, 6), math.lcm(-4, 6), math.lcm(0, 5), math.lcm(), math.lcm(9), math.lcm(2, 3, 4, 5, 6), math.lcm(2 ** 64, 3 ** 40) == 2 ** 64 * 3 ** 40)
print(math.factorial(0), math.factorial(1), math.factorial(20), math.factorial(21), math.factorial(52))
print(math.factorial(500) % (10 ** 30 + 57), len(str(math.factorial(1000))))
print(math.comb(5, 2), math.comb(10, 0), math.comb(10, 10), math.comb(5, 7), math.comb(52, 5), math.comb(100, 50), math.comb(10 ** 20, 3))
print(math.perm(5, 2), math.perm(5), math.perm(5, 0), math.perm(5, 7), math.perm(20, 10), math.perm(10 ** 20, 2))
attempt(lambda: math.factorial(-1))
attempt(lambda: math.factorial(5.0))
attempt(lambda: math.factorial("5"))
attempt(lambda: math.comb(-1, 2))
attempt(lambda: math.comb(5, -2))
attempt(lambda: math.perm(-3))
attempt(lambda: math.perm(3, -1))
attempt(lambda: math.gcd(1.5, 3))
attempt(lambda: math.lcm(4, "6"))

# classification, comparison, decomposition
print(math.isfinite(1e308), math.isfinite(math.inf), math.isinf(-math.inf), math.isinf(1e308), math.isnan(0.0), math.isnan(float("nan")))
print(math.isclose(1.0, 1.0 + 1e-10), math.isclose(1.0, 1.001), math.isclose(1.0, 1.001, rel_tol=1e-2), math.isclose(0.0, 1e-12), math.isclose(0.0, 1e-12, abs_tol=1e-9))
print(math.isclose(math.inf, math.inf), math.isclose(math.inf, 1e308), math.isclose(math.nan, math.nan), math.isclose(-1, -1.0000000001))
print(math.copysign(3, -0.0), math.copysign(-2.5, 1), math.copysign(math.inf, -1), math.fabs(-3), math.fabs(-0.0), math.fmod(7, 3), math.fmod(-7, 3), math.fmod(7, -3))
print(math.fmod(5.5, math.inf), math.fmod(-0.0, 2), math.remainder(7, 2), math.remainder(5, 2), math.remainder(-5, 2), math.remainder(10, 3.5))
print(math.modf(3.75), math.modf(-3.75), math.modf(2.0), math.modf(-2.0), math.modf(math.inf), math.modf(-math.inf))
print(math.frexp(8), math.frexp(-0.1), math.frexp(0.0), math.frexp(5e-324), math.frexp(1e308), math.frexp(math.inf))
print(math.ldexp(0.5, 4), math.ldexp(1, -1074), math.ldexp(1, -1075), math.ldexp(3, -1075), math.ldexp(1.5, 1023), math.ldexp(-0.0, 10), math.ldexp(7, -10 ** 30))
print(math.nextafter(1.0, 2.0), math.nextafter(1.0, 0.0), math.nextafter(0.0, -1.0), math.nextafter(2.0, 2.0), math.ulp(1.0), math.ulp(0.0), math.ulp(1e300), math.ulp(math.inf))
print(math.erf(0.5), math.erf(-1), math.erfc(0.5), math.erfc(10), math.erf(math.inf))
attempt(lambda: math.isclose(1, 2, rel_tol=-0.5))
attempt(lambda: math.fmod(1, 0))
attempt(lambda: math.fmod(math.inf, 2))
attempt(lambda: math.remainder(1, 0))
attempt(lambda: math.ldexp(1.0, 2.0))
attempt(lambda: math.ldexp(1.0, 10 ** 30))
attempt(lambda: math.ldexp(1e308, 10))
attempt(lambda: math.copysign("1", 2))
attempt(lambda: math.atan2(1))
attempt(lambda: math.sqrt())
