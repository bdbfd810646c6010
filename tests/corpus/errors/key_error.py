# Ends with an uncaught KeyError.
prices = {"apple": 1.25, "pear": 0.75, "plum": 2.0}
print(prices["apple"], prices.get("kiwi"), prices.get("kiwi", 0.0))
try:
    prices["kiwi"]
except KeyError as e:
    print("caught:", e, repr(e))
try:
    {1: "a"}[2]
except KeyError as e:
    print("caught:", e)
try:
    {(1, 2): "t"}[(3, 4)]
except KeyError as e:
    print("caught:", e)

order = ["apple", "pear", "plum"]
total = 0
for item in order:
    total += prices[item]
    print(item, prices[item], total)

def lookup(table, key):
    return table[key]

print(lookup(prices, "plum"))
# dict.get and `in` avoid the KeyError
for name in ["apple", "kiwi"]:
    print(name, name in prices, prices.get(name, "n/a"))
print("about to fail")
print(lookup(prices, "missing"))
print("never printed")
