# Reference cycles that pass through native objects holding Python references are
# collected: the _json scanner and encoder, operator.itemgetter/methodcaller,
# functools.cmp_to_key keys, _abc's data of an ABC, a Random subclass. Each case builds
# a cycle, drops it, and shows that gc.collect() freed it (a weakref callback fires).
import _json
import abc
import functools
import gc
import json
import operator
import random
import weakref

gc.disable()
freed = []


class Holder:
    def method(self, *args, **kw):
        return args, sorted(kw)


def check(name, make):
    obj = make()
    ref = weakref.ref(obj, lambda r: freed.append(name))
    del obj
    gc.collect()
    print(f"{name}: collected={name in freed} alive={ref() is not None}")


def json_scanner():
    class Decoder(json.JSONDecoder):
        def __init__(self):
            super().__init__(object_hook=self.hook)

        def hook(self, d):
            return d

    d = Decoder()
    # The decoder keeps its scanner, the scanner keeps the decoder's bound hook.
    assert type(d.scan_once).__module__ == "_json", type(d.scan_once)
    assert d.decode('{"a": [1, 2.5]}') == {"a": [1, 2.5]}
    return d


def json_encoder():
    h = Holder()
    h.enc = _json.make_encoder(
        {}, h.method, _json.encode_basestring_ascii, None, ":", ",", False, False, True
    )
    print("  encoder output:", "".join(h.enc([1, "x"], 0)))
    return h


def itemgetter():
    h = Holder()
    h.getter = operator.itemgetter(h, 0)
    return h


def methodcaller():
    h = Holder()
    h.caller = operator.methodcaller("method", h, key=h)
    print("  methodcaller result:", h.caller(h) == ((h,), ["key"]))
    return h


def cmp_key():
    h = Holder()
    h.key = functools.cmp_to_key(lambda a, b: 0)(h)
    return h


def abc_class():
    class Base(abc.ABC):
        @abc.abstractmethod
        def f(self): ...

    class Impl(Base):
        def f(self):
            return 1

    class Other:
        pass

    Base.register(Other)
    assert isinstance(Impl(), Base) and issubclass(Other, Base) and not isinstance(1, Base)
    return Base


def random_subclass():
    class R(random.Random):
        pass

    r = R(5)
    r.me = r
    r.random()
    return r


for name, make in [
    ("json scanner", json_scanner),
    ("json encoder", json_encoder),
    ("itemgetter", itemgetter),
    ("methodcaller", methodcaller),
    ("cmp_to_key", cmp_key),
    ("abc data", abc_class),
    ("Random subclass", random_subclass),
]:
    check(name, make)

# The natives still work after collections ran around them.
g = operator.itemgetter(1, 0)
gc.collect()
print(g("ab"), json.loads('{"k": [true, null]}'), operator.methodcaller("upper")("q"))
gc.enable()
