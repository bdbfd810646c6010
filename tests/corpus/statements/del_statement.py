# del on names, items, slices and dict keys.
x = 10
y = 20
del x
try:
    print(x)
except NameError as e:
    print("NameError:", e)
print(y)
a, b, c = 1, 2, 3
del a, b
print(c)
try:
    print(a)
except NameError as e:
    print("NameError:", e)

# rebinding after del
x = "back"
print(x)

# del on list items
items = ["a", "b", "c", "d", "e"]
del items[0]
print(items)
del items[-1]
print(items)
del items[1]
print(items)
try:
    del items[10]
except IndexError as e:
    print("IndexError:", e)

# del slices
nums = list(range(10))
del nums[2:4]
print(nums)
del nums[::2]
print(nums)
del nums[:]
print(nums, len(nums))

# dict keys
d = {"one": 1, "two": 2, "three": 3}
del d["two"]
print(d)
try:
    del d["missing"]
except KeyError as e:
    print("KeyError:", e)
d["two"] = 22
print(d)

# nested containers
nested = {"k": [1, 2, 3], "m": {"inner": 1, "keep": 2}}
del nested["k"][0]
del nested["m"]["inner"]
print(nested)

# del inside functions (local names)
def f():
    local = 5
    del local
    try:
        return local
    except UnboundLocalError as e:
        return "UnboundLocalError: " + str(e)

print(f())

# del of a loop variable
for i in range(3):
    pass
del i
try:
    i
except NameError as e:
    print("NameError:", e)

# deleting while iterating over a copy
data = {n: n * n for n in range(8)}
for key in list(data):
    if key % 3 == 0:
        del data[key]
print(data)
