# PEP 758: `as` needs the parenthesized form of several exception types.
print("never printed")
try:
    pass
except ValueError, TypeError as e:
    pass
