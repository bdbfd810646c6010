# String indexing (incl. negative) and slicing with steps.
s = "Hello, World!"
print(s[0], s[4], s[-1], s[-2], s[len(s) - 1], s[-len(s)])
print(s[0:5], s[7:], s[:5], s[-6:], s[:-1], s[:], s[7:12])
print(s[::2], s[1::2], s[::-1], s[::-2], s[-1:-7:-1], s[10:2:-3])
print(repr(s[5:5]), repr(s[100:]), repr(s[-100:3]), repr(s[8:3]), repr(s[3:-100]))
print(s[2:100], s[-100:100] == s)

word = "python"
for i in range(len(word)):
    print(i, word[i], word[-i - 1], word[:i], word[i:])

# slices with all step values
alpha = "abcdefghij"
for step in [1, 2, 3, -1, -2, -3]:
    print(step, alpha[::step], alpha[1:8:step], alpha[8:1:step])

# strings are immutable: build new ones
t = "cat"
t2 = "b" + t[1:]
print(t, t2, t[:1] + "u" + t[2:])
mutable = list(t)
mutable[0] = "h"
print("".join(mutable))

# reversing words and palindromes
sentence = "the quick brown fox"
print(" ".join(w[::-1] for w in sentence.split()))
print(" ".join(sentence.split()[::-1]))
for cand in ["racecar", "level", "python", "a", "", "abba", "abca"]:
    print(repr(cand), cand == cand[::-1])

# non-ASCII indexing counts code points
u = "héllo wörld ☃ 😀"
print(len(u), u[1], u[7], u[-1], u[-3], u[::-1], u[6:11])

# index via ord arithmetic
caesar = "".join(chr((ord(c) - 97 + 3) % 26 + 97) if c.isalpha() else c for c in "xyz abc")
print(caesar)

# slicing assignment idiom via concatenation
text = "0123456789"
print(text[:3] + "---" + text[6:], text[1:-1], text[-3:] + text[:-3])
print(text[::3], text[2::3], text[-1::-4])
