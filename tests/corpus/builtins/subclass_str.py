# Subclasses of str: every str method, `in`, concatenation, join, print, dict keys,
# str.format, %, overrides, __new__/__init__ and attributes.
def attempt(f):
    try:
        return f()
    except Exception as e:
        return type(e).__name__ + ": " + str(e)


class S(str):
    pass


s = S("Hello, World")
print(s, repr(s), str(s), type(s).__name__, type(str(s)).__name__, len(s), s[0], s[-1], s[1:5], s[::-1])
print(type(s[0]).__name__, type(s[1:3]).__name__, type(s[:]).__name__, type(s + "!").__name__, type("!" + s).__name__)
print(s.upper(), s.lower(), s.split(", "), s.replace("l", "L"), s.find("World"), s.index("o"), s.count("l"))
print(s.startswith("Hell"), s.endswith(S("ld")), s.strip("Hd"), s.center(16, "*"), s.zfill(14), s.title(), s.swapcase())
print(s.partition(", "), s.rpartition("o"), s.splitlines(), s.isalpha(), S("abc").isalpha(), S("12").isdigit())
print(s.encode(), s.casefold(), s.ljust(14, "."), s.rjust(14), s.expandtabs(), S("a\tb").expandtabs(4))
print(type(s.strip()).__name__, type(S("x").upper()).__name__, type(S("abc").replace("z", "y")).__name__)
print(s + "!", "> " + s, s * 2, 2 * S("ab"), S("ab") + S("cd"), type(S("ab") + S("cd")).__name__)
print("lo" in s, S("lo") in "hello", S("x") in s, s == "Hello, World", "Hello, World" == s, s < "Z", s > S("A"))
print(hash(s) == hash("Hello, World"), ", ".join([S("a"), S("b"), "c"]), S("-").join(["x", "y"]), type(S("-").join(["x"])).__name__)
print("{} and {}".format(s, S("x")), S("{0}-{1}").format(1, 2), "%s|%r|%5s" % (S("a"), S("b"), S("c")), f"{s}|{s:>14}|{s!r}")
print(format(S("x"), "^5"), S("%d items") % 3, S("%s") % S("q"), type(S("%d") % 1).__name__)
d = {"key": 1, S("other"): 2}
print(d[S("key")], d["other"], S("key") in d, "other" in d, sorted(d), {S("a"): 1} == {"a": 1})
print(list(S("abc")), [c for c in S("xyz")], sorted(S("cab")), set(S("aa")), tuple(S("hi")), dict.fromkeys(S("ab")))
print(int(S("42")), float(S("2.5")), S("a,b,,c").split(","), S("  pad  ").split(), S("A-B").lower().split("-"))
print(ord(S("A")), S("abc").encode("ascii"), str(S("x"), ) == "x", str.upper(S("q")), str.__len__(S("four")))
print(getattr(s, "upper")(), getattr(str, S("lower"))("X"), S("x").__class__, isinstance(s, str), issubclass(S, str))
print(S(), repr(S()), S(123), S(b"by", "ascii"), S([1, 2]), S(S("nested")), type(S(S("nested"))).__name__)
print(attempt(lambda: S(b"x", 5)), attempt(lambda: S(1, 2)))
print(max([S("b"), "a", S("c")]), min(S("zyx")), sorted([S("b"), "a"]), "abc".startswith((S("x"), S("a"))))
print(s.__len__(), s.__contains__("W"), s.__getitem__(0), s.__add__("?"), s.__mul__(2), s.__eq__("x"))

s.tag = "t"
print(s.tag, s.__dict__)


class Upper(str):
    def __new__(cls, value):
        return super().__new__(cls, value.upper())

    def __init__(self, value):
        self.original = value

    def __repr__(self):
        return "Upper(%s)" % str.__repr__(self)

    def __str__(self):
        return "<" + self + ">"

    def __len__(self):
        return 99

    def __getitem__(self, i):
        return "item%s" % i

    def __eq__(self, other):
        return str.__eq__(self.lower(), str(other).lower())

    def __hash__(self):
        return hash(self.lower())

    def __contains__(self, x):
        return True

    def __add__(self, other):
        return Upper(str.__add__(self, other))

    def __iter__(self):
        return iter("it")


u = Upper("hi")
print(u, repr(u), str(u), [u], u.original, len(u), u[0], "zz" in u, u + "x", repr(u + "x"), list(u))
print(u == "HI", u == "hi", "hi" == u, {u: 1}.get("HI"), {"hi": 5}.get(u), u.lower(), str.__len__(u), u.upper())
print(f"{u}", "%s" % u, "{}".format(u), "-".join([u, "a"]), u.split("I"), "x" + u, type("x" + u).__name__)


class Path(str):
    __slots__ = ()

    @property
    def parts(self):
        return self.split("/")

    def __truediv__(self, other):
        return Path(self + "/" + other)

    def __radd__(self, other):
        return Path("radd:" + str.__str__(self))


p = Path("usr") / "lib" / "python"
print(p, type(p).__name__, p.parts, attempt(lambda: setattr(p, "x", 1)), "pre-" + p, type("pre-" + p).__name__)
print(str.__new__(S, "direct"), type(str.__new__(S, "direct")).__name__, attempt(lambda: str.__new__(int, "x")))
print(attempt(lambda: str.__new__(S, 1, 2)), attempt(lambda: "a" + 1), attempt(lambda: S("a") + 1))
print(attempt(lambda: "ab" * S("x")), attempt(lambda: S("ab") * 2.0), attempt(lambda: -S("a")), attempt(lambda: S("a")[S("b")]))
print(attempt(lambda: "ab".__mul__(2.0)), "%s|%s" % (S("x"), 1), attempt(lambda: "%s" % S("a") % 1))
