# match: sequence patterns (list and tuple syntax, starred captures, nesting); str, bytes
# and dicts are not sequences; range, deque and list/tuple subclasses are.
import collections


def shape(x):
    match x:
        case []:
            return "empty"
        case [a]:
            return f"one: {a!r}"
        case (a, b):
            return f"two: {a!r} {b!r}"
        case [a, b, c]:
            return f"three: {a!r} {b!r} {c!r}"
        case [first, *middle, last]:
            return f"first {first!r} middle {middle!r} last {last!r}"
        case _:
            return "not a sequence"


for v in [[], (), [1], (1,), [1, 2], (1, 2), "ab", b"ab", [1, 2, 3], (1, 2, 3, 4),
          list(range(7)), range(3), range(10), collections.deque([5, 6]), {1: 2}, {1, 2},
          42, "x", "abcd"]:
    print(repr(v), "->", shape(v))


# Starred sub-patterns bind a list, whatever the subject's type.
match (1, 2, 3, 4):
    case (*head, tail):
        print("head", head, "tail", tail)
match range(5):
    case [*_, 4]:
        print("ends with 4")
match [1, 2]:
    case [1, 2, *rest]:
        print("rest", rest)
match "hello":
    case [*chars]:
        print("a str matched", chars)
    case str():
        print("a str is not a sequence")

# Nested sequences, and literal checks inside them.
points = [[(0, 0), (1, 1)], [(0, 1), (2, 3), (4, 5)], [(1, 0)], [[1, 2], 3]]
for p in points:
    match p:
        case [(0, 0), (x, y)]:
            print("from origin to", x, y)
        case [(0, y0), *others] if others:
            print("from the y axis at", y0, "then", others)
        case [(x, y)]:
            print("single point", x, y)
        case [[a, b], c]:
            print("nested", a, b, c)


# Subclasses of list and tuple are sequences; their __len__ and __getitem__ are used.
class Logged(list):
    def __len__(self):
        print("  __len__")
        return super().__len__()

    def __getitem__(self, i):
        print("  __getitem__", i)
        return super().__getitem__(i)


match Logged([10, 20, 30, 40]):
    case [a, *_, z]:
        print("first and last", a, z)

match Logged([1, 2, 3]):
    case [_, _, _]:
        print("three wildcards: only the length is read")


class Pair(tuple):
    pass


match Pair((7, 8)):
    case (a, b):
        print("pair", a, b)

# A deque.
match collections.deque("xyz"):
    case ["x", *rest]:
        print("deque rest", rest)

# Length mismatch and types of items.
for v in [[1, "a"], [1, 2], ["a", 1], [1, "a", None]]:
    match v:
        case [int(n), str(s)]:
            print("int then str", n, s)
        case [str(), int()]:
            print("str then int")
        case other:
            print("other", other)
