# global and nonlocal declarations.
counter = 0

def increment():
    global counter
    counter += 1
    return counter

for _ in range(3):
    increment()
print("counter =", counter)

def create_global():
    global created
    created = "made inside function"

create_global()
print(created)

def shadow():
    counter = 100
    return counter

print(shadow(), counter)

def read_only():
    return counter * 2

print(read_only())

# assignment makes a name local: reading before assigning fails
def broken():
    try:
        print(counter)
    except UnboundLocalError as e:
        print("UnboundLocalError:", e)
    counter = 5
    return counter

print(broken())

# nonlocal
def outer():
    x = "outer"
    def inner():
        nonlocal x
        x = "changed by inner"
    inner()
    return x

print(outer())

def make_counter():
    count = 0
    def bump(step=1):
        nonlocal count
        count += step
        return count
    return bump

c1 = make_counter()
c2 = make_counter()
print(c1(), c1(), c1(10), c2(), c1())

# nonlocal across two levels
def level1():
    value = 1
    def level2():
        def level3():
            nonlocal value
            value *= 10
        level3()
        level3()
    level2()
    return value

print(level1())

# global from a nested function
total = 0
def add_all(nums):
    def add(n):
        global total
        total += n
    for n in nums:
        add(n)

add_all([1, 2, 3, 4])
print("total =", total)

# nonlocal with multiple names
def stats():
    lo = hi = None
    def feed(v):
        nonlocal lo, hi
        lo = v if lo is None or v < lo else lo
        hi = v if hi is None or v > hi else hi
    for v in [5, 3, 9, 1, 7]:
        feed(v)
    return lo, hi

print(stats())
