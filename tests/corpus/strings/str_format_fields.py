# str.format / format_map: field names with attributes and indices, nested specs, conversions.
class P:
    def __init__(self, x, y):
        self.x = x
        self.y = y
        self.items = [x, y]
    def __repr__(self):
        return "P(%r, %r)" % (self.x, self.y)
    def __str__(self):
        return "<%s,%s>" % (self.x, self.y)
    def __format__(self, spec):
        return "P[" + spec + "]"

p = P(3, "é")
print("{0.x} {0.y} {0.items[1]} {0.items[0]:>4}|".format(p))
print("{p.x}-{p.items[0]}-{d[key]}-{d[0]}-{l[2]}".format(p=p, d={"key": "K", 0: "zero", "0": "strzero"}, l=[1, 2, 3]))
print("{0[a]} {0[ b]} {1[0][1]} {2.real} {2.imag}".format({"a": 1, " b": 2}, [[5, 6]], 7))
print("{!r} {!s} {!a} {}".format(p, p, "é☃", p), "{0!r:>12}|{0!s:^9}|".format("ab"))
print("{:{}{}{}}|".format("x", "*", "^", 7), "{:{w}.{p}f}|{:>{w}}".format(3.14159, "r", w=8, p=2))
print("{0:{1}}|{0:{2}}|".format(42, "<6", "^+8"), "{:{fmt}}".format(255, fmt="#x"))
print("{{}} {{{0}}} }}{{ {0}{{".format("v"), "{}{}".format("", ""), "{:}|{:s}|".format("a", "b"))
print("{0}{1}{0}".format("ab", "cd"), "{0:}|{0!s}|{0!r}".format(None), "{:5}|{:<5}|".format(True, False))
print("{:,} {:_} {:.3%} {:e} {:08.3f} {:+d} {: d}".format(1234567, 10**8, 0.5, 12345.678, -3.14159, 5, 7))
print("{x}".format(x="only", y="unused"), "{}".format(1, 2, 3), "{0}".format(*"abc"), "{٣}".format(0, 1, 2, "three"))
print("{0[٣]}".format(["a", "b", "c", "d"]), "{0[-1]}".format({"-1": "neg"}), "{0[1:2]}".format({"1:2": "sl"}))
print("{a}{b}".format_map({"a": 1, "b": 2}))
class D(dict):
    def __missing__(self, k):
        return "<" + k + ">"
print("{name} is {age} ({unknown})".format_map(D(name="Ann", age=3)))
print("{0.__class__.__name__} {1.__class__.__name__}".format(1, "s"), "{0.__len__.__name__}".format("x"))
print("x".format(), "no fields".format(1, k=2), "é{}ü".format("ö"), "{}".format("☃" * 3))

def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__ + ":", e)
for fmt in ["{0}{}", "{}{0}", "{", "}", "a{", "a}b", "{0!x}", "{0!}", "{0!rr}", "{0!r", "{0.}", "{0[}", "{0[0]x}",
            "{0.foo}", "{0[5]}", "{1}", "{x}", "{:x}", "{0:}}", "{ 0}", "{-1}", "{0:{1:{2}}}", "{0:{1}", "{!}",
            "{0[]}", "{0..x}", "{0[0]]}", "{0:{}}", "{0!s:{}}", "{:d}", "{:,s}", "{0:=5}", "{{}", "{0!é}"]:
    t(lambda: fmt.format([1], 2, 3))
t(lambda: "{:{}}".format(1, 2, 3))
t(lambda: "{:{:{}}}".format(1, 2, 3))
t(lambda: "{0:{1}}".format(1, []))
t(lambda: "{}".format_map({}))
t(lambda: "{a}".format_map([]))
t(lambda: "{a}".format_map(None))
t(lambda: "a".format_map())
t(lambda: "{0[99999999999999999999]}".format([]))
t(lambda: "{99999999999999999999}".format())
t(lambda: "{0}".format())
t(lambda: "{a.b}".format(a=1))
t(lambda: "{:s}".format(1))
t(lambda: "{:d}".format("x"))
t(lambda: "{:>{w}}".format("x", w="a"))
