# String concatenation, repetition, comparison, membership, iteration, len.
a = "abc"
b = "xyz"
print(a + b, a * 3, 3 * a, a * 0, repr(a * -1), a + "" + b, (a + b) * 2)
print(len(a), len(a * 100), len(""), len("é☃😀"), len("\n\t"))
s = ""
for i in range(5):
    s += str(i)
print(s, len(s))
parts = "ab" * 3 + "-" + "cd" * 2
print(parts)

# comparison is lexicographic by code point
pairs = [("apple", "banana"), ("apple", "Apple"), ("a", "aa"), ("", "a"), ("abc", "abc"), ("Z", "a"), ("é", "z"), ("10", "9")]
for x, y in pairs:
    print(repr(x), repr(y), x < y, x <= y, x == y, x != y, x > y, x >= y)
print(sorted(["banana", "Apple", "cherry", "apple", "10", "9", "é"]))
print(max("hello"), min("hello"), max(["aa", "b"]), min("zyx", "abc"))

# membership
print("a" in "abc", "bc" in "abc", "ac" in "abc", "" in "", "abc" in "abc", "x" not in "abc")

# iteration
for ch in "héy":
    print(ch, ord(ch))
print(list("hello"), tuple("ab"), [c * 2 for c in "abc"], sorted("python"))
print({c: "hello".count(c) for c in "hello"})
print(list(enumerate("ab")), list(zip("abc", "12")), list(reversed("abc")))

vowels = 0
for ch in "The quick brown fox jumps over the lazy dog":
    if ch.lower() in "aeiou":
        vowels += 1
print("vowels:", vowels)

# strings are hashable and usable as dict keys
d = {"a" * 2: 1, "b" + "b": 2}
print(d["aa"], d["bb"], "aa" in d, ("a" + "a") in d)

# str() and int() interplay
n = 12345
digits = str(n)
print(digits, len(digits), sum(int(c) for c in digits), digits[::-1], int(digits[::-1]) + 1)
print("5" + "5", int("5") + int("5"), "5" * 5, str(5 * 5))
try:
    print("5" + 5)
except TypeError as e:
    print("TypeError:", e)
try:
    print("a" * 2.5)
except TypeError as e:
    print("TypeError:", e)
try:
    print("abc" < 1)
except TypeError as e:
    print("TypeError:", e)
