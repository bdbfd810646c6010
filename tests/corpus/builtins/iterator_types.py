# The builtin iterators are each of their own type (issue 19, branch iters): type names,
# the types' module, isinstance against collections.abc, and which methods each type has.
import collections.abc as abc

d = {1: 2, 3: 4}


class Seq:
    def __getitem__(self, i):
        if i > 2:
            raise IndexError
        return i


samples = [
    ("list", iter([1, 2])),
    ("tuple", iter((1, 2))),
    ("ascii str", iter("ab")),
    ("str", iter("é")),
    ("bytes", iter(b"ab")),
    ("bytearray", iter(bytearray(b"ab"))),
    ("range", iter(range(3))),
    ("reversed range", reversed(range(3))),
    ("set", iter({1})),
    ("frozenset", iter(frozenset({1}))),
    ("dict", iter(d)),
    ("dict values", iter(d.values())),
    ("dict items", iter(d.items())),
    ("dict keys view", iter(d.keys())),
    ("reversed dict", reversed(d)),
    ("reversed values", reversed(d.values())),
    ("reversed items", reversed(d.items())),
    ("reversed list", reversed([1])),
    ("reversed tuple", reversed((1,))),
    ("reversed str", reversed("ab")),
    ("callable", iter(lambda: 1, 2)),
    ("enumerate", enumerate([])),
    ("zip", zip()),
    ("map", map(len, [])),
    ("filter", filter(None, [])),
    ("getitem", iter(Seq())),
]
for label, it in samples:
    t = type(it)
    own = sorted(k for k in t.__dict__ if k not in ("__doc__", "__text_signature__", "__module__"))
    print(f"{label:16} {t.__name__:26} {t.__module__} {isinstance(it, abc.Iterator)} {own}")

# The type stays after exhaustion.
it = iter((1, 2))
list(it)
print(type(it).__name__, type(iter(d)) is type(iter({})))

# The public ones are types, the others cannot be created nor derived from.
for t in (enumerate, zip, map, filter, reversed):
    print(t, type(t), isinstance(t(*{enumerate: ([],), zip: (), map: (len, []), filter: (None, []), reversed: ([],)}[t]), t))
for it in (iter([]), iter(range(1)), iter(d), iter(lambda: 1, 1)):
    try:
        type(it)()
    except TypeError as e:
        print("TypeError:", e)
    try:
        class X(type(it)):
            pass
    except TypeError as e:
        print("TypeError:", e)

print(enumerate.__text_signature__, zip.__text_signature__, map.__text_signature__)
print(filter.__text_signature__, reversed.__text_signature__)
print(enumerate.__doc__.splitlines()[0])
print(enumerate[int], type(enumerate[int]))
print(isinstance(map(str, [1]), map), isinstance(iter([]), map), issubclass(zip, abc.Iterator))

# length hints
import operator
for it in (iter([1, 2, 3]), iter("abc"), iter(range(5)), iter({1, 2}), iter(d), reversed([1, 2]),
           reversed((1, 2, 3)), reversed(d), iter(Seq()), enumerate([1]), zip([1])):
    print(type(it).__name__, operator.length_hint(it, -1))
