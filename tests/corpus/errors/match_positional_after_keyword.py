# A class pattern's positional sub-patterns come before its keywords.
match 1:
    case int(real=1, 2):
        pass
