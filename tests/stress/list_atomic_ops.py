# Every list operation that docs/free-threading.md calls atomic, hammered by 2 and then 4
# threads on one shared list; each check is of the exact final state (counts, sums, no
# duplicates, consistent snapshots). A split critical section (read in one, write back in
# another) loses items here: `lst += [x]` once kept about half of them.
from _threads import run_threads

N = 4000  # operations per thread and case


def expect_all(lst, total, what):
    assert len(lst) == total, f"{what}: {len(lst)} items, expected {total}"
    assert sorted(lst) == list(range(total)), f"{what}: items missing or duplicated"


class Box:
    pass


def case_iadd_list(T):
    box = Box()
    box.lst = []

    def w(t):
        for i in range(t * N, (t + 1) * N):
            box.lst += [i]

    run_threads(T, w)
    expect_all(box.lst, T * N, "lst += [x]")


def case_iadd_tuple_and_iterable(T):
    shared = []

    def w(t):
        lst = shared
        for i in range(t * N, (t + 1) * N, 2):
            lst += (i,)
            lst += iter([i + 1])

    run_threads(T, w)
    expect_all(shared, T * N, "lst += tuple / iterator")


def case_extend(T):
    shared = []

    def w(t):
        for i in range(t * N, (t + 1) * N, 4):
            shared.extend([i, i + 1])
            shared.extend((i + 2,))
            shared.extend(x for x in (i + 3,))

    run_threads(T, w)
    expect_all(shared, T * N, "extend")


def case_append_insert(T):
    shared = []

    def w(t):
        for i in range(t * N, (t + 1) * N, 2):
            shared.append(i)
            shared.insert(len(shared) // 2, i + 1)

    run_threads(T, w)
    expect_all(shared, T * N, "append / insert")


def case_slice_prepend(T):
    shared = []

    def w(t):
        for i in range(t * N, (t + 1) * N, 2):
            shared[:0] = [i, i + 1]

    run_threads(T, w)
    expect_all(shared, T * N, "lst[:0] = items")


def case_pop(T):
    shared = list(range(T * N))
    got = [[] for _ in range(T)]

    def w(t):
        pop, mine = shared.pop, got[t]
        for k in range(N):
            mine.append(pop() if k % 2 else pop(0))

    run_threads(T, w)
    assert shared == [], f"pop: {len(shared)} items left"
    popped = [x for g in got for x in g]
    expect_all(popped, T * N, "pop / pop(0)")


def case_remove(T):
    shared = list(range(T * N))

    def w(t):
        for i in range(t, T * N, T):
            shared.remove(i)

    run_threads(T, w)
    assert shared == [], f"remove: {len(shared)} items left"


def case_del_item_and_slice(T):
    shared = list(range(T * N))

    def w(t):
        for k in range(N // 4):
            del shared[0]
            del shared[-1]
            del shared[:2]

    run_threads(T, w)
    assert shared == [], f"del: {len(shared)} items left"


def case_imul(T):
    shared = [7]
    ROUNDS = 3

    def w(t):
        lst = shared
        for _ in range(ROUNDS):
            lst *= 2

    run_threads(T, w)
    assert len(shared) == 2 ** (T * ROUNDS), f"*=: {len(shared)} items"
    assert set(shared) == {7}


def case_setitem_counts(T):
    # Each thread owns one slot and rewrites it; other threads' writes never clobber it.
    shared = [0] * T

    def w(t):
        for i in range(1, N + 1):
            shared[t] = i

    run_threads(T, w)
    assert shared == [N] * T, shared


def case_snapshots(T):
    # Writers replace the whole list with M copies of one value in one slice assignment;
    # readers take slices, copies, concatenations and extends: each must be one writer's
    # state, never a mix of two.
    M = 16
    shared = [0] * M

    def w(t):
        if t % 2 == 0:
            for i in range(N):
                shared[:] = [t * N + i] * M
        else:
            for _ in range(N):
                for snap in (shared[:], shared.copy(), shared + [], list(shared), [*shared]):
                    assert len(snap) == M, f"snapshot of {len(snap)} items"
                    assert len(set(snap)) == 1, f"mixed snapshot {snap}"
                dst = []
                dst.extend(shared)
                dst += shared
                assert len(dst) == 2 * M, f"extend copied {len(dst)} items"
                assert len(set(dst[:M])) == 1 and len(set(dst[M:])) == 1, f"mixed {dst}"

    run_threads(max(T, 2), w)


def case_sort_reverse_vs_append(T):
    shared = []

    def w(t):
        for i in range(t * N, (t + 1) * N):
            shared.append(i)
            if i % 64 == 0:
                shared.sort()
            elif i % 64 == 32:
                shared.reverse()

    run_threads(T, w)
    expect_all(shared, T * N, "sort / reverse with appends")


def case_count_index_contains(T):
    # Items shift under the searches (one thread inserts at the front and pops it again);
    # a value present all along is always found, at one of its two possible places, and
    # count sees exactly one of it.
    shared = list(range(100))

    def w(t):
        for i in range(N):
            if t == 0:
                shared.insert(0, -1 - i)
                shared.pop(0)
            else:
                assert 50 in shared
                assert shared.count(50) == 1
                # One item at most is inserted before 50 at any time.
                assert shared.index(50) in (50, 51)

    run_threads(T, w)


def case_shared_iterator(T):
    # Threads share one list iterator: each item is handed out exactly once.
    it = iter(list(range(T * N)))
    got = [[] for _ in range(T)]

    def w(t):
        mine = got[t]
        for k, x in enumerate(it):
            mine.append(x)
            if k % 3 == 0:
                y = next(it, None)
                if y is not None:
                    mine.append(y)

    run_threads(T, w)
    expect_all([x for g in got for x in g], T * N, "shared iterator")


CASES = [
    case_iadd_list,
    case_iadd_tuple_and_iterable,
    case_extend,
    case_append_insert,
    case_slice_prepend,
    case_pop,
    case_remove,
    case_del_item_and_slice,
    case_imul,
    case_setitem_counts,
    case_snapshots,
    case_sort_reverse_vs_append,
    case_count_index_contains,
    case_shared_iterator,
]

for T in (2, 4):
    for case in CASES:
        try:
            case(T)
        except AssertionError as e:
            raise AssertionError(f"{case.__name__} with {T} threads: {e}") from None
print("OK")
