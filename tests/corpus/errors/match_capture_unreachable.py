# An unguarded capture pattern makes the cases after it unreachable.
match [1, 2]:
    case [a, b]:
        pass
    case (everything):
        pass
    case [a]:
        pass
