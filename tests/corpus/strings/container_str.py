# str() / repr() of containers.
print([], (), {}, set(), [[]], [()], ((),), [{}], ({},))
print((1,), (1, 2), ((1,),), [(1,)], ("a",), ((),), (None,))
print([1, 2, 3], [1, [2, [3, [4]]]], ["a", ["b", ("c", {"d": ["e"]})]])
print({"a": 1, "b": [1, 2], "c": {"d": (3,)}}, {1: "one", 2: "two"})
print([None, True, False, 0, 0.0, -0.0, 1e16, 0.1, "s", 'q"uote', "it's"])
print({(1, 2): [3, 4], 5: {6: 7}, "k": None}, {"nested": {"deeper": {"deepest": []}}})
print([1.5, 2.0, float("inf"), float("nan")], (0.1 + 0.2,), {"f": 1e-5})
print([2 ** 70, -(2 ** 70)], {10 ** 20: "big"}, [range(3), slice(1, 2)])
print(str([1, "a"]), repr([1, "a"]), str(("x",)), repr({"k": "v"}), str({1}))
print(str([["\n"]]), [["\t", "\\"]], ["é", "日本"], ("😀",))
print({1: [], 2: (), 3: {}}, [[], [[]], [[], []]])

# containers containing themselves
lst = [1, 2]
lst.append(lst)
print(lst)
d = {"k": 1}
d["self"] = d
print(d)
t = ([],)
t[0].append(t)
print(t)

# str of containers used in formatting
matrix = [[i * j for j in range(4)] for i in range(3)]
print(matrix)
for row in matrix:
    print(row, str(row), len(str(row)))
print("%s | %r" % ([1, "a"], ("b",)), "{} {}".format([1], (2,)), f"{[3]} {(4,)!r}")
print(str(list(range(12))))
print(str(dict(a=1, b=2)), str(dict([(1, 2)])), str(list({"x": 1}.items())))
print(str(tuple("abc")), str(list((1,))), str(tuple([1])))
