# Ends with an uncaught ZeroDivisionError from float division.
values = [1.5, 2.5, 3.0]
print(sum(values) / len(values))
print(1.0 / 3.0, 2.0 / 0.5, -1.0 / 4)
try:
    1.0 / 0
except ZeroDivisionError as e:
    print("caught:", e)
try:
    1.5 // 0.0
except ZeroDivisionError as e:
    print("caught:", e)
try:
    2.0 % 0.0
except ZeroDivisionError as e:
    print("caught:", e)

def ratio(a, b):
    return a / b

for a, b in [(1.0, 2.0), (3.0, 4.0), (5.0, 8.0)]:
    print(a, b, ratio(a, b))

def normalize(values):
    total = sum(values)
    result = []
    for v in values:
        result.append(v / total)
    return result

print(normalize([1.0, 1.0, 2.0]))
print("about to fail")
print(normalize([0.0, 0.0]))
print("never printed")
