# Ends with an uncaught TypeError from calling a user function with too many arguments.
def area(width, height):
    return width * height

def describe(shape, *, units="cm"):
    return shape + " in " + units

print(area(3, 4))
print(describe("square"))
print(describe("circle", units="mm"))

try:
    area(1)
except TypeError as e:
    print("caught:", e)
try:
    describe("x", "y")
except TypeError as e:
    print("caught:", e)

shapes = [(2, 3), (4, 5), (6, 7)]
for w, h in shapes:
    print(w, h, area(w, h))

total = sum(area(w, h) for w, h in shapes)
print("total area", total)
# keyword arguments in any order are fine
print(area(height=2, width=9), area(5, height=5))
print("about to fail")
area(1, 2, 3)
print("never printed")
