# center / ljust / rjust / zfill.
for w in ["a", "ab", "abc", "abcd", "abcdefghij"]:
    print("[" + w.center(7) + "]", "[" + w.ljust(6) + "]", "[" + w.rjust(6) + "]", "[" + w.center(8, "*") + "]")

print("[" + "x".center(4) + "]", "[" + "xy".center(5) + "]", "[" + "xyz".center(6, "-") + "]")
print("left".ljust(10, "."), "right".rjust(10, "."), "mid".center(11, "="))
print("toolong".ljust(3), "toolong".rjust(3), "toolong".center(3))

# zfill handles signs
for v in ["42", "-42", "+42", "3.14", "-0.5", "", "abc", "1234567"]:
    print(repr(v), repr(v.zfill(6)))
print(str(7).zfill(3), str(-7).zfill(3), "12".zfill(1))

# a small table
rows = [("apple", 3, 1.25), ("banana", 12, 0.5), ("cherry", 150, 10.0)]
print("+" + "-" * 10 + "+" + "-" * 6 + "+" + "-" * 8 + "+")
print("|" + "item".center(10) + "|" + "qty".center(6) + "|" + "price".center(8) + "|")
for name, qty, price in rows:
    print("|" + name.ljust(10) + "|" + str(qty).rjust(6) + "|" + str(price).rjust(8) + "|")
print("+" + "-" * 10 + "+" + "-" * 6 + "+" + "-" * 8 + "+")

# right-aligned numbers
for n in [1, 22, 333, 4444, -55]:
    print(str(n).rjust(6), str(n).ljust(6) + "|", str(n).zfill(6))

# centering with odd and even padding and multi-char strings
for width in range(4, 9):
    print(repr("ab".center(width)), repr("abc".center(width, ".")))

# pyramid
for i in range(1, 6):
    print(("*" * (2 * i - 1)).center(9).rstrip())
