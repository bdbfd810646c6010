# min / max / sum with keys, defaults and multiple arguments.
nums = [5, -3, 12, 7, 0]
print(min(nums), max(nums), min(4, 2, 8), max(4, 2, 8), min("hello"), max("hello"))
print(min([1.5, 1, 2]), max([1, 1.0]), max([1.0, 1]), min(-0.0, 0.0), max([True, 2, 1.5]))
print(max(nums, key=abs), min(nums, key=abs), max(["pear", "fig", "banana"], key=len), min("a", "bb", "ccc", key=len))
print(max([], default="empty"), min([], default=None), max([3], default=0), min((x for x in []), default=-1))
print(max([(1, "b"), (1, "a"), (0, "z")]), min([[2, 1], [1, 9], [1, 2]]))
print(max("apple", "Apple", "APPLE"), min(["b", "a", "c"]), max(range(10 ** 6)))

# ties return the first maximal / minimal element
words = ["aa", "bb", "c", "dd", "e"]
print(max(words, key=len), min(words, key=len))
people = [("ann", 30), ("bob", 25), ("cat", 30), ("dan", 25)]
print(max(people, key=lambda p: p[1]), min(people, key=lambda p: p[1]))

# sum with start
print(sum([]), sum([1, 2, 3]), sum([1, 2, 3], 10), sum(range(101)), sum([0.1] * 10))
print(sum([[1], [2, 3]], []), sum([(1,), (2,)], ()), sum([1.5, 2.5], start=1))
print(sum(x * x for x in range(10)), sum([True, True, False]), sum([2 ** 64, 2 ** 64]))
print(sum([1, 2.5, 3]), type(sum([1, 2])).__name__, type(sum([1, 2.0])).__name__)

# errors
for bad in [lambda: max([]), lambda: min(), lambda: max(1), lambda: sum(["a", "b"]), lambda: sum([1], "")]:
    try:
        bad()
    except (ValueError, TypeError) as e:
        print(type(e).__name__ + ":", e)

# statistics by hand
scores = {"ann": 88, "bob": 95, "cat": 72, "dan": 95}
best = max(scores, key=scores.get)
worst = min(scores, key=lambda k: scores[k])
print(best, worst, sum(scores.values()) / len(scores), max(scores.values()) - min(scores.values()))
print(max(scores.items(), key=lambda kv: (kv[1], kv[0])))
