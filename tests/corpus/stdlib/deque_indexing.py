# deque indexing: negative indices, out-of-range reads, writes and deletes, huge ints.
from collections import deque
d = deque([1, 2, 3])
print(d[-1], d[0])
d[-3] = 'x'
del d[1]
print(d)
for k in (3, -4, 10**30):
    for op in ("get", "set", "del"):
        try:
            if op == "get": d[k]
            elif op == "set": d[k] = 0
            else: del d[k]
        except (IndexError, OverflowError) as e:
            print(op, type(e).__name__, e)
try:
    d[1.0]
except TypeError as e:
    print(e)
