# How dicts and sets hash their keys, as CPython 3.14: the reworded TypeError of an
# unhashable key ("cannot use 'list' as a dict key (...)"), and where it stays plain;
# stored hashes reused (a key's __hash__ is not called again when a set or dict is built
# from another); sets as keys of set operations retried as frozensets; subclass details.
import collections
import weakref

cases = [
    "{[1]: 2}", "{[1]}", "set().add([])", "[] in set()", "set().discard([])",
    "set().remove([])", "frozenset([[1]])", "set([[1]])", "{}.get([])", "[] in {}",
    "{1:2}[[]]", "hash([])", "dict.fromkeys([[1]])", "{}.setdefault([])", "{}.pop([])",
    "{1:2}.pop([])", "{1}.issubset([[1]])", "{1}.difference([[1]])",
    "{1}.intersection([[1]])", "{1}.isdisjoint([[1]])", "{1}.symmetric_difference([[1]])",
    "{1:2}.__contains__([])", "{1:2} | {[]:1}", "dict([([],1)])",
    "dict(a=1).update([([],1)])", "collections.Counter([[1]])", "{1:1}.keys() & [[1]]",
    "set().update([[1]])", "{1} | {2} ^ set([[]])", "{(1, [2])}",
]
for src in cases:
    try:
        r = eval(src)
        print(src, "->", r)
    except Exception as e:
        print(src, "->", type(e).__name__, e, e.__context__)


class NoHash:
    __hash__ = None


class Boom(Exception):
    pass


class RaisesBoom:
    def __hash__(self):
        raise Boom("boom")


class RaisesTypeError:
    def __hash__(self):
        raise TypeError("custom")


for src in ["{NoHash()}", "{NoHash(): 1}", "{RaisesBoom()}", "{RaisesTypeError()}"]:
    try:
        eval(src)
    except Exception as e:
        print(src, "->", type(e).__name__, e)


class HashCounting(int):
    hash_count = 0

    def __hash__(self):
        self.hash_count += 1
        return int.__hash__(self)


d = dict.fromkeys(map(HashCounting, range(10)))
total = lambda: sum(k.hash_count for k in d)
print("built", total())
for label, op in [
    ("set(d)", lambda: set(d)),
    ("frozenset(d)", lambda: frozenset(d)),
    ("set(d).difference(d)", lambda: set(d).difference(d)),
    ("s ^= d", lambda: set(d).symmetric_difference_update(d)),
    ("dict.fromkeys(set(d))", lambda: dict.fromkeys(set(d))),
    ("set(d) & set(d)", lambda: set(d) & set(d)),
    ("set(d) - set(d)", lambda: set(d) - set(d)),
    ("Counter(d)", lambda: collections.Counter(d)),
]:
    before = total()
    op()
    print(label, total() - before)


class SetSub(set):
    pass


s = {frozenset("ab"), 1}
print(SetSub("ab") in s, set("ab") in s)
s.discard(SetSub("ab"))
print(s)
s.add(frozenset("xy"))
s.remove(set("xy"))
print(s)


class FrozenWithInit(frozenset):
    def __init__(self, arg, newarg=None):
        self.newarg = newarg


u = FrozenWithInit([1, 2], newarg=3)
print(type(u).__name__, sorted(u), u.newarg)
try:
    frozenset([1], newarg=3)
except TypeError as e:
    print(e)

p = weakref.proxy({3, 4})  if False else None
target = {3, 4}
p = weakref.proxy(target)
print(str(p), f"{p}", "%s" % p)
