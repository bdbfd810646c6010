# str.format: positional, numbered, keyword, escaping and format specs.
print("{} {} {}".format("a", "b", "c"))
print("{0} {1} {0}".format("x", "y"), "{2}{1}{0}".format(1, 2, 3))
print("{name} is {age}".format(name="Ann", age=30), "{0} {k}".format("pos", k="kw"))
print("{{literal}} {} {{}}".format("value"), "{{{}}}".format(5))
print("{:>6}|{:<6}|{:^6}|".format("r", "l", "c"), "{:*^9}".format("mid"))
print("{0:5d}|{1:8.3f}|{2:x}".format(42, 3.14159, 255), "{:,}".format(1234567))
print("{!r} {!s} {!r}".format("quote", "plain", 3), "{0!r:>10}".format("hi"))
print("{:{}}|".format("w", 5), "{:{fill}>{width}}".format(7, fill="0", width=4))
print("{0:{1}.{2}f}".format(2.71828, 10, 2), "{:>{w}.{p}}".format("truncate", w=6, p=3))
print("{}".format([1, "a", None]), "{}".format({"k": (1,)}), "{}".format(None))
print("{} {}".format(1.0, 1e-7), "{:g}".format(1e-7), "{}".format(True), "{:d}".format(True))

# reuse of arguments and mixing
template = "{0}-{1}-{0}-{name}"
print(template.format("A", "B", name="N"))
args = ["x", "y"]
kwargs = {"first": "F", "last": "L"}
print("{} {}".format(*args), "{first} {last}".format(**kwargs), "{0} {last}".format(*args, **kwargs))

# format() builtin and str.format equivalence
for v, spec in [(255, "x"), (255, "#010b"), (3.5, ".3e"), ("s", ">4"), (1234.5, ",.1f"), (-7, "+05d"), (0.25, ".0%")]:
    print(repr(spec), format(v, spec), "{:{}}".format(v, spec) == format(v, spec))
print(format(12), format(1.5), format("x"), format(None), repr(format(3, "")))

# tables
rows = [("alpha", 1, 0.5), ("beta", 22, 12.75), ("gamma", 333, 100.0)]
print("{:<8}{:>6}{:>10}".format("name", "n", "value"))
for name, n, val in rows:
    print("{:<8}{:>6d}{:>10.2f}".format(name, n, val))

# errors
for bad in ["{} {}", "{0} {}", "{missing}", "{:d}"]:
    try:
        if bad == "{:d}":
            print(bad.format("text"))
        else:
            print(bad.format("only"))
    except (IndexError, KeyError, ValueError) as e:
        print(bad, type(e).__name__, e)
