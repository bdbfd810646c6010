# match: nested patterns, or-patterns binding names in different orders, star in the
# middle, as-patterns on or-patterns, and control flow through try/finally in a loop.
class P:
    __match_args__ = ("x", "y")
    def __init__(self, x, y): self.x, self.y = x, y
    def __repr__(self): return f"P({self.x!r}, {self.y!r})"

def t(v):
    match v:
        case (1, a, b, c) | (2, c, a, b) | (3, b, c, a):
            return ("abc", a, b, c)
        case [a, (b, c) | [c, b, "rev"], d]:
            return ("nested-or", a, b, c, d)
        case [[x, [y, *z]], {"k": P(x=w, y=[*q])}]:
            return ("deep", x, y, z, w, q)
        case [a, *_, b, c]:
            return ("subscr", a, b, c)
        case {"a": x, **rest} if rest:
            return ("rest", x, rest)
        case P(a, y=b) | P(y=a, x=b) if a == 0:
            return ("P", a, b)
        case (((1 | 2) as q) | (3 as q)) as whole:
            return ("q", q, whole)
    return None

for v in [(1, "a", "b", "c"), (2, "c", "a", "b"), (3, "b", "c", "a"),
          [1, (2, 3), 4], [1, [3, 2, "rev"], 4], [1, [3, 2, "x"], 4],
          [[1, [2, 3, 4]], {"k": P(5, [6, 7])}], [[1, [2]], {"k": P(5, ())}],
          [1, 2, 3, 4, 5], [9, 8, 7], {"a": 1, "b": 2}, {"a": 1},
          P(0, 5), P(5, 0), P(1, 1), 1, 2, 3, 4]:
    print(v if not isinstance(v, P) else ("P", v.x, v.y), t(v))

def loop():
    out = []
    for i in range(6):
        try:
            match i:
                case 0: continue
                case 1: out.append("one")
                case 2 if out:
                    out.append("two")
                    continue
                case 3: raise ValueError(i)
                case 4: break
        except ValueError as e:
            out.append(("VE", e.args))
        finally:
            out.append(("fin", i))
    return out
print(loop())
print([m for m in [(lambda v: (lambda: v))(k)() for k in range(3)]])
