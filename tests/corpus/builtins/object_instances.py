o = object()
print(type(o), type(o) is object, isinstance(o, object), o == o, o != object(), hash(o) == hash(o))
print(repr(o).startswith("<object object at 0x"), str(o).startswith("<object object at"))
try:
    o.x = 1
except AttributeError as e: print(e)
try:
    o.x
except AttributeError as e: print(e)
try:
    vars(o)
except TypeError as e: print(e)
print(o.__class__)
import copy
print(copy.copy(o) is o or type(copy.copy(o)) is object)
d = {o: 1}; print(d[o])
print(o.__eq__(o), o.__ne__(o), o.__hash__() == hash(o))
print(object.__new__(object).__class__)
s = {o, o}; print(len(s))
print(format(o, "")[:8], f"{o!r}"[:8])
