# match: or-patterns, as-patterns, guards, and when names are bound.


def kind(x):
    match x:
        case 1 | 2 | 3:
            return "small"
        case "a" | "b" as letter:
            return f"letter {letter}"
        case [x, 0] | [0, x]:
            return f"one zero and {x}"
        case (a, b) | [a, b, _] if a == b:
            return f"equal pair {a}"
        case {"p": p, "q": q} | {"q": q, "r": p}:
            return f"p={p} q={q}"
        case [1, [2, _] as inner] as whole:
            return f"inner {inner} whole {whole}"
        case int() | float() as num if num < 0:
            return f"negative {num}"
        case _:
            return "other"


for v in [1, 3, "a", "b", "c", [5, 0], [0, 6], (4, 4), [7, 7, 9], (1, 2),
          {"p": 1, "q": 2}, {"q": 3, "r": 4}, [1, [2, 3]], -3, -2.5, 4]:
    print(repr(v), "->", kind(v))


# Alternatives that bind the same names in different orders.
for v in [("x", 1, 2), ("y", 2, 1)]:
    match v:
        case ("x", a, b) | ("y", b, a):
            print("a", a, "b", b)


# Names are stored only when the whole pattern matches...
def partial():
    match [1, 3]:
        case [x, 2]:
            print("unreachable")
        case _:
            pass
    try:
        print(x)
    except UnboundLocalError as e:
        print("UnboundLocalError:", e)


partial()


# ...but before the guard: a failed guard leaves them bound.
def guarded():
    match [5, 6]:
        case [a, b] if a > b:
            print("unreachable")
        case _:
            print("guard failed, a and b are", a, b)


guarded()

# The guard sees the names, and may call functions with side effects.
calls = []


def check(v):
    calls.append(v)
    return v > 1


for v in [0, 1, 2]:
    match v:
        case n if check(n):
            print("passed guard", n)
        case n:
            print("fell through", n)
print(calls)

# As-pattern on a group, and nested or inside a sequence.
match (1, (2, 3)):
    case (1 | 2 as first, (2 | 3, 3) as rest):
        print("first", first, "rest", rest)

# The subject is evaluated once.
def subject():
    print("  evaluating subject")
    return 3


match subject():
    case 1:
        pass
    case 2:
        pass
    case 3:
        print("three")

# A capture pattern at the end catches everything.
match {"any": "thing"}:
    case [_]:
        pass
    case everything:
        print("captured", everything)
print(everything)
