# sorted() with key / reverse / stability, reversed().
nums = [5, 2, 9, 1, 5, 6, -3]
print(sorted(nums), sorted(nums, reverse=True), nums)
print(sorted("python"), sorted((3, 1, 2)), sorted({3: "c", 1: "a"}), sorted({5, 1, 3}))
print(sorted(["banana", "Apple", "cherry"]), sorted(["banana", "Apple", "cherry"], key=str.lower))
print(sorted(nums, key=abs), sorted(nums, key=lambda n: (n % 3, n)), sorted([], reverse=True))
print(sorted([2.5, 1, True, 0.5]), sorted([[2, 1], [1, 2], [1]]), sorted([(1, "b"), (1, "a")]))

# stability: equal keys keep their original order, also with reverse=True
records = [("alice", 3), ("bob", 1), ("carol", 3), ("dave", 2), ("eve", 1), ("frank", 2)]
print(sorted(records, key=lambda r: r[1]))
print(sorted(records, key=lambda r: r[1], reverse=True))
by_name = sorted(records)
print(sorted(by_name, key=lambda r: -r[1]))
words = ["bb", "a", "ccc", "dd", "e", "fff", "gg"]
print(sorted(words, key=len), sorted(words, key=len, reverse=True))

# multi-level sort via successive stable sorts
data = [("x", 2, 9), ("y", 1, 9), ("z", 2, 1), ("w", 1, 5)]
step1 = sorted(data, key=lambda t: t[2])
step2 = sorted(step1, key=lambda t: t[1])
print(step2, step2 == sorted(data, key=lambda t: (t[1], t[2])))

# list.sort in place vs sorted copy
lst = [3, 1, 2]
new = sorted(lst)
print(lst, new, lst is new)
lst.sort(reverse=True)
print(lst)

# errors comparing incompatible types
try:
    sorted([1, "a", 2])
except TypeError as e:
    print("TypeError:", e)

# reversed
print(list(reversed([1, 2, 3])), list(reversed("abc")), list(reversed((1, 2))), list(reversed(range(3))))
print("".join(reversed("stressed")), list(reversed([])), list(reversed({"a": 1, "b": 2})))
r = reversed([10, 20, 30])
print(next(r), next(r), list(r), list(r))
lst = [1, 2, 3]
for x in reversed(lst):
    print(x, end=" ")
print()

# sorting dict items by value then key
counts = {"pear": 3, "apple": 3, "fig": 7, "kiwi": 1}
print(sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])))
print([k for k, v in sorted(counts.items(), key=lambda kv: kv[1])])
print(sorted(counts, key=counts.get, reverse=True))
