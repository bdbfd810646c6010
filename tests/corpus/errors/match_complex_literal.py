# The only arithmetic in a value pattern is a complex literal: real + imaginary.
match 2:
    case 1 + 1:
        pass
