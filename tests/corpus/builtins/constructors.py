# Constructors: int, float, str, bool, list, tuple, dict, set.
print(int(), int(5), int(-5.7), int("42"), int(" -7 "), int("0b101", 0), int("z", 36), int(True))
print(float(), float(3), float("2.5"), float(" 1e-3 "), float("-inf"), float(False))
print(str(), str(5), str(2.5), str([1, "a"]), str(None), str(True), repr(str("x")))
print(bool(), bool(0), bool(7), bool(""), bool("0"), bool([]), bool([[]]), bool(None), bool(0.0), bool(-0.1))
print(list(), list("abc"), list((1, 2)), list(range(3)), list({1: "a", 2: "b"}), list({3, 1, 2}))
print(tuple(), tuple("ab"), tuple([1, [2]]), tuple(range(2)), tuple({"k": 1}))
print(dict(), dict(a=1, b=2), dict([("x", 1), ("y", 2)]), dict([("x", 1)], y=2), dict({"p": 1}, q=2))
print(dict(zip(["k1", "k2"], [1, 2])), dict([(1, "one"), (1, "uno")]), dict(((i, i * i) for i in range(3))))
print(dict([[1, 2], "ab"]), dict({}), dict(**{"z": 0}))
print(set(), set([3, 1, 3, 2]), set(range(5)), set((1, 1, 1)), len(set("aabbc")), sorted(set("banana")))

# copies are independent
orig = [1, [2, 3]]
copy = list(orig)
copy.append(4)
copy[1].append(99)
print(orig, copy, orig is copy, orig[1] is copy[1])
d1 = {"a": 1}
d2 = dict(d1)
d2["b"] = 2
print(d1, d2)

# conversions between containers
data = [3, 1, 2, 3, 1]
print(sorted(set(data)), tuple(sorted(data)), list(dict.fromkeys(data)), dict(enumerate("xy")))
print(list(map(int, "123")), list(map(str, [1, 2])), tuple(map(float, ["1", "2.5"])))

# errors
for bad in [lambda: int("1.5"), lambda: int("abc"), lambda: float("x"), lambda: int(""), lambda: dict([1, 2]),
            lambda: list(5), lambda: int([1]), lambda: dict([("a", 1, 2)])]:
    try:
        bad()
    except (ValueError, TypeError) as e:
        print(type(e).__name__ + ":", e)
