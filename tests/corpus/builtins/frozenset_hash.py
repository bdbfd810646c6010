# hash(frozenset) as CPython's frozenset_hash: from the hashes stored with the keys, so
# nested frozensets (von Neumann numerals) hash in linear time; values match CPython's.
import itertools


def zf_range(n):
    nums = [frozenset()]
    for i in range(n - 1):
        nums.append(frozenset(nums))
    return nums[:n]


def powerset(s):
    for i in range(len(s) + 1):
        yield from map(frozenset, itertools.combinations(s, i))


print([hash(z) for z in zf_range(6)])
print(hash(frozenset(range(10))), hash(frozenset()), hash(frozenset([-1, -2])))
for n in (10, 16):
    mask = 2**n - 1
    for nums in (range, zf_range):
        u = len({h & mask for h in map(hash, powerset(nums(n)))})
        print(n, nums.__name__, u)


class Key:
    def __init__(self, h):
        self.h = h

    def __hash__(self):
        return self.h


# Keys with a Python __hash__: their stored hashes are used; __hash__ is not called again.
calls = 0


class Counted(Key):
    def __hash__(self):
        global calls
        calls += 1
        return self.h


fs = frozenset([Counted(1), Counted(2), Counted(3)])
before = calls
print(hash(fs) == hash(frozenset([Key(1), Key(2), Key(3)])), calls - before)
print(hash(frozenset([1, 2, 3])) == hash(frozenset([3, 2, 1])))
