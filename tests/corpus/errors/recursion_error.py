# Ends with a RecursionError from unbounded recursion.
def countdown(n):
    if n == 0:
        return "done"
    return countdown(n - 1)

print(countdown(10))
print(countdown(200))

def fact(n):
    return 1 if n <= 1 else n * fact(n - 1)

print(fact(20))

# a caught RecursionError
def forever(n):
    return forever(n + 1)

try:
    forever(0)
except RecursionError as e:
    print("caught:", e)

print("recursion still works after catching:", countdown(50))
print("about to fail")
def infinite(n):
    return infinite(n + 1)

infinite(0)
print("never printed")
