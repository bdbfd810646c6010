# Ends with an uncaught AttributeError on an int.
n = 42
print(n.bit_length(), n.real, n.imag, (255).bit_length())
print(hasattr(n, "bit_length"), hasattr(n, "append"), getattr(n, "append", "no append"))
try:
    n.append(1)
except AttributeError as e:
    print("caught:", e)
try:
    "text".push("x")
except AttributeError as e:
    print("caught:", e)
try:
    [1, 2].add(3)
except AttributeError as e:
    print("caught:", e)
try:
    None.value
except AttributeError as e:
    print("caught:", e)

values = [1, 2, 3]
values.append(4)
print(values)

def total_length(items):
    return sum(len(i) for i in items)

print(total_length(["ab", "cde"]))
print("about to fail")
count = 7
count.increment()
print("never printed")
