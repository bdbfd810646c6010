# itertools: combinatoric iterators and groupby.
from itertools import product, permutations, combinations, combinations_with_replacement, groupby, count, islice

print(list(product("ab", range(2))))
print(list(product([1, 2], repeat=2)), list(product()), list(product([], [1])), list(product("ab", repeat=0)))
print(len(list(product(range(3), range(4), range(5)))), list(islice(product(range(10), repeat=3), 12, 15)))
print(list(permutations("abc", 2)))
print(list(permutations(range(3))), list(permutations([], 0)), list(permutations("ab", 3)), list(permutations("ab", 0)))
print(len(list(permutations(range(5)))), len(list(permutations(range(6), 4))))
print(list(combinations("abcd", 2)))
print(list(combinations(range(4), 3)), list(combinations("ab", 3)), list(combinations("ab", 0)), list(combinations([], 0)))
print(list(combinations_with_replacement("abc", 2)), list(combinations_with_replacement([], 2)), list(combinations_with_replacement("a", 0)))
print(len(list(combinations(range(10), 5))), len(list(combinations_with_replacement(range(5), 3))))

# inputs are read once, at creation
gen = (x * x for x in range(4))
pairs = combinations(gen, 2)
print(list(gen), list(pairs))

for k, g in groupby("aaabbcdda"):
    print(k, list(g))
print([(k, list(g)) for k, g in groupby([1, 3, 2, 4, 5, 7, 6], key=lambda x: x % 2)])
print([k for k, g in groupby([])], [k for k, g in groupby("aabbbc")])
# a group is invalidated when the groupby advances
it = groupby([1, 1, 2, 2, 3])
k1, g1 = next(it)
k2, g2 = next(it)
print(k1, list(g1), k2, list(g2))
k3, g3 = next(it)
print(k3, next(g3), list(g3))
records = [("fruit", "apple"), ("fruit", "pear"), ("veg", "leek"), ("fruit", "fig")]
for kind, grp in groupby(records, key=lambda r: r[0]):
    print(kind, [name for _, name in grp])
# groupby over an infinite iterator stays lazy
inf = groupby(count(), key=lambda n: n // 3)
for _ in range(3):
    k, g = next(inf)
    print(k, list(g))

def show(f):
    try:
        f()
    except Exception as e:
        print(type(e).__name__ + ":", e)

show(lambda: product([1], repeat=-1))
show(lambda: permutations([1], -1))
show(lambda: combinations([1], -1))
show(lambda: combinations([1]))
show(lambda: combinations_with_replacement("ab", -2))
show(lambda: groupby(1))
show(lambda: list(groupby([1, "a", 1], key=lambda v: v + 1)))
