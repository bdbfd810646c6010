# Ends with a failing assert that has a message.
def mean(values):
    assert len(values) > 0, "mean of empty list"
    return sum(values) / len(values)

print(mean([1, 2, 3]))
print(mean([10]))
try:
    mean([])
except AssertionError as e:
    print("caught:", e)

assert True, "never shown"
assert 1 < 2
inventory = {"apples": 3, "pears": 0}
for item, count in inventory.items():
    print(item, count)

def check_stock(inv):
    for item, count in inv.items():
        assert count > 0, f"out of stock: {item} (count={count})"
    return "all in stock"

print(check_stock({"apples": 3}))
# assert with a computed condition and a lazily built message
for values in [[1, 2], [5, 5, 5]]:
    assert sum(values) > 0, "sum must be positive: %r" % (values,)
    print("mean of", values, "is", mean(values))
print("about to fail")
print(check_stock(inventory))
print("never printed")
