# itertools: the lazy (possibly infinite) iterators. Nothing here materialises an
# infinite input.
import itertools
from itertools import count, repeat, cycle, chain, islice, accumulate, starmap, takewhile, dropwhile, filterfalse, compress, zip_longest, pairwise, tee

print(list(islice(count(), 5)), list(islice(count(10, 3), 4)), list(islice(count(0.5, 0.25), 3)))
print(list(islice(count(-2, -1), 3)), list(islice(count(2 ** 62, 2 ** 62), 3)))
c = count(5)
print(next(c), next(c), repr(c), repr(count(1.5, 2)), repr(count(3, 1.0)), repr(count()))
print(list(repeat("x", 3)), list(repeat(1, -2)), list(islice(repeat(7), 4)), repr(repeat("a", 2)), repr(repeat(None)))
print(list(islice(cycle("abc"), 8)), list(cycle([])))
print(list(chain([1, 2], (3,), "ab", range(2))), list(chain()), list(chain.from_iterable([[1], [], [2, 3]])))
print(list(islice(chain.from_iterable(repeat([1, 2])), 5)))
print(list(islice("abcdefg", 2)), list(islice("abcdefg", 2, 4)), list(islice("abcdefg", 2, None)), list(islice("abcdefg", 0, None, 3)), list(islice("abc", 10)))
it = iter(range(10))
print(list(islice(it, 3)), next(it), list(islice(it, 1, 3)), next(it))
print(list(islice(count(), 100, 105)), list(islice(count(), 0, 20, 7)))
print(list(accumulate([1, 2, 3, 4])), list(accumulate([1, 2, 3], lambda a, b: a * b)), list(accumulate([1, 2], initial=100)), list(accumulate([])), list(accumulate([], initial=0)))
print(list(islice(accumulate(count(1)), 5)), list(accumulate(["a", "b", "c"])))
print(list(starmap(lambda a, b: a ** b, [(2, 3), (3, 2), (10, 0)])), list(islice(starmap(lambda *a: a, repeat((1, 2))), 2)))
print(list(takewhile(lambda x: x < 3, [1, 2, 3, 1])), list(dropwhile(lambda x: x < 3, [1, 2, 3, 1])))
print(list(takewhile(lambda x: x < 20, count(10, 4))), list(islice(dropwhile(lambda x: x < 5, count()), 3)))
print(list(filterfalse(lambda x: x % 3, range(10))), list(filterfalse(None, [0, 1, "", "a", None, [], [0]])))
print(list(compress("abcdef", [1, 0, 1, 0, 1, 1])), list(compress(count(), [0, 1, 1, 0, 1])))
print(list(zip_longest("abc", [1])), list(zip_longest("ab", "wxyz", fillvalue="-")), list(zip_longest()))
print(list(islice(zip_longest(count(), "ab"), 4)))
print(list(pairwise("abcd")), list(pairwise([1])), list(islice(pairwise(count()), 3)))

a, b = tee(iter([1, 2, 3]))
print(next(a), list(b), list(a))
x, y, z = tee(count(), 3)
print(next(x), next(x), next(y), next(z), next(z), next(z), next(y))
t1, t2 = tee("xy")
t3 = t1.__copy__()
print(list(t1), list(t3), list(t2), tee([1], 0))
u, = tee(range(2), 1)
print(list(u))

# laziness: the function runs only when items are pulled
def gen():
    for i in count():
        print("producing", i)
        yield i

g = chain(gen(), "never reached")
print("created")
print(next(g), next(g))
evens = filterfalse(lambda v: v % 2, gen())
print(next(evens), next(evens))
print(type(count()).__name__, type(chain()), iter(c) is c, isinstance(islice([], 1), itertools.islice))

def show(f):
    try:
        f()
    except Exception as e:
        print(type(e).__name__ + ":", e)

show(lambda: count("a"))
show(lambda: repeat())
show(lambda: islice([1], -1))
show(lambda: islice([1], 1, -1))
show(lambda: islice([1], 0, 1, 0))
show(lambda: islice([1]))
show(lambda: list(chain(1)))
show(lambda: cycle(1))
show(lambda: starmap(len))
show(lambda: list(starmap(len, [1])))
show(lambda: tee([1], -1))
show(lambda: list(accumulate([1, "a"])))
show(lambda: next(iter(repeat(1, 0))))
