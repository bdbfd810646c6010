# Ends with an uncaught ZeroDivisionError from the % operator.
for a, b in [(10, 3), (-10, 3), (10, -3), (7, 7)]:
    print(a, "%", b, "=", a % b)
try:
    10 % 0
except ZeroDivisionError as e:
    print("caught:", e)
try:
    10 // 0
except ZeroDivisionError as e:
    print("caught:", e)
try:
    10.0 % 0
except ZeroDivisionError as e:
    print("caught:", e)

def is_multiple(n, k):
    return n % k == 0

print([n for n in range(1, 20) if is_multiple(n, 4)])

def cycle_index(i, size):
    return i % size

print([cycle_index(i, 3) for i in range(8)])
# modulo with negative divisors follows the divisor's sign
print([cycle_index(i, -3) for i in range(5)])
sizes = [3, 2, 1, 0]
for size in sizes:
    print("size", size, "->", cycle_index(10, size))
print("never printed")
