# print() with sep, end, flush and file.
import sys

print()
print("a", "b", "c")
print("a", "b", "c", sep="")
print("a", "b", "c", sep=", ")
print("a", "b", "c", sep="\n")
print(1, 2.5, None, True, [1], (2,), {"k": 3}, sep=" | ")
print("no newline", end="")
print(" <- continued")
print("custom end", end="!\n")
print("x", "y", sep="-", end=".\n")
print("multi", "end", end="\n\n")
print("after blank line")
print(sep="ignored")
print("", end="")
print(end="empty print with end\n")
print("flushed", flush=True)
print("to stdout", file=sys.stdout)
print("sep None", "end None", sep=None, end=None)
sys.stdout.write("written directly\n")
n = sys.stdout.write("abc\n")
print("write returned", n)

# printing in loops with end
for i in range(5):
    print(i, end=" ")
print()
for i in range(3):
    print(i, i * i, sep=":", end="; ")
print("done")

# print of various objects uses str()
print("str", 'quote\'s', "tab\tsep")
print(1e100, -0.0, 2 ** 64, 7)
print([1, "a"], ("t",), {1: "x"}, {5}, range(2))
print(*"spread")
print(*[1, 2, 3], sep="+", end="=6\n")

# building a table with print
rows = [("name", "qty"), ("apple", 3), ("pear", 10)]
for name, qty in rows:
    print(str(name).ljust(8), str(qty).rjust(4), sep="|")

# print returns None
r = print("print returns", end=" ")
print(r)

# unicode output
print("héllo", "wörld", "日本", "😀")
print("\\ backslash", "tab:\t:", "nul-free")
