# math.gamma, lgamma (CPython's Lanczos approximation, bit for bit), fma, sumprod.
import math


class N:
    def __init__(self, v):
        self.v = v

    def __mul__(self, o):
        return N(self.v * o)

    def __radd__(self, o):
        return o + self.v


def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)


for x in [0.5, 1, 2, 3, 5.5, 10, 23, 24, 30.3, 100.7, 171.5, 172, -0.5, -1.5, -2.5, -10.3,
          -170.5, -180.5, 1e-25, -1e-25, 0.0, -0.0, -1, -2.0, float("inf"), float("-inf"),
          float("nan"), 141.5, 150.25, -150.25, 200.5, 1e300, 0.1, 7.7, 1.0000001, 2.5e-10]:
    t(lambda: (math.gamma(x), math.lgamma(x)))
    t(lambda: math.lgamma(x))
t(lambda: math.gamma("x"))
t(lambda: math.fma(2.0, 3.0, 1.0))
t(lambda: math.fma(1e308, 10, 0))
t(lambda: math.fma(float("inf"), 0, 1))
t(lambda: math.fma(float("nan"), 0, 1))
t(lambda: math.fma(0.1, 10, -1))
t(lambda: math.fma(float("inf"), 1, float("-inf")))
t(lambda: math.sumprod([1, 2, 3], [4, 5, 6]))
t(lambda: math.sumprod([0.1] * 10, [1] * 10))
t(lambda: math.sumprod([1, 2], [3]))
t(lambda: math.sumprod([1.5, 2], [2, 3.5]))
t(lambda: math.sumprod([], []))
t(lambda: math.sumprod([1e308, 1e308, -1e308], [1, 1, 1]))
t(lambda: math.sumprod([N(2), 2], [3, 0.5]))
t(lambda: math.sumprod([2, N(2), 1.5], [3, 4, 2]))
t(lambda: math.sumprod([1, 2**70], [3, 2]))
t(lambda: math.sumprod([True, 2.5], [1, 2]))
t(lambda: math.sumprod(1, [1]))
t(lambda: math.sumprod([0.1, 0.2, 0.3], [0.3, 0.2, 0.1]))
