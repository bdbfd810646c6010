# match: literal, singleton and value patterns (== for values, `is` for None/True/False).
class Color:
    RED = "red"
    GREEN = "green"


class Consts:
    class Inner:
        LIMIT = 10


class Shade:
    DARK = 1.5
    LIGHT = 2.5


def classify(x):
    match x:
        case 0:
            return "zero"
        case -1:
            return "minus one"
        case 2.5:
            return "two and a half"
        case -0.5:
            return "minus a half"
        case "":
            return "empty string"
        case "abc" "def":
            return "concatenated"
        case b"raw":
            return "bytes"
        case None:
            return "None"
        case True:
            return "True"
        case False:
            return "False"
        case Color.RED:
            return "the colour red"
        case Consts.Inner.LIMIT:
            return "the limit"
        case Shade.DARK:
            return "dark"
        case _:
            return "something else"


for v in [0, 0.0, -1, -1.0, 2.5, -0.5, "", "abcdef", b"raw", None, True, False, 1,
          "red", 10, 10.0, 1.5, 2.5, [], "green"]:
    print(repr(v), "->", classify(v))


# True/False/None compare with `is`: 1 is not True, 0 is not False.
def singleton(x):
    match x:
        case True:
            return "is True"
        case False:
            return "is False"
        case 1:
            return "equals 1"
        case 0:
            return "equals 0"
    return "no case"


for v in [True, False, 1, 0, 1.0, 2]:
    print(repr(v), "->", singleton(v))


# A value pattern calls the subject's __eq__ (the subject on the left).
class Loud:
    def __init__(self, v):
        self.v = v

    def __eq__(self, other):
        print(f"  Loud({self.v}) == {other!r}")
        return self.v == other

    __hash__ = None


match Loud(3):
    case 1:
        print("one")
    case 3:
        print("three")

# No case matches: nothing runs, and the statement is over.
match 42:
    case 1 | 2:
        print("unreachable")
print("after an unmatched match")

# A value pattern reads the name when the case is tried.
LIMIT = 5
match 5:
    case Color.GREEN:
        print("green")
    case _ if LIMIT == 5:
        print("wildcard with guard")
