# Augmented assignment on names and subscripts.
n = 10
n += 5; print(n)
n -= 3; print(n)
n *= 4; print(n)
n //= 5; print(n)
n %= 4; print(n)
n **= 10; print(n)
n <<= 3; print(n)
n >>= 2; print(n)
n |= 0b1000; print(n)
n &= 0xFF; print(n)
n ^= 0b1111; print(n)
n /= 4; print(n)
f = 1.5
f *= 2; f -= 0.25; f **= 2; print(f)
big = 1
for _ in range(10):
    big *= 2 ** 10
print(big)

s = "ab"
s += "cd"
s *= 2
print(s)

# lists are extended in place, tuples are rebound
lst = [1, 2]
alias = lst
lst += [3]
lst += (4, 5)
lst += "xy"
print(lst, alias, lst is alias)
lst *= 2
print(len(alias), alias is lst)
tup = (1, 2)
talias = tup
tup += (3,)
print(tup, talias, tup is talias)

# subscripts
counts = [0, 0, 0]
for v in [0, 1, 1, 2, 2, 2]:
    counts[v] += 1
print(counts)
counts[-1] *= 10
counts[0] -= 5
print(counts)
d = {"a": 1}
d["a"] += 1
d["b"] = d.get("b", 0) + 5
d["b"] //= 2
d["s"] = "x"
d["s"] *= 3
print(d)
matrix = [[1, 2], [3, 4]]
matrix[1][0] += 100
matrix[0][1] **= 3
print(matrix)

# the subscript expression is evaluated once
calls = []
def index(i):
    calls.append(i)
    return i

arr = [10, 20, 30]
arr[index(1)] += 5
print(arr, calls)

# augmented assignment with a nested list inside a tuple
holder = ([1],)
holder[0][0] += 1
print(holder)
try:
    holder[0] += [2]
except TypeError as e:
    print("TypeError:", e)
print(holder)

# accumulate strings and numbers in loops
text = ""
total = 0
for word in ["alpha", "beta", "gamma"]:
    text += word[0]
    total += len(word)
print(text, total)
