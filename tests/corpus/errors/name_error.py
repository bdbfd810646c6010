# Ends with an uncaught NameError.
def greet(name):
    return "hello " + name

print(greet("corpus"))
values = [1, 2, 3]
total = 0
for v in values:
    total += v
print("total", total)

# a caught NameError first
try:
    print(not_defined_anywhere)
except NameError as e:
    print("caught:", e)

# deleted names are undefined again
temp = "temporary"
print(temp)
del temp
try:
    temp
except NameError as e:
    print("caught:", e)

def uses_global():
    return total * 2

print(uses_global())
print("about to fail")
print(qqq_undefined_zzz + 1)
print("never printed")
