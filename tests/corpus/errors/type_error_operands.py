# Ends with an uncaught TypeError from bad operand types.
pairs = [(1, 2), ("a", "b"), ([1], [2]), (1.5, 2)]
for a, b in pairs:
    print(repr(a), "+", repr(b), "=", repr(a + b))

# caught first
for a, b in [(1, "a"), ("a", 1), ([1], (2,)), (None, 1)]:
    try:
        a + b
    except TypeError as e:
        print("caught:", e)
try:
    "x" * "y"
except TypeError as e:
    print("caught:", e)
try:
    -"text"
except TypeError as e:
    print("caught:", e)
try:
    [1, 2] < 3
except TypeError as e:
    print("caught:", e)

def combine(x, y):
    return x + y

print(combine(2, 3), combine("a", "b"))
print("about to fail")
result = 1 + 'a'
print("never printed", result)
