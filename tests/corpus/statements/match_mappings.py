# match: mapping patterns: literal and value keys, `**rest`, nested patterns, dict
# subclasses, and lookups through `get` (a defaultdict creates no key).
import collections


class Keys:
    NAME = "name"


def describe(d):
    match d:
        case {"type": "point", "x": x, "y": y}:
            return f"point {x},{y}"
        case {"type": "circle", "r": r, **rest}:
            return f"circle {r} extra {rest}"
        case {Keys.NAME: name}:
            return f"named {name}"
        case {1: one, 2.0: two}:
            return f"numbers {one} {two}"
        case {None: v}:
            return f"None key {v}"
        case {}:
            return "some other mapping"
        case _:
            return "not a mapping"


for v in [{"type": "point", "x": 1, "y": 2},
          {"type": "point", "x": 1},
          {"type": "circle", "r": 3},
          {"type": "circle", "r": 3, "colour": "red", "z": 0},
          {"name": "ann", "age": 3},
          {1: "a", 2: "b"},
          {1.0: "a", 2: "b", 3: "c"},
          {None: 0},
          {},
          [("name", 1)],
          "name"]:
    print(v, "->", describe(v))

# `**rest` gets a new dict of the other items, in the subject's order.
src = {"a": 1, "b": 2, "c": 3, "d": 4}
match src:
    case {"c": c, "a": a, **rest}:
        print(a, c, rest, rest is src, src)
match {}:
    case {**rest}:
        print("rest of empty", rest)

# A defaultdict: a missing key is not created and the factory is not called.
dd = collections.defaultdict(list)
dd["present"].append(1)
match dd:
    case {"missing": v}:
        print("found", v)
    case {"present": [p]}:
        print("present", p)
print(sorted(dd))

# OrderedDict and Counter are dict subclasses.
match collections.OrderedDict(a=1, b=2):
    case {"b": b, **others}:
        print("ordered", b, others)
match collections.Counter("aab"):
    case {"a": 2, "b": n}:
        print("counter", n)


# A dict subclass's own get is used.
class Shouting(dict):
    def get(self, key, default=None):
        print("  get", repr(key))
        return super().get(key, default)


match Shouting(x=1, y=2):
    case {"y": 2, "x": x}:
        print("shouting", x)

# Values are matched as sub-patterns, and may be nested mappings.
config = {"server": {"host": "h", "ports": [80, 443]}, "debug": False}
match config:
    case {"server": {"host": str(host), "ports": [first, *more]}, "debug": False}:
        print("host", host, "first port", first, "more", more)

# Duplicate keys given by value patterns are a runtime ValueError.
class K:
    A = "k"
    B = "k"


try:
    match {"k": 1, "j": 2}:
        case {K.A: 1, K.B: 1}:
            print("matched")
except ValueError as e:
    print("ValueError:", e)
