# Format mini-language applied to ints.
values = [0, 7, -7, 42, 255, -255, 1234567, -1234567, 2 ** 70]
specs = ["d", "5d", "<5d", "^7d", ">7", "=+8d", "+d", "-d", " d", "05d", "*^9", "x", "X", "#x", "#X",
         "o", "#o", "b", "#b", "08b", "#010b", ",", "_", "_x", "#_b", ",d", "12,d", "+,", "e", ".2f", "%"]
for spec in specs:
    out = []
    for v in values:
        try:
            out.append(format(v, spec))
        except (ValueError, OverflowError) as e:
            out.append(type(e).__name__)
    print(repr(spec), out)

# fill characters and alignment combos
for fill in "*0 -.":
    for align in "<>^=":
        print(repr(fill + align), "[" + format(-42, fill + align + "8") + "]", "[" + format(42, fill + align + "+8") + "]")

# zero padding with sign-aware and grouping
print(format(-42, "08"), format(42, "+08"), format(1234567, "012,"), format(-1234567, "012_"), format(255, "#06x"))
print(format(65, "c"), format(9731, "c"), "{:c}{:c}".format(104, 105))
print(format(True, "d"), format(False, "05"), format(True, ">5"))
for n in [0, 9, 10, 255, 4096]:
    print(f"{n:>5d} {n:>#6x} {n:>#8o} {n:>#14b} {n:>6,}")
# the same value through format(), str.format(), an f-string and %
v = 48879
print(format(v, "#x"), "{:#x}".format(v), f"{v:#x}", "%#x" % v)
print(format(-v, ",d"), "{:_d}".format(-v), f"{v:+010d}", "%+010d" % v)
print("{:5}|{:<5}|{:^5}|{:>5}|".format(1, 2, 3, 4))
print(f"{12345:>10,}|{-12345:<10_}|{12345:^+12,}|")
print(f"{0xdeadbeef:_X}", f"{0o777:#_o}", f"{2 ** 20:_b}")
