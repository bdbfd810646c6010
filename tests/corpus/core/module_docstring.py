"""A module's first statement, a string, becomes its __doc__ (the main module's too)."""
import _docmod
import _nodocmod

print(repr(__doc__))
print(repr(_docmod.__doc__), _docmod.VALUE)
print(repr(_nodocmod.__doc__))


def f():
    "function doc"


class C:
    "class doc"


print(f.__doc__, C.__doc__)
