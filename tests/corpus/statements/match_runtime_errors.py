# match: the TypeErrors of class patterns, raised only when the case is tried.


class NoArgs:
    pass


class ListArgs:
    __match_args__ = ["a"]
    a = 1


class IntArgs:
    __match_args__ = (1,)


class AB:
    __match_args__ = ("a", "b")
    a = 1
    b = 2


not_a_class = len

tests = [
    ("no __match_args__", lambda: NoArgs(), "NoArgs(1)"),
    ("list __match_args__", lambda: ListArgs(), "ListArgs(1)"),
    ("int in __match_args__", lambda: IntArgs(), "IntArgs(1)"),
    ("too many", lambda: AB(), "AB(1, 2, 3)"),
    ("repeated", lambda: AB(), "AB(1, a=1)"),
    ("builtin", lambda: 5, "int(1, 2)"),
    ("not a class", lambda: 5, "not_a_class()"),
    ("bool", lambda: True, "bool(True, False)"),
]


def run(subject, pattern):
    if pattern == "NoArgs(1)":
        match subject:
            case NoArgs(1):
                return "matched"
    elif pattern == "ListArgs(1)":
        match subject:
            case ListArgs(1):
                return "matched"
    elif pattern == "IntArgs(1)":
        match subject:
            case IntArgs(1):
                return "matched"
    elif pattern == "AB(1, 2, 3)":
        match subject:
            case AB(1, 2, 3):
                return "matched"
    elif pattern == "AB(1, a=1)":
        match subject:
            case AB(1, a=1):
                return "matched"
    elif pattern == "int(1, 2)":
        match subject:
            case int(1, 2):
                return "matched"
    elif pattern == "not_a_class()":
        match subject:
            case not_a_class():
                return "matched"
    elif pattern == "bool(True, False)":
        match subject:
            case bool(True, False):
                return "matched"
    return "no match"


for label, make, pattern in tests:
    try:
        print(label, "->", run(make(), pattern))
    except TypeError as e:
        print(label, "-> TypeError:", e)

# The class check comes first: a subject of another class never reaches __match_args__.
match "text":
    case NoArgs(1, 2, 3):
        print("unreachable")
    case str():
        print("a str, and no error")

# An exception raised by an attribute propagates.
class Boom:
    __match_args__ = ("v",)

    @property
    def v(self):
        raise KeyError("from the property")


try:
    match Boom():
        case Boom(1):
            pass
except KeyError as e:
    print("KeyError:", e)
