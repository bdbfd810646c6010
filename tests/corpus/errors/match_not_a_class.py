# Calling something that is not a class in a pattern is a TypeError when tried.
def point(x, y):
    return (x, y)

match (1, 2):
    case int():
        print("not an int")
    case point(x, y):
        print(x, y)
