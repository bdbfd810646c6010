# match: in functions, at module level, in class bodies, in loops with break/continue,
# in generators, nested, with return and exceptions inside cases.

commands = ["go north", "look", "take lamp", "skip", "go south", "quit", "look"]
for cmd in commands:
    match cmd.split():
        case ["go", direction]:
            print("moving", direction)
        case ["look"]:
            print("looking around")
        case ["skip"]:
            continue
        case ["quit"]:
            print("bye")
            break
        case [verb, obj]:
            print("doing", verb, "with", obj)
    print("  done with", repr(cmd))
else:
    print("no quit")

# while loop with break inside a case, and a for-else reached.
n = 0
while True:
    n += 1
    match n % 4:
        case 0:
            break
        case 1 | 2:
            continue
        case _:
            print("n is", n)
print("stopped at", n)

for i in range(3):
    match i:
        case 5:
            break
else:
    print("loop finished without break")


def first_string(items):
    for it in items:
        match it:
            case str(s):
                return s
            case [*inner]:
                r = first_string(inner)
                if r is not None:
                    return r
    return None


print(first_string([1, [2, [3, "deep"]], "shallow"]))


def gen(items):
    for it in items:
        match it:
            case int(n) if n % 2:
                yield n * 10
            case int():
                continue
            case _:
                return


print(list(gen([1, 2, 3, 4, 5, "stop", 7])))


# Nested match statements.
def nested(a, b):
    match a:
        case 0:
            match b:
                case 0:
                    return "both zero"
                case _:
                    return "a zero"
        case _:
            match b:
                case 0:
                    return "b zero"
    return "neither"


print([nested(a, b) for a in (0, 1) for b in (0, 1)])


# Exceptions in a case body, and in a guard.
def risky(v):
    try:
        match v:
            case [x]:
                return 10 / x
            case y if 1 / y:
                return "truthy inverse"
    except ZeroDivisionError as e:
        return f"error: {e}"


print(risky([0]), risky([5]), risky(0), risky(2))


# In a class body, names are class attributes.
class Config:
    match ("debug", 3):
        case (mode, level):
            pass


print(Config.mode, Config.level)

# A closure over a captured name.
def make():
    match (1, 2):
        case (a, b):
            return lambda: a + b


print(make()())

# with inside a case, and a match inside try/finally.
class Ctx:
    def __enter__(self):
        print("  enter")
        return self

    def __exit__(self, *a):
        print("  exit")
        return False


for v in [1, 2]:
    try:
        match v:
            case 1:
                with Ctx():
                    print("  in with")
                    continue
            case 2:
                print("  two")
    finally:
        print("  finally for", v)

# global names in a function are bound at module level.
def set_global():
    global G
    match {"g": 99}:
        case {"g": G}:
            pass


set_global()
print(G)
