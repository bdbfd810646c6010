# find/index/count/startswith/replace/strip with ranges, negative and huge indices, Unicode.
def show(*xs):
    print(*[repr(x) for x in xs])

m = "mississippi"
for start, end in [(None, None), (0, 4), (-4, None), (2, -2), (5, 100), (100, None), (-100, 3), (4, 2), (11, 11), (12, 12)]:
    show(start, end, m.find("ss", start, end), m.rfind("ss", start, end), m.count("s", start, end),
         m.find("", start, end), m.rfind("", start, end), m.count("", start, end),
         m.startswith("s", start, end), m.endswith("i", start, end), m.startswith("", start, end))
show(m.find("i", 2**70), m.find("i", -2**70), m.count("i", 0, 2**80), m.rfind("i", None, -2**70))
u = "héllo wörld héllo"
show(u.find("llo"), u.rfind("llo"), u.index("wö"), u.rindex("é"), u.count("é"), u.find("ö", 8), u.find("ö", 9))
show(u.startswith("wö", 6), u.endswith("llo", 0, 5), u.startswith(("x", "hé")), u.endswith(("ö",), 0, 8))
show("☃☃☃".count("☃☃"), "☃☃☃".find("☃", -1), "日本語テキスト".rfind("テ", 0, 4), "日本語".index("語", -1))
# replace
show("aaa".replace("a", "bb"), "aaa".replace("a", "", 2), "abc".replace("", "-", 2), "".replace("", "x"))
show("abc".replace("", ""), "héllo".replace("l", "L", 1), "héllo".replace("é", "e"), "xyz".replace("y", "☃"))
show("a.b.c".replace(".", "", -1), "aaaa".replace("aa", "a"), "ab".replace("", "☃"), "abab".replace("ab", "ab"))
# strip
show("  \t x \n ".strip(), "\u3000x\u2003".strip(), "\xa0x\xa0".strip(), "\u200bx".strip())
show("xxaxx".strip("x"), "éaé".strip("é"), "abcba".lstrip("ab"), "abcba".rstrip("ab"), "abc".strip(None))
show("aaa".strip("a"), "".strip(), "☃x☃".lstrip("☃"), " a ".rstrip(), "ab".strip("b☃a"))
# padding
for w in ["a", "ab", "abc", "é", ""]:
    show(w.center(6), w.center(7, "*"), w.ljust(4, "-"), w.rjust(4, "☃"), w.center(1), w.center(-3))
show("abc".center(6), "abc".center(8), "ab".center(5), "ab".center(6), "a".center(4, "."), "a".center(5, "."))
show("42".zfill(5), "-42".zfill(5), "+42".zfill(5), "".zfill(3), "abc".zfill(2), "-".zfill(3), "é".zfill(3), "--1".zfill(5))
show("a\tb\tc".expandtabs(), "ab\tc".expandtabs(4), "\t".expandtabs(0), "a\tb".expandtabs(-1), "a\nb\tc".expandtabs(3))
show("12345\t6\r\t7".expandtabs(tabsize=4), "é\tx".expandtabs(2), "no tabs".expandtabs())
# translate / maketrans
tbl = str.maketrans("abc", "xyz", "d")
show(tbl, "abcdabcd".translate(tbl))
show("hello".translate({ord("l"): None, ord("h"): "J", ord("o"): 0x263a}), "x".translate({}), "abc".translate(str.maketrans({"a": "AA", "b": None})))
show(str.maketrans({"a": 1, 98: "z"}), "ab".translate(str.maketrans({"a": 1, 98: "z"})))
class Tbl:
    def __getitem__(self, k):
        if k == ord("q"):
            raise LookupError(k)
        return k + 1
show("pqr".translate(Tbl()))
def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__ + ":", e)
t(lambda: "a".index("b"))
t(lambda: "a".rindex("b", 0, 1))
t(lambda: "a".find("a", "1"))
t(lambda: "a".count("a", 0, 1.5))
t(lambda: "a".startswith(1))
t(lambda: "a".endswith(("a", 1)))
t(lambda: "a".endswith(["a"]))
t(lambda: "a".replace("a"))
t(lambda: "a".replace("a", 1))
t(lambda: "a".replace(None, "b"))
t(lambda: "a".replace("a", "b", "c"))
t(lambda: "a".strip(1))
t(lambda: "a".lstrip(1))
t(lambda: "a".center(5, "ab"))
t(lambda: "a".ljust(5, 1))
t(lambda: "a".rjust(5, ""))
t(lambda: "a".center("5"))
t(lambda: "a".zfill(2.0))
t(lambda: "a".expandtabs("x"))
t(lambda: "a\tb".expandtabs(2**40))
t(lambda: str.maketrans(1))
t(lambda: str.maketrans("ab", "a"))
t(lambda: str.maketrans({"ab": 1}))
t(lambda: str.maketrans({1.5: 1}))
t(lambda: str.maketrans("a", 1))
t(lambda: "a".translate({97: 1.5}))
t(lambda: "a".translate({97: -1}))
t(lambda: "a".translate(5))
t(lambda: "a" * 2**63)
t(lambda: "a".__mul__("x"))
t(lambda: "ab".__mul__(3))
t(lambda: 3 * "ab")
