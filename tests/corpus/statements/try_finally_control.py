# finally interacting with return, break and continue.
def ret_in_try():
    try:
        return "from try"
    finally:
        print("  finally runs before return")

print(ret_in_try())

def finally_overrides():
    try:
        return "try"
    finally:
        return "finally"

print(finally_overrides())

def finally_swallows():
    try:
        raise ValueError("lost")
    finally:
        return "swallowed"

print(finally_swallows())

def return_value_evaluated_first():
    x = 1
    try:
        return x
    finally:
        x = 2
        print("  x set to", x, "in finally")

print(return_value_evaluated_first())

# break inside try
for i in range(5):
    try:
        if i == 2:
            print("break at", i)
            break
        print("body", i)
    finally:
        print("finally", i)

# continue inside try
for i in range(3):
    try:
        if i == 1:
            continue
        print("body", i)
    finally:
        print("finally", i)

# while loop with break in try/except/finally
n = 0
while True:
    try:
        n += 1
        if n == 3:
            raise RuntimeError("stop")
    except RuntimeError as e:
        print("caught", e, "at n =", n)
        break
    finally:
        print("finally n =", n)

# finally runs when an exception propagates
def propagate():
    try:
        raise KeyError("k")
    finally:
        print("  cleanup before propagation")

try:
    propagate()
except KeyError as e:
    print("caught", repr(e))

# nested finally order
def nested():
    try:
        try:
            return "inner"
        finally:
            print("  inner finally")
    finally:
        print("  outer finally")

print(nested())

# return in try inside loop inside function
def first_even(nums):
    for n in nums:
        try:
            if n % 2 == 0:
                return n
        finally:
            print("  checked", n)
    return None

print(first_even([1, 3, 4, 5]))

# break in finally ends the loop and discards the exception
for i in range(3):
    try:
        raise ValueError(i)
    finally:
        print("break from finally at", i)
        break
print("loop over")
