# The methods bytes and bytearray share, on both types (bytearray's return bytearrays).
def show(label, f):
    try:
        print(label, repr(f()))
    except Exception as e:
        print(label, type(e).__name__, e)


for T in (bytes, bytearray):
    print("--", T.__name__)
    s = T(b"  Hello, World  \t")
    print(s.split(), s.split(b","), s.split(None, 1), s.rsplit(None, 1), s.split(b"l", 2), s.rsplit(b"l", 2))
    print(T(b"a,b,,c").split(b","), T(b"a,b,,c").rsplit(b",", 1), T(b"").split(), T(b"").split(b","), T(b"  ").rsplit())
    print(s.strip(), s.lstrip(), s.rstrip(), T(b"xxhixx").strip(b"x"), T(b"abcba").strip(bytearray(b"ab")), s.strip(None))
    print(T(b"aaa").replace(b"a", b"bb"), T(b"aaa").replace(b"a", b"", 2), T(b"ab").replace(b"", b"-"), T(b"ab").replace(b"", b"-", 2))
    print(T(b"a=b=c").partition(b"="), T(b"a=b=c").rpartition(b"="), T(b"abc").partition(b"x"), T(b"abc").rpartition(b"x"))
    print(T(b"hello").rfind(b"l"), T(b"hello").index(b"l"), T(b"hello").rindex(b"l"), T(b"hello").rfind(108, 0, 3), T(b"hello").find(b"z"))
    print(T(b"Hello World").lower(), T(b"Hello World").upper(), T(b"Hello World").swapcase(), T(b"hELLO wORLD").capitalize(), T(b"hello wORLD 2x").title())
    print(T(b"abc1").isalnum(), T(b"abc").isalpha(), T(b"123").isdigit(), T(b" \t").isspace(), T(b"\x80").isascii(), T(b"abc").islower(), T(b"ABC").isupper(), T(b"Hello World").istitle(), T(b"").isalpha())
    print(T(b"ab").ljust(5), T(b"ab").rjust(5, b"*"), T(b"ab").center(7, b"-"), T(b"abc").center(6), T(b"ab").ljust(1), T(b"-42").zfill(6), T(b"42").zfill(5), T(b"+").zfill(3))
    print(T(b"prefix-body").removeprefix(b"prefix-"), T(b"body.txt").removesuffix(b".txt"), T(b"x").removeprefix(b"y"))
    print(T(b"a\nb\r\nc\rd").splitlines(), T(b"a\nb\r\n").splitlines(True), T(b"a\tb\tc").expandtabs(4), T(b"ab\tc").expandtabs())
    table = T.maketrans(b"abc", b"xyz")
    print(len(table), T(b"aabbcc").translate(table), T(b"abcdef").translate(None, b"ace"), T(b"abc").translate(table, b"b"))
    show("split empty", lambda: T(b"a").split(b""))
    show("split str", lambda: T(b"a").split("a"))
    show("strip str", lambda: T(b"a").strip("a"))
    show("index missing", lambda: T(b"a").index(b"z"))
    show("partition empty", lambda: T(b"a").partition(b""))
    show("ljust fill", lambda: T(b"a").ljust(3, b"ab"))
    show("ljust str", lambda: T(b"a").ljust(3, "a"))
    show("translate short", lambda: T(b"a").translate(b"abc"))
    show("maketrans len", lambda: T.maketrans(b"ab", b"a"))
    show("replace few", lambda: T(b"a").replace(b"a"))
print(type(bytearray(b"a b").split()[0]).__name__, type(bytearray(b"a=b").partition(b"=")[0]).__name__, type(bytearray(b" a ").strip()).__name__)
