# list.sort / sorted: stability, key calls, reverse, errors, and mutation during sort.
def attempt(f):
    try:
        return f()
    except Exception as e:
        return type(e).__name__ + ": " + str(e)


calls = []


def key(x):
    calls.append(x)
    return x % 3


data = [5, 3, 9, 1, 4, 7, 6]
print(sorted(data, key=key), calls)
print(sorted(data, key=key, reverse=True))
pairs = [(1, "b"), (0, "a"), (1, "a"), (0, "b")]
print(sorted(pairs, key=lambda p: p[0]), sorted(pairs, key=lambda p: p[0], reverse=True))
print(sorted([3, 1.5, True, -2, 2 ** 70, 0.0]), sorted(["b", "B", "a", "", "ab"]))
print(sorted([(2, 1), (1, 2, 3), (1, 2), ()]), sorted([[3], [1, 2], [1]]))

lst = [3, 1, 2]


def spy(x):
    print("during sort the list has", len(lst), "items")
    return -x


lst.sort(key=spy)
print(lst)

grow = [3, 1, 2]


def appender(x):
    grow.append(x)
    return x


print(attempt(lambda: grow.sort(key=appender)), grow)

mixed = [3, 1, "a", 2]
print(attempt(lambda: mixed.sort()), sorted(mixed, key=str))
keep = [3, 1, 2]


def bad_key(x):
    if x == 2:
        raise ValueError("bad key")
    return x


print(attempt(lambda: keep.sort(key=bad_key)), keep)


class Version:
    def __init__(self, major, minor):
        self.major, self.minor = major, minor

    def __lt__(self, other):
        return (self.major, self.minor) < (other.major, other.minor)

    def __repr__(self):
        return "v%d.%d" % (self.major, self.minor)


versions = [Version(1, 2), Version(0, 9), Version(1, 0), Version(0, 9), Version(2, 0)]
print(sorted(versions), min(versions), max(versions), sorted(versions, reverse=True))

big = [(i * 37) % 101 for i in range(300)]
s = sorted(big)
print(s[:10], s[-5:], s == sorted(big, reverse=True)[::-1], len(s))
print(sorted(range(10), key=lambda n: n % 2 == 0), sorted("sorting"), sorted({3: 0, 1: 0, 2: 0}.items()))
print(attempt(lambda: sorted()), attempt(lambda: sorted([], None)), attempt(lambda: sorted([], foo=1)))
print(attempt(lambda: [].sort(1)), attempt(lambda: [1, 2].sort(key=1)), attempt(lambda: sorted([1, None])))
