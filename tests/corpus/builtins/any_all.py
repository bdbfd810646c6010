# any() and all().
print(any([]), all([]), any([0]), all([0]), any([1]), all([1]))
print(any([0, "", None, [], 1]), all([1, "a", [0], (1,), -1]), all([1, "a", [], 2]))
print(any("abc"), all(""), any(range(0)), all(range(1, 5)), all(range(5)))
print(any(x > 5 for x in [1, 7, 3]), all(x > 0 for x in [1, 7, 3]), all(x % 2 for x in [1, 3, 4]))
print(any({0: "a"}), any({0: "a", 1: "b"}), all({1, 2}), any(set()))

# short-circuiting: stops consuming the iterator
seen = []
def gen(values):
    for v in values:
        seen.append(v)
        yield v

print(any(gen([0, 0, 3, 0, 5])), seen)
seen.clear()
print(all(gen([1, 2, 0, 4])), seen)
seen.clear()
it = gen([0, 1, 2, 3])
print(any(it), list(it))

# practical uses
words = ["apple", "banana", "cherry"]
print(any(w.startswith("b") for w in words), all(len(w) > 4 for w in words), any("z" in w for w in words))
matrix = [[1, 2], [3, 4], [0, 5]]
print(all(all(row) for row in matrix), any(all(row) for row in matrix), [all(row) for row in matrix])

def is_prime(n):
    return n > 1 and all(n % d for d in range(2, int(n ** 0.5) + 1))

print([n for n in range(30) if is_prime(n)])

password = "Secr3t!"
checks = {
    "length": len(password) >= 6,
    "digit": any(c.isdigit() for c in password),
    "upper": any(c.isupper() for c in password),
    "symbol": any(not c.isalnum() for c in password),
    "no space": all(not c.isspace() for c in password),
}
print(checks, all(checks.values()))

# any/all return bools even for non-bool items
print(any([[], "x"]), all([[1], "x"]), type(any([5])).__name__)
