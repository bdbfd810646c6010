# Format mini-language applied to strings.
words = ["", "a", "abc", "hello world", "é☃"]
specs = ["", "s", "5", "<5", ">5", "^5", "^6", "*<7", "->7", "_^8", ".2", "8.3", ">8.1", "^9.4s", "0>4", "x^3"]
for spec in specs:
    print(repr(spec), ["[" + format(w, spec) + "]" for w in words])

print("{:10}|{:>10}|{:^10}|".format("left", "right", "mid"))
print(f"{'trunc':.3}|{'pad':~^9}|{'z':0<3}|")
print("{0:>{1}}|{0:<{1}}|".format("ab", 4))
print(format("x", "") == "x", str.format("{}", "y"), "{:s}".format("z"))

# !r and !s inside format with specs
for v in ["text", 5, None, [1, 2]]:
    print("{!r:>10}|{!s:<10}|{:>10}|".format(v, v, str(v)))

# left justified columns
header = ["id", "name", "language"]
rows = [["1", "gilvm", "rust"], ["22", "cpython", "c"], ["333", "pypy", "rpython"]]
widths = [max(len(r[i]) for r in rows + [header]) for i in range(3)]
line = "  ".join("{:<" + str(w) + "}" for w in widths)
print(line.format(*header))
print("  ".join("-" * w for w in widths))
for r in rows:
    print(line.format(*r))

# errors for bad specs
for spec in ["d", "=5", "+"]:
    try:
        print(format("abc", spec))
    except ValueError as e:
        print(spec, "ValueError:", e)
