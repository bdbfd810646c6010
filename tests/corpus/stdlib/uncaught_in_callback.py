# An exception raised by Python code that a native stdlib function calls back
# (functools.reduce -> a lambda) propagates with both Python frames in the traceback.
from collections import deque
from functools import reduce

def drain(q):
    total = 0
    while q:
        total += q.popleft()
    return total

print(drain(deque([1, 2, 3])))

def safe_ratio(values):
    try:
        return reduce(lambda a, b: a / b, values)
    except ZeroDivisionError:
        return None

print(safe_ratio([8, 2]), safe_ratio([1, 0]))

def ratio(a, b):
    return a / b

print(reduce(ratio, [8, 2, 2]))
print(reduce(ratio, deque([8, 2, 0, 4])))
print("not reached")
