# Recursive functions.
def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)

print([fib(i) for i in range(15)], fib(22))

def ackermann(m, n):
    if m == 0:
        return n + 1
    if n == 0:
        return ackermann(m - 1, 1)
    return ackermann(m - 1, ackermann(m, n - 1))

print(ackermann(0, 0), ackermann(1, 2), ackermann(2, 3), ackermann(3, 3))

def fact(n):
    return 1 if n <= 1 else n * fact(n - 1)

print(fact(0), fact(5), fact(30))

def hanoi(n, src, dst, via, moves):
    if n == 0:
        return
    hanoi(n - 1, src, via, dst, moves)
    moves.append((src, dst))
    hanoi(n - 1, via, dst, src, moves)

moves = []
hanoi(4, "A", "C", "B", moves)
print(len(moves), moves[:5])

# mutual recursion
def is_even(n):
    return True if n == 0 else is_odd(n - 1)

def is_odd(n):
    return False if n == 0 else is_even(n - 1)

print([is_even(n) for n in range(6)], is_odd(99))

# recursion on nested data
def flatten(x):
    if isinstance(x, (list, tuple)):
        out = []
        for item in x:
            out.extend(flatten(item))
        return out
    return [x]

print(flatten([1, [2, [3, [4, (5, 6)]]], [], [[7]]]))

def depth(x):
    if isinstance(x, list):
        return 1 + max([depth(i) for i in x], default=0)
    return 0

print(depth([]), depth([1]), depth([1, [2, [3]]]), depth([[[[[]]]]]))

# permutations and power sets
def permutations(items):
    if len(items) <= 1:
        return [items[:]]
    result = []
    for i in range(len(items)):
        for p in permutations(items[:i] + items[i + 1:]):
            result.append([items[i]] + p)
    return result

print(permutations([1, 2, 3]))

def subsets(items):
    if not items:
        return [[]]
    rest = subsets(items[1:])
    return rest + [[items[0]] + s for s in rest]

print(subsets(["a", "b", "c"]))

# binary search and gcd
def bsearch(arr, target, lo=0, hi=None):
    if hi is None:
        hi = len(arr)
    if lo >= hi:
        return -1
    mid = (lo + hi) // 2
    if arr[mid] == target:
        return mid
    if arr[mid] < target:
        return bsearch(arr, target, mid + 1, hi)
    return bsearch(arr, target, lo, mid)

data = list(range(0, 100, 3))
print(bsearch(data, 42), bsearch(data, 43), bsearch(data, 0), bsearch(data, 99))

def gcd(a, b):
    return a if b == 0 else gcd(b, a % b)

print(gcd(48, 18), gcd(17, 5), gcd(2 ** 64, 2 ** 40 * 3))

# moderately deep recursion stays under the default limit
def count_down(n):
    return 0 if n == 0 else 1 + count_down(n - 1)
print(count_down(500))
