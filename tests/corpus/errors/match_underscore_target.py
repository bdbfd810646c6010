# `_` cannot be the name of an as-pattern.
match 1:
    case 1 as _:
        pass
