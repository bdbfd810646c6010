# functools: reduce, partial, wraps/update_wrapper, lru_cache/cache, cmp_to_key,
# total_ordering, cached_property.
import functools
from functools import reduce, partial, wraps, update_wrapper, lru_cache, cache, cmp_to_key, total_ordering, cached_property

print(reduce(lambda a, b: a + b, [1, 2, 3, 4]), reduce(lambda a, b: a * b, range(1, 6), 10), reduce(lambda a, b: a + b, [], 7))
print(reduce(lambda acc, ch: ch + acc, "abc"), reduce(lambda a, b: a if a > b else b, [3, 9, 2]))

def f(a, b, c=0, *, d=1):
    return (a, b, c, d)

p = partial(f, 1, d=4)
print(p(2), p(2, 3), p(2, d=9), p.func is f, p.args, p.keywords)
p2 = partial(p, 5)
print(p2(), p2.args, p2.keywords, p2.func is f)
print(repr(partial(print, 1, sep="-")), repr(partial(len)))
add3 = partial(lambda *xs: xs, 1, 2)
print(add3(3), add3(), callable(add3), type(add3).__name__)
base2 = partial(lambda s, base: (s, base), base=2)
print(base2("101"), base2("7", base=8))

def deco(fn):
    @wraps(fn)
    def inner(*a, **k):
        return ("wrapped", fn(*a, **k))
    return inner

@deco
def hello(x):
    return "hello " + x

print(hello("bob"), hello.__name__, hello.__qualname__, hello.__module__, hello.__wrapped__("ann"))

def target():
    pass
target.attr = 42

def shell():
    pass

update_wrapper(shell, target)
print(shell.__name__, shell.attr, shell.__wrapped__ is target)
only_name = update_wrapper(lambda: None, target, assigned=("__name__",), updated=())
print(only_name.__name__, hasattr(only_name, "attr"))

calls = [0]

@lru_cache(maxsize=None)
def fib(n):
    calls[0] += 1
    return n if n < 2 else fib(n - 1) + fib(n - 2)

print(fib(80), calls[0], fib.cache_info())
print(fib.cache_parameters(), fib.__name__, fib.__wrapped__(10))

@lru_cache
def square(x):
    return x * x

print(square(3), square(3), square(4), square(3.0), square.cache_info())
square.cache_clear()
print(square.cache_info(), square.cache_info().currsize, square.cache_info()[0])

calls[0] = 0

@lru_cache(maxsize=2)
def ident(x):
    calls[0] += 1
    return x

for v in [1, 2, 1, 3, 2, 1, 1]:
    ident(v)
print(calls[0], ident.cache_info())

@lru_cache(maxsize=8, typed=True)
def typed(x):
    calls[0] += 1
    return x

calls[0] = 0
typed(1)
typed(1.0)
typed(True)
typed(1)
print(calls[0], typed.cache_info().hits)

@lru_cache(maxsize=0)
def nocache(x):
    return x

nocache(1)
nocache(1)
print(nocache.cache_info())

@lru_cache()
def kw(a, b=1, *, c=2):
    calls[0] += 1
    return a + b + c

calls[0] = 0
print(kw(1), kw(1), kw(1, 2), kw(1, c=5), kw(1, c=5), calls[0])

@cache
def fact(n):
    return 1 if n == 0 else n * fact(n - 1)

print(fact(25), fact.cache_info().misses, fact.cache_parameters())

class Account:
    def __init__(self, rate):
        self.rate = rate

    @lru_cache(maxsize=None)
    def interest(self, amount):
        return amount * self.rate

a1 = Account(2)
print(a1.interest(10), a1.interest(10), Account.interest.cache_info())

def compare_len(a, b):
    return len(a) - len(b)

K = cmp_to_key(compare_len)
print(K("aa") < K("b"), K("a") <= K("b"), K("ccc") > K("dd"), K("x") == K("y"), K("x") != K("yy"), K("obj").obj)
words = ["ccc", "a", "bb"]
smallest = words[0]
for w in words:
    if K(w) < K(smallest):
        smallest = w
print(smallest, type(K).__name__)

@total_ordering
class Version:
    def __init__(self, *parts):
        self.parts = parts

    def __eq__(self, other):
        return self.parts == other.parts

    def __lt__(self, other):
        return self.parts < other.parts

    def __repr__(self):
        return f"v{self.parts}"

print(Version(1, 2) < Version(1, 3), Version(1, 2) > Version(1, 3), Version(2) >= Version(2), Version(3) <= Version(2))
print(Version.__gt__.__name__, Version.__le__(Version(1), Version(1)))

@total_ordering
class Rev:
    def __init__(self, n):
        self.n = n

    def __gt__(self, other):
        return self.n > other.n

print(Rev(1) < Rev(2), Rev(2) <= Rev(2), Rev(3) >= Rev(4))

class Circle:
    def __init__(self, r):
        self.r = r

    @cached_property
    def area(self):
        print("computing area")
        return self.r * self.r * 3

c = Circle(2)
print(c.area, c.area, c.__dict__["area"])
del c.area
print(c.area)

def show(f):
    try:
        f()
    except Exception as e:
        print(type(e).__name__ + ":", e)

show(lambda: reduce(lambda a, b: a + b, []))
show(lambda: reduce(lambda a, b: a + b, 5))
# (partial() without a function: the message is the C partial's; gilvm runs the Lib's
# Python partial until `_functools.partial` supports Placeholder.)
show(lambda: partial(5))
show(lambda: lru_cache("size"))
show(lambda: K(1) < 1)
show(lambda: hash(K(1)))

def no_order():
    @total_ordering
    class NoOrder:
        pass

show(no_order)
