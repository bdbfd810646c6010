# random: choice, shuffle, sample (pool and set branches, counts), choices (exact sequences).
import random

SEEDS = [0, 1, 42, 2**40, -5, 7**90]


def err(f):
    try:
        r = f()
    except Exception as e:
        print("  ", type(e).__name__, e)
        return
    print("  no error", r)


pop = list(range(100))
letters = "abcdefghijklmnopqrstuvwxyz"

for s in SEEDS:
    random.seed(s)
    print("seed", s % 1000)
    print(" choice", [random.choice(pop) for _ in range(10)], random.choice(letters), random.choice((1, 2)), random.choice(range(10, 10**18, 7)), random.choice([None]))
    l = list(range(20))
    random.shuffle(l)
    print(" shuffle", l)
    t = ["x"]
    random.shuffle(t)
    e = []
    random.shuffle(e)
    print(" shuffle small", t, e)
    # sample: small populations use a pool, large ones a set of picks
    print(" sample pool", random.sample(pop[:10], 10), random.sample(pop[:30], 3), random.sample(letters, 5))
    print(" sample set", random.sample(range(10**6), 8), random.sample(pop, 4), random.sample(range(2**62), 3))
    print(" sample k=0", random.sample(pop, 0), random.sample([], 0))
    print(" sample threshold", random.sample(range(21), 2), random.sample(range(22), 2), random.sample(range(85), 6), random.sample(range(86), 6))
    print(" sample big k", random.sample(range(1000), 40)[:10], len(random.sample(range(300), 300)))
    print(" sample counts", random.sample(["red", "blue"], counts=[4, 2], k=5), random.sample("ab", 3, counts=[2, 1]))
    print(" sample tuple/str", random.sample((1, 2, 3, 4, 5), k=2), random.sample("hello", 5))
    print(" choices", random.choices(letters, k=10), random.choices(pop), random.choices([1, 2], k=0))
    print(" weights", random.choices(["a", "b", "c"], [10, 1, 1], k=10), random.choices("xyz", weights=[0.1, 0.2, 0.7], k=8))
    print(" cum_weights", random.choices("xyz", cum_weights=[1, 2, 10], k=8), random.choices(range(4), cum_weights=(0.5, 0.5, 0.75, 1.0), k=6))
    print(" int weights", random.choices(range(5), [1, 0, 0, 0, 3], k=12), random.choices([1, 2, 3], [2**70, 1, 2**70], k=5))

# sample of a sample keeps the order of selection
random.seed(11)
winners = random.sample(range(100), 10)
print(winners[:3], winners[3:])

# a shuffled list is a permutation
random.seed(5)
big = list(range(1000))
random.shuffle(big)
check = [0] * 1000
for v in big:
    check[v] = check[v] + 1
print(big[:10], check == [1] * 1000)

# shuffle of a list subclass uses item access
class MyList(list):
    pass


random.seed(9)
ml = MyList(range(8))
random.shuffle(ml)
print(list(ml))

# choice on a dict indexes by int
random.seed(1)
print(random.choice({0: "zero", 1: "one"}))

print("errors")
err(lambda: random.choice([]))
err(lambda: random.choice(""))
err(lambda: random.choice({}))
err(lambda: random.choice(5))
err(lambda: random.choice())
err(lambda: random.choice([1], [2]))
err(lambda: random.shuffle((1, 2, 3)))
err(lambda: random.shuffle((1,)))
err(lambda: random.sample([1, 2], 3))
err(lambda: random.sample([1, 2], -1))
err(lambda: random.sample({1, 2}, 1))
err(lambda: random.sample({1: 2}, 1))
err(lambda: random.sample([1, 2], 2.0))
err(lambda: random.sample([1, 2], 1.5))
err(lambda: random.sample([1, 2]))
err(lambda: random.sample([1, 2], k=1, foo=2))
err(lambda: random.sample([1, 2], k=1, counts=[1]))
err(lambda: random.sample([1, 2], k=1, counts=[1.5, 1]))
err(lambda: random.sample([1, 2], k=5, counts=[1, 1]))
err(lambda: random.choices([1, 2], 5))
err(lambda: random.choices([1, 2], [1]))
err(lambda: random.choices([1, 2], [1, 2], cum_weights=[1, 2]))
err(lambda: random.choices([1, 2], [0, 0]))
err(lambda: random.choices([1, 2], [1, 1e308 * 10]))
err(lambda: random.choices([1, 2], [1, "x"]))
err(lambda: random.choices([], k=2))
err(lambda: random.choices([], [], k=1))
err(lambda: random.choices([1, 2], k=2.5))
err(lambda: random.choices(5))
print(random.choices([1, 2], k=-3))
