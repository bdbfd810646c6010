# Ends with an uncaught IndexError.
items = ["a", "b", "c"]
print(items[0], items[-1], items[len(items) - 1])
try:
    items[3]
except IndexError as e:
    print("caught:", e)
try:
    "abc"[10]
except IndexError as e:
    print("caught:", e)
try:
    (1, 2)[-3]
except IndexError as e:
    print("caught:", e)
try:
    range(3)[5]
except IndexError as e:
    print("caught:", e)

# slicing never raises
print(items[1:100], items[100:], items[-100:1])

def nth(seq, n):
    return seq[n]

for n in [0, 1, 2, -1, -3]:
    print(n, nth(items, n))
print("about to fail")
print(nth(items, 3))
print("never printed")
