# Format mini-language applied to floats.
values = [0.0, -0.0, 1.0, -2.5, 3.14159265, 1234567.891, 0.000123456, 1e16, 1.5e-10, 2.5, 0.125, float("inf"), float("-inf"), float("nan")]
specs = ["", "f", ".0f", ".1f", ".3f", "10.2f", "<10.2f", "^10.2f", "+.2f", " .2f", "010.2f", "e", ".2e", "E", "g", ".3g", "G",
         ".10g", "%", ".1%", ",.2f", "_.1f", "*>12.3f", "#.0f", "#g", ".2", "8"]
for spec in specs:
    print(repr(spec), [format(v, spec) for v in values])

# rounding in fixed-point formatting is round-half-even on the exact binary value
for v in [0.5, 1.5, 2.5, 0.125, 0.375, 1.005, 2.675, 1e-5, 123.455]:
    print(v, format(v, ".0f"), format(v, ".2f"), format(v, ".1e"), format(v, ".3g"))

# ints formatted with float types
for v in [0, 5, -17, 10 ** 20]:
    print(v, format(v, "f"), format(v, ".2e"), format(v, "g"), format(v, "%"), format(v, ".1f"))

# g switches between fixed and exponent
for exp in range(-7, 18, 3):
    v = 1.234567 * 10 ** exp
    print(exp, format(v, "g"), format(v, ".4g"), format(v, "G"), str(v), repr(round(v, 3)))

# fixed width columns of mixed magnitudes
for v in [0.001, 1.5, 22.25, 333.125, 4444.0625]:
    print(f"[{v:10.3f}] [{v:<10.1e}] [{v:^10.4g}] [{v:+09.2f}]")

# the same value through format(), str.format() and an f-string
x = 2 / 3
print(format(x, ".4f"), "{:.4f}".format(x), f"{x:.4f}", "%.4f" % x)
print(format(-x, "+.2e"), "{:+.2e}".format(-x), f"{-x:+.2e}", "%+.2e" % -x)

# percentages and widths in a report
rates = [("alpha", 0.1234), ("beta", 0.5), ("gamma", 1.0), ("delta", 0.00049)]
for name, r in rates:
    print(f"{name:<6}{r:>8.1%}{r:>12.4f}{r:>12.3e}")
