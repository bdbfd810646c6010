# A mapping pattern may not test one literal key twice (1 and 1.0 are one key).
match {}:
    case {"a": _, 1: x, "b": _, 1.0: y}:
        pass
