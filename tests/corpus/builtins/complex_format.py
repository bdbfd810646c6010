# format() and f-strings of complex numbers.
inf = float("inf")
nan = float("nan")
a = 1 + 2j
for spec in ["", ">12", "<12", "^12", "*<15", ".2f", "+.3e", "^20,.2f", "g", ".3g", "G", "E",
             "n", "#g", "z.1f", "10", " ", "-", "+", ",.1f", "_.2f", ".0f", ".10g", "r"]:
    for z in [a, 1.5j, -0.0 - 1j, complex(3, -4), complex(1e20, 1), complex(inf, nan),
              complex(-0.0, 0.0), 1234567.891 - 98765.4321j]:
        try:
            print(repr(spec), repr(z), "->", repr(format(z, spec)))
        except Exception as e:
            print(repr(spec), repr(z), "->", type(e).__name__, e)
print(f"{a}", f"{a!r:>10}", f"{a:.1f}", f"{1j:>8}", f"{a!s:*^12}", "{:.2e}".format(a))
for spec in ["010", "=10", "%", "d", "x", "c", "s", "b", "o", ".2%"]:
    try:
        print(format(a, spec))
    except Exception as e:
        print(repr(spec), type(e).__name__, e)
print("%s %r" % (1j, 1 + 1j))
try:
    print("%f" % 1j)
except Exception as e:
    print(type(e).__name__, e)
