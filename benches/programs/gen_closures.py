# Generators and closures: a generator pipeline, closures made in a loop and called,
# a nonlocal counter.
def numbers(n):
    for i in range(n):
        yield i


def evens(it):
    for x in it:
        if x % 2 == 0:
            yield x


def make_adder(k):
    def add(x):
        return x + k
    return add


def make_counter():
    count = 0

    def step():
        nonlocal count
        count += 1
        return count
    return step


def work(n):
    total = 0
    for x in evens(numbers(n)):
        total += x
    adders = [make_adder(k) for k in range(10)]
    acc = 0
    for i in range(n // 10):
        acc = adders[i % 10](acc) % 1000003
    step = make_counter()
    for _ in range(n // 4):
        step()
    squares = sum(x * x for x in range(n // 4))
    return total, acc, step(), squares


print(work(N))
