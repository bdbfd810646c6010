# if / elif / else chains.
def classify(n):
    if n < 0:
        return "negative"
    elif n == 0:
        return "zero"
    elif n < 10:
        return "small"
    elif n < 100:
        return "medium"
    else:
        return "large"

for n in [-5, 0, 3, 42, 1000]:
    print(n, classify(n))

def grade(score):
    if score >= 90:
        letter = "A"
    elif score >= 80:
        letter = "B"
    elif score >= 70:
        letter = "C"
    else:
        letter = "F"
    return letter

print([grade(s) for s in [95, 85, 75, 65, 90, 80]])

# if without else, nested ifs
for x in range(6):
    if x % 2 == 0:
        if x % 4 == 0:
            print(x, "divisible by 4")
        else:
            print(x, "even")
    if x == 5:
        print(x, "is five")

# truthiness of conditions
for cond in [0, 1, "", "x", [], [0], None, 0.0]:
    if cond:
        print(repr(cond), "truthy")
    else:
        print(repr(cond), "falsy")

# conditions with and / or / not and chained comparisons
def describe(age, member):
    if age < 18 and not member:
        return "minor"
    elif 18 <= age < 65 or member:
        return "regular" if not member else "member"
    else:
        return "senior"

for args in [(10, False), (10, True), (30, False), (70, False), (70, True)]:
    print(args, describe(*args))

# fizzbuzz
out = []
for i in range(1, 16):
    if i % 15 == 0:
        out.append("FizzBuzz")
    elif i % 3 == 0:
        out.append("Fizz")
    elif i % 5 == 0:
        out.append("Buzz")
    else:
        out.append(str(i))
print(" ".join(out))

# single-line if bodies
v = 7
if v > 5: print("one-line if")
if v < 5: print("never")
else: print("one-line else")
