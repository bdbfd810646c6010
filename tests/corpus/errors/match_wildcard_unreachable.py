# An unguarded wildcard case must be the last one.
def f(x):
    match x:
        case 1:
            return "one"
        case _:
            return "anything"
        case 2:
            return "two"
