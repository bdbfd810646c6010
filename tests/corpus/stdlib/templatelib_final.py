# string.templatelib's Template and Interpolation are final types.
from string.templatelib import Template, Interpolation

for base in (Template, Interpolation):
    try:
        class Sub(base):
            pass
    except TypeError as e:
        print(e)
t = t"a{1 + 1}b"
print(type(t).__name__, t.strings, t.values)
