# pass in various places and assert statements that succeed or are caught.
def stub():
    pass

print(stub())

for i in range(3):
    pass
print("loop with pass, i =", i)

if True:
    pass
else:
    pass

while False:
    pass

try:
    pass
except Exception:
    pass
finally:
    pass
print("pass everywhere")

# passing asserts
assert True
assert 1 + 1 == 2
assert [1], "non-empty list is truthy"
assert isinstance("s", str), "strings are str"
x = 5
assert 0 < x < 10, f"x out of range: {x}"
print("all asserts passed")

# failing asserts caught
def check(value):
    try:
        assert value > 0, "value must be positive, got " + str(value)
        return "ok"
    except AssertionError as e:
        return "AssertionError: " + str(e)

for v in [3, 0, -2]:
    print(v, check(v))

try:
    assert False
except AssertionError as e:
    print("bare assert message:", repr(str(e)), e.args)

try:
    assert 1 == 2, ("tuple", "message")
except AssertionError as e:
    print("args:", e.args)

# assert message is only evaluated on failure
def boom():
    raise RuntimeError("should not be evaluated")

assert True, boom()
print("message not evaluated")

def validate(items):
    for item in items:
        assert isinstance(item, int), "bad item %r" % (item,)
    return sum(items)

for items in [[1, 2, 3], [1, "two"]]:
    try:
        print(validate(items))
    except AssertionError as e:
        print("invalid:", e)
