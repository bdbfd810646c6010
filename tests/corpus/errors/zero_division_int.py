# Ends with an uncaught ZeroDivisionError from integer division.
def safe_div(a, b):
    try:
        return a // b
    except ZeroDivisionError as e:
        return "caught: " + str(e)

for a, b in [(10, 3), (-10, 3), (10, 0), (0, 5)]:
    print(a, b, safe_div(a, b))

try:
    1 / 0
except ZeroDivisionError as e:
    print("caught:", e)
try:
    divmod(5, 0)
except ZeroDivisionError as e:
    print("caught:", e)

def average(values):
    return sum(values) // len(values)

print(average([1, 2, 3, 4]))
print(average([10]))
# modulo and floor division agree with divmod
for a, b in [(17, 5), (-17, 5), (17, -5)]:
    print(a, b, a // b, a % b, divmod(a, b))
print("about to fail")
print(average([]))
print("never printed")
