# The iterator of an instance of a subclass of tuple/str/bytes/frozenset/list/set/dict holds
# the instance itself: the instance lives as long as the iteration, and is released when
# the iteration ends (CPython's test.support.check_free_after_iterating).
import gc


def check(cls, *args):
    log = []

    def wrapper():
        class A(cls):
            def __del__(self):
                log.append("del")
                try:
                    next(it)
                except StopIteration:
                    log.append("stop")

        it = iter(A(*args))
        log.append("iter made")
        for x in it:
            log.append("item")
        log.append("exhausted")

    wrapper()
    gc.collect()
    print(cls.__name__, log)


for cls, args in [
    (tuple, ((1, 2),)),
    (str, ("ab",)),
    (bytes, (b"ab",)),
    (frozenset, ({1, 2},)),
    (list, ([1, 2],)),
    (set, ({1, 2},)),
    (dict, ({1: 2},)),
]:
    check(cls, *args)


class T(tuple):
    pass


class S(str):
    pass


class B(bytes):
    pass


class F(frozenset):
    pass


for v in (T((1, 2, 3)), S("héllo"), B(b"xyz"), F({5})):
    it = iter(v)
    print(type(v).__name__, it.__length_hint__(), list(it), it.__length_hint__())
