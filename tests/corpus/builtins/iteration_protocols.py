# reversed/enumerate/zip/map/filter with user types and edge cases.
def attempt(f):
    try:
        return f()
    except Exception as e:
        return type(e).__name__ + ": " + str(e)


class Seq:
    def __len__(self):
        return 3

    def __getitem__(self, i):
        if i >= 3:
            raise IndexError(i)
        return i * 10


class Rev:
    def __reversed__(self):
        return iter("cba")


class NoRev:
    __reversed__ = None

    def __len__(self):
        return 1

    def __getitem__(self, i):
        return i


print(list(reversed(Seq())), list(Seq()), list(reversed(Rev())), attempt(lambda: reversed(NoRev())))
print(attempt(lambda: reversed(5)), attempt(lambda: reversed({1})), attempt(lambda: reversed({"a": 1}.values())) is not None)
print(list(reversed(range(10, 0, -3))), list(reversed(b"ab")), list(reversed("xyz")))
r = reversed([1, 2, 3])
print(next(r), list(r), list(r))
print(list(enumerate("ab", 2 ** 64)), list(enumerate(iterable="xy", start=5)), attempt(lambda: enumerate([], "a")))
print(attempt(lambda: enumerate()), attempt(lambda: enumerate([], 1, 2)), attempt(lambda: enumerate([], x=1)))
print(list(zip(range(3), "abc", strict=True)), attempt(lambda: list(zip([1], [1, 2], strict=True))))
print(attempt(lambda: list(zip([1, 2], [1], strict=True))), attempt(lambda: list(zip([1], [2], [], strict=True))))
print(attempt(lambda: zip(1)), attempt(lambda: zip([], x=1)), list(zip()))
print(list(map(lambda *a: sum(a), [1, 2], (10, 20, 30), range(100, 103))), attempt(lambda: map(len)))
print(list(filter(None, (0, 1, 2, "", None, "x"))), attempt(lambda: filter(len)), attempt(lambda: list(filter(len, [1]))))
print(any(Seq()), all(Seq()), attempt(lambda: any()), attempt(lambda: all(1, 2)), attempt(lambda: any(1)))
print(min(Seq()), max(Seq(), key=lambda x: -x), sum(Seq()), sum(Seq(), 5), sorted(Seq(), reverse=True))
print(max(1, 2, key=None), min([], default="none"), attempt(lambda: max(1, 2, default=0)), attempt(lambda: min(x=1)))
print(attempt(lambda: max([])), attempt(lambda: min()), attempt(lambda: max(1)), attempt(lambda: max(1, "a")))
print(sum([2 ** 63 - 1, 1]), sum([-2 ** 63, -1]), sum([1, 2 ** 64, -2 ** 64]), sum([1, 2.5]), sum([True, 2.0]))
print(attempt(lambda: sum(["a"])), attempt(lambda: sum([], "")), attempt(lambda: sum([], b"")), attempt(lambda: sum(1, 2, 3)))
print(attempt(lambda: sum()), attempt(lambda: sum([], x=1)), sum([[1]], []), sum(((1,), (2,)), ()))
