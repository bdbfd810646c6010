# Subclasses of set: mutation through the builtin methods, operators (plain set results),
# in-place operators keeping the instance, iteration, repr, overrides and attributes.
def attempt(f):
    try:
        return f()
    except Exception as e:
        return type(e).__name__ + ": " + str(e)


class S(set):
    pass


s = S([3, 1, 2])
print(s, repr(s), type(s).__name__, len(s), sorted(s), 2 in s, 7 in s, bool(s), bool(S()), S(), repr(S()))
s.add(4)
s.discard(1)
s.update([5, 6])
s.remove(6)
print(sorted(s), s.pop() in {2, 3, 4, 5}, len(s), attempt(lambda: s.remove(99)))
s2 = S([1, 2, 3])
print(s2 | {4}, type(s2 | {4}).__name__, s2 & {2, 3, 9}, s2 - {1}, s2 ^ {3, 4}, type(s2 - {1}).__name__, {0} | s2, type({0} | s2).__name__)
before = s2
s2 |= {10}
s2 -= {1}
s2 &= {2, 3, 10, 11}
s2 ^= {99}
print(s2 is before, type(s2).__name__, sorted(s2))
print(s2 == {2, 3, 10, 99}, {2, 3, 10, 99} == s2, s2 <= {2, 3, 10, 99, 100}, s2 > {2}, s2.issuperset([2, 3]), s2.isdisjoint({7}))
print(sorted(s2.union([0])), sorted(s2.intersection([2, 3])), sorted(s2.difference([2])), sorted(s2.symmetric_difference([2, 50])), type(s2.union([0])).__name__)
c = s2.copy()
print(sorted(c), type(c).__name__, attempt(lambda: hash(s2)), list(iter(S([7]))), [x for x in S([8])], set(S([1])) == {1}, frozenset(S([1])))
s3 = S([1, 2])
s3.intersection_update([2, 3])
s3.difference_update([9])
s3.symmetric_difference_update([5])
print(sorted(s3), set.__len__(s3), set.__contains__(s3, 5), S.__name__, isinstance(s3, set), issubclass(S, set))
s3.clear()
print(s3, len(s3))
s3.tag = 1
print(s3.tag, vars(s3))
print(attempt(lambda: S(1)), attempt(lambda: S([1], [2])), set.__new__(S), type(set.__new__(S)).__name__, attempt(lambda: set.__new__(dict)))


class Counting(set):
    def __init__(self, items=()):
        super().__init__(items)
        self.adds = 0

    def add(self, x):
        self.adds += 1
        super().add(x)

    def __repr__(self):
        return "Counting(%s)" % sorted(self)

    def __len__(self):
        return 1000

    def __contains__(self, x):
        return x == "always" or set.__contains__(self, x)

    def __iter__(self):
        return iter(sorted(set.__iter__(self)))


cs = Counting([5, 3])
cs.add(1)
cs.add(1)
print(cs, cs.adds, len(cs), "always" in cs, 3 in cs, 4 in cs, list(cs), set.__len__(cs), sorted(cs | {9}), bool(cs))


class Ordered(set):
    def __init__(self, items):
        super().__init__()
        for x in items:
            self.add(x)


o = Ordered([4, 4, 2])
print(sorted(o), len(o), o == {2, 4})


class Sub(set):
    def __or__(self, other):
        return "or!"

    def __eq__(self, other):
        return "eq!"

    __hash__ = None


print(Sub([1]) | {2}, {2} | Sub([1]), Sub([1]) == {1}, {1} == Sub([1]), attempt(lambda: hash(Sub())))
