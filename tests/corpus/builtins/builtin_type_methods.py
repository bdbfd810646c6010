# Static and class methods of builtin types know their type (issue 19, branch iters):
# __qualname__, repr, __self__, and type(f).__call__'s argument checks.
import re


def r(x):
    return re.sub(r"0x[0-9a-f]+", "0x...", repr(x))


class D(dict):
    pass


for f in [bytes.maketrans, bytearray.maketrans, str.maketrans, dict.fromkeys, D.fromkeys,
          int.from_bytes, float.fromhex, bytes.fromhex, bytearray.fromhex, int.__new__,
          dict.__new__, list.__class_getitem__, enumerate.__class_getitem__,
          object.__init_subclass__, {}.fromkeys, (1).from_bytes]:
    s = f.__self__
    print(f.__qualname__, f.__name__, r(f), type(f).__name__, s if isinstance(s, type) or s is None else type(s))

print(D.fromkeys("ab"), type(D.fromkeys("ab")).__name__, dict.fromkeys("ab", 0))
print(int.from_bytes(b"\x01\x00", "little"), bytes.maketrans(b"a", b"b"))
print([].append.__qualname__, "".join.__qualname__, len.__qualname__, {}.keys.__qualname__)
import math
print(math.sqrt.__qualname__, r(math.sqrt))

for call in ["type(bytes.maketrans).__call__()", "type(dict.fromkeys).__call__()",
             "type(len).__call__(1)", "type(len).__call__(len, [1, 2])",
             "type(r).__call__()", "type(list.append).__call__()"]:
    try:
        print(call, "->", eval(call))
    except TypeError as e:
        print(call, "TypeError:", e)

import pickle
for f in [bytes.maketrans, dict.fromkeys, int.from_bytes, D.fromkeys]:
    g = pickle.loads(pickle.dumps(f))
    print(r(g), g.__qualname__)

for f in [bytes.maketrans, str.maketrans, dict.fromkeys, D.fromkeys, int.from_bytes,
          float.fromhex, bytearray.fromhex, int.__new__, list.__class_getitem__,
          object.__init_subclass__]:
    print(f.__qualname__, f.__text_signature__)

# bound class methods compare and hash by receiver and function
print(dict.fromkeys == dict.fromkeys, D.fromkeys == dict.fromkeys, D.fromkeys != D.fromkeys)
print(hash(dict.fromkeys) == hash(dict.fromkeys), {dict.fromkeys: 1}[dict.fromkeys])
print(int.from_bytes == int.from_bytes, getattr(object, "__init_subclass__") == object.__init_subclass__)
print(len == len, [].append == [].append, (1).from_bytes == int.from_bytes)
