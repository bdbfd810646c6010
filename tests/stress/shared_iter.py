# One builtin iterator shared by 2 and 4 threads (`for x in it` in each): every item of a
# list, tuple, range, str, dict (keys, values, items), set or frozenset is handed to exactly
# one thread (a step is committed only if no other thread moved the iterator meanwhile).
from _threads import run_threads

N = 20000


def shared(n, make, expect):
    it = make()
    got = [[] for _ in range(n)]

    def w(t):
        mine = got[t]
        for x in it:
            mine.append(x)

    run_threads(n, w)
    allv = [v for g in got for v in g]
    assert len(allv) == len(expect), (make.__name__, len(allv), len(expect))
    assert sorted(allv) == sorted(expect), make.__name__


lst = list(range(N))
tup = tuple(lst)
text = "".join(chr(0x4E00 + i % 2000) for i in range(N))
d = {i: -i for i in range(N)}
s = set(range(N))
fs = frozenset(range(N, 2 * N))


def list_iter():
    return iter(lst)


def tuple_iter():
    return iter(tup)


def range_iter():
    return iter(range(N))


def str_iter():
    return iter(text)


def dict_keys():
    return iter(d)


def dict_values():
    return iter(d.values())


def dict_items():
    return iter(d.items())


def set_iter():
    return iter(s)


def frozenset_iter():
    return iter(fs)


for n in (2, 4):
    shared(n, list_iter, lst)
    shared(n, tuple_iter, lst)
    shared(n, range_iter, lst)
    shared(n, str_iter, list(text))
    shared(n, dict_keys, list(d))
    shared(n, dict_values, list(d.values()))
    shared(n, dict_items, list(d.items()))
    shared(n, set_iter, list(s))
    shared(n, frozenset_iter, list(fs))
print("OK")
