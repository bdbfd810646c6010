# strip family, replace, find/rfind/index, count, startswith/endswith.
s = "   padded text \t\n"
print(repr(s.strip()), repr(s.lstrip()), repr(s.rstrip()))
print("xxhixx".strip("x"), "xyhiyx".strip("xy"), "abcHELLOcba".strip("abc"), "www.example.com".lstrip("w."))
print("hello!!!".rstrip("!"), "0007".lstrip("0"), "000".lstrip("0") or "0", "aaa".strip("a") == "")
print(repr("  x  ".strip(" ")), repr("\t\nx".lstrip()), repr("x".strip("")), repr("--a--".rstrip("-")))

# replace
t = "one fish two fish red fish blue fish"
print(t.replace("fish", "cat"))
print(t.replace("fish", "cat", 2))
print(t.replace("fish", "cat", 0), t.replace(" ", ""), t.replace("zzz", "y"))
print("aaaa".replace("a", "b", 3), "aaaa".replace("aa", "b"), "abc".replace("", "-"))
print("mississippi".replace("ss", "SS"), "x".replace("x", "xx").replace("x", "yx"))

# find / rfind / index / rindex
m = "mississippi"
print(m.find("ss"), m.find("ss", 3), m.find("ss", 6), m.find("zz"), m.find(""), m.find("i", -3))
print(m.rfind("ss"), m.rfind("i"), m.rfind("zz"), m.rfind("s", 0, 4), m.find("p", 2, 8))
print(m.index("p"), m.rindex("s"), m.index("issi"), m.rindex("issi"))
try:
    m.index("x")
except ValueError as e:
    print("ValueError:", e)

# count
print(m.count("s"), m.count("ss"), m.count("i", 5), m.count(""), "aaaa".count("aa"), m.count("x"))
print("abcabcabc".count("abc", 1), "abcabcabc".count("abc", 0, 6))

# startswith / endswith with tuples and ranges
fname = "report_2024.csv"
print(fname.startswith("report"), fname.startswith("data"), fname.endswith(".csv"), fname.endswith(".txt"))
print(fname.endswith((".txt", ".csv")), fname.startswith(("a", "b", "r")), fname.startswith(()))
print(fname.startswith("2024", 7), fname.endswith("2024", 0, 11), fname.startswith(""))
for f in ["a.py", "b.rs", "c.PY", "README", "d.pyc"]:
    print(f, f.endswith((".py", ".rs")), f.lower().endswith(".py"))

# combining methods
raw = "  Name: Alice ;  Age: 30 ; City:  Paris  "
fields = {}
for part in raw.split(";"):
    k, _, v = part.partition(":")
    fields[k.strip().lower()] = v.strip()
print(fields)
url = "https://example.com/path/to/page.html"
print(url[url.find("//") + 2:url.find("/", 8)], url[url.rfind("/") + 1:], url.rsplit(".", 1)[-1])
