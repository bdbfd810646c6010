# __length_hint__ of the builtin iterators (list, tuple, range, str, bytes, dict views, set,
# reversed): the number of items left, read through operator.length_hint.
import operator


def hints(it):
    out = [operator.length_hint(it)]
    for _ in it:
        out.append(operator.length_hint(it))
    out.append(type(it).__length_hint__(it))
    return out


d = {"a": 1, "b": 2, "c": 3}
print(operator.length_hint(iter([1, 2, 3])), iter([1, 2]).__length_hint__())
print(hasattr(type(iter([1])), "__length_hint__"), hasattr(type(iter(d)), "__length_hint__"))
print(hints(iter([1, 2, 3])), hints(iter([])))
print(hints(iter((1, 2))))
print(hints(iter(range(0, 10, 3))), hints(iter(range(5, 0, -2))), hints(iter(range(3, 3))))
print(hints(iter("abc")), hints(iter("h\xe9llo")), hints(iter(b"xy")))
print(hints(iter(d)), hints(iter(d.keys())), hints(iter(d.values())), hints(iter(d.items())))
print(hints(reversed([1, 2, 3])), hints(reversed((1, 2))), hints(reversed("ab")))
print(hints(reversed(range(4))), hints(reversed(d)), hints(reversed(d.items())))
print(hints(iter({1, 2, 3})), hints(iter(frozenset([4]))))

# Containers that change under the iterator.
l = [1, 2, 3]
it = iter(l)
next(it)
l.append(4)
print(operator.length_hint(it))
del l[:]
print(operator.length_hint(it), list(it), operator.length_hint(it))
r = [1, 2, 3]
it = reversed(r)
next(it)
print(operator.length_hint(it))
r.pop()
r.pop()
print(operator.length_hint(it))
d2 = {1: 1, 2: 2, 3: 3, 4: 4}
del d2[2]
it = iter(d2)
next(it)
print(operator.length_hint(it))
d2[5] = 5
print(operator.length_hint(it))

# Subclasses and sequences of user classes.
class L(list):
    pass


class D(dict):
    pass


class Seq:
    def __len__(self):
        return 3

    def __getitem__(self, i):
        if i >= 3:
            raise IndexError(i)
        return i


print(hints(iter(L([1, 2]))), hints(iter(D(a=1))), hints(reversed(Seq())))

# Iterators without a known length: the default.
print(operator.length_hint(map(abs, [1]), 7), operator.length_hint(enumerate([1, 2]), 5))
print(operator.length_hint(filter(None, [1]), 3), operator.length_hint(zip([1], [2])))
