# split / rsplit / join / splitlines / partition.
s = "  the quick  brown\tfox\n jumps  "
print(s.split())
print(s.split(" "))
print(s.split(None, 2))
print(s.split(maxsplit=1))
print(s.rsplit(None, 1), s.rsplit(maxsplit=2))
print("a,b,,c,".split(","), "a,b,,c,".split(",", 2), "a,b,,c,".rsplit(",", 2))
print("a::b::c".split("::"), "a::b::c".rsplit("::", 1), "abc".split("abc"), "".split(","), "".split())
print("1 2 3".split(" ", 0), "x".split("x"), "xax".split("x"), "   ".split(), "   ".split(" "))
print("key=value=more".split("=", 1), "key=value=more".rsplit("=", 1))
print("a-b-c-d".split("-", -1), "a b c".split(sep=" ", maxsplit=1))

# join
words = ["alpha", "beta", "gamma"]
print(", ".join(words), "".join(words), "-".join("abc"), " ".join([]), "|".join(["only"]))
print("\n".join(["line1", "line2"]))
print(", ".join(str(n) for n in range(5)), "+".join(map(str, [1, 2, 3])))
print(" ".join(("tuple", "of", "str")), "".join(reversed("stressed")))

# splitlines
text = "first\nsecond\r\nthird\rfourth\n\nsixth"
print(text.splitlines())
print(text.splitlines(True))
print("no newline".splitlines(), "".splitlines(), "trailing\n".splitlines(), "\n".splitlines())
print("a\nb\n".split("\n"), "a\nb\n".splitlines())

# partition / rpartition
print("user@example.com".partition("@"), "user@example.com".rpartition("."))
print("no-sep".partition(":"), "no-sep".rpartition(":"), "a:b:c".partition(":"), "a:b:c".rpartition(":"))
print(":start".partition(":"), "end:".rpartition(":"))

# parse a small CSV-like table
data = """name,age,city
alice,30,paris
bob,25,berlin
carol,35,rome"""
lines = data.splitlines()
header = lines[0].split(",")
rows = [dict(zip(header, line.split(","))) for line in lines[1:]]
for row in rows:
    print(row)
print(sum(int(r["age"]) for r in rows))
print(";".join(r["city"].upper() for r in rows))

# word counting
para = "one two three two three three"
counts = {}
for w in para.split():
    counts[w] = counts.get(w, 0) + 1
print(counts)
key, _, val = "PATH=/usr/bin".partition("=")
print(key, val)
