# Inline instance attributes under threads (2 and 4 threads): threads add new attribute
# names to one class at once (its shared keys grow concurrently, read without a lock), set
# them on shared instances in different orders (out-of-order stores move an instance to a
# dict), while another thread materialises __dict__ with vars(). Every store must be kept.
from _threads import run_threads


def run(n_threads, rounds):
    for r in range(rounds):
        class C:
            pass

        objs = [C() for _ in range(8)]

        def w(t):
            names = ["k%d_%d" % (t, j) for j in range(6)]
            if t % 2:
                names.reverse()
            for i, o in enumerate(objs):
                for n in names:
                    setattr(o, n, (t, i))
                if t == 0 and i % 3 == 0:
                    vars(o)  # moves this instance's values into a dict, mid-stores
                o.last = t

        run_threads(n_threads, w)
        for i, o in enumerate(objs):
            for t in range(n_threads):
                for j in range(6):
                    v = getattr(o, "k%d_%d" % (t, j))
                    assert v == (t, i), (r, i, t, j, v)
            assert o.last in range(n_threads)
            d = vars(o)
            assert len(d) == n_threads * 6 + 1, (r, i, sorted(d))


for n in (2, 4):
    run(n, 300)
print("OK")
