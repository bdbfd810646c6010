# A float loop multiplying by a constant (CPython's ftscalingbench `mult_constant`).
from _harness import run


def work(n):
    x = 1.0
    for _ in range(n):
        x = x * 1.000001
        x = x * 0.9999995
    return round(x, 6)


run(work)
