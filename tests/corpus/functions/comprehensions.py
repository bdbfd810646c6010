# List, dict, set and generator comprehensions; nesting; conditions; scope.
print([x * x for x in range(6)])
print([x for x in range(20) if x % 3 == 0 if x % 2 == 0])
print([x if x % 2 else -x for x in range(6)])
print([(x, y) for x in range(3) for y in range(x)])
print([[x * y for y in range(1, 4)] for x in range(1, 4)])
print([c.upper() for c in "hello" if c != "l"])
print([w for line in ["a b", "c d e"] for w in line.split()])

print({x: x ** 2 for x in range(5)})
print({k: v for k, v in zip("abc", [1, 2, 3]) if v != 2})
print({v: k for k, v in {"a": 1, "b": 2}.items()})
print({n % 3: n for n in range(10)})
print({x % 5 for x in range(20)}, {len(w) for w in ["a", "bb", "cc", "ddd"]})

print(sum(x for x in range(10) if x % 2), tuple(x * 2 for x in range(3)))
print(list(x + y for x in "ab" for y in "12"))
gen = (n * n for n in range(4))
print(type(gen).__name__, list(gen))

# nested comprehensions: transpose and flatten
matrix = [[1, 2, 3], [4, 5, 6], [7, 8, 9]]
print([[row[i] for row in matrix] for i in range(3)])
print([v for row in matrix for v in row if v % 2])
print({i: [r[i] for r in matrix] for i in range(3)})

# the comprehension variable does not leak
x = "outer x"
squares = [x * x for x in range(3)]
print(x, squares)
y = "outer y"
print({y: 1 for y in range(2)}, y)
print(sorted({z for z in range(3)}))
try:
    print(z)
except NameError as e:
    print("NameError:", e)

# but a for-loop variable does leak
for loop_var in range(3):
    pass
print("loop_var after loop:", loop_var)

# comprehensions can read enclosing function scope
def scale_all(values, factor):
    return [v * factor for v in values]

print(scale_all([1, 2, 3], 10))

def table(n):
    return {(i, j): i * j for i in range(1, n + 1) for j in range(i, n + 1)}

print(table(3))

# the first iterable is evaluated in the enclosing scope
data = [[1, 2], [3]]
print([len(item) for item in data])

# comprehension with walrus-free accumulators and function calls
words = ["apple", "banana", "cherry", "date"]
lengths = {w: len(w) for w in words}
longest = max(lengths, key=lambda w: lengths[w])
print(lengths, longest)
print([i for i, w in enumerate(words) if "a" in w])
print(sorted([(len(w), w) for w in words], reverse=True))

# empty comprehensions
print([x for x in []], {x: x for x in ()}, set(x for x in ""), list(x for x in range(0)))
