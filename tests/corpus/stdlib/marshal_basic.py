# marshal: CPython's byte format for values (version 5 and older ones), loads/load of
# those bytes, and its errors.
import io
import marshal

print(marshal.version)
values = [None, True, False, ..., StopIteration, 0, 1, 300, -5, 2**31, -2**40, 10**30,
          -(10**30), 1.5, -0.0, 2j, 1+2j, 'abc', 'héllo', 'a b', '', b'xy', b'', (),
          (1, 2), [1, 2], [], {}, {'a': 1}, {1, 2}, frozenset(), frozenset({3}),
          ('a', 'a'), ['x', 'x'], 'éé', (1, 1, 300, 300, 1.5, 1.5)]
for x in values:
    data = marshal.dumps(x)
    back = marshal.loads(data)
    print(repr(x)[:40], data, back == x or x != x, type(back).__name__)

# Shared objects, a list holding itself.
l = [1, 2]
print(marshal.dumps([l, l]))
back = marshal.loads(marshal.dumps([l, l]))
print(back, back[0] is back[1])
x = []
x.append(x)
y = marshal.loads(marshal.dumps(x))
print(marshal.dumps(x), y[0] is y)

# Sets are written in the order of their elements' bytes.
print(marshal.dumps(frozenset({256, 1, 'b', 'a', 3.0})))
print(marshal.dumps(frozenset({256, 1, 'b', 'a', 3.0}), 2))

# Older versions: no references, no short forms, floats as text.
t = (1, 'a', 'abc', 1.5, 2j, 0.1, 1e300, 1e-7, 'x')
for v in range(6):
    print(v, marshal.dumps(t, v))
    print(marshal.loads(marshal.dumps(t, v)) == t)
print(marshal.dumps(slice(1, 2)), marshal.loads(marshal.dumps(slice(1, None, -1))))
print(marshal.loads(b'f\x031.5'), marshal.loads(b'x\x031.5\x012'))

# Bytes-like inputs; trailing data is ignored by loads.
print(marshal.loads(bytearray(b'i\x05\x00\x00\x00')), marshal.loads(memoryview(b'N')))
print(marshal.loads(b'N extra'))
print(marshal.dumps(bytearray(b'ab')), marshal.dumps(memoryview(b'cd')))

# dump/load on a file read exactly as far as each value goes.
f = io.BytesIO()
marshal.dump([1, 'a'], f)
marshal.dump({'k': (2, 3)}, f, 4)
f.seek(0)
print(marshal.load(f), marshal.load(f))

def show(f, *args):
    try:
        print(f(*args))
    except Exception as e:
        print(type(e).__name__, e)

show(marshal.load, f)
for bad in [b'', b'i\x01', b'Q', b'(\x02\x00\x00\x00N', b'r\x00\x00\x00\x00',
            b's\xff\xff\xff\xff', b'[\x01\x00\x00\x00', b'0', b')\x01' + b'0',
            b'l\x01\x00\x00\x00\x00\x80', b'l\x01\x00\x00\x00\x00\x00', b'u\x02\x00\x00\x00\xff\xfe']:
    show(marshal.loads, bad)
show(marshal.dumps, object())
show(marshal.dumps, [1j, len])
show(marshal.dumps, slice(1, 2), 4)
show(marshal.loads, 'N')
deep = []
for _ in range(3000):
    deep = [deep]
show(marshal.dumps, deep)
nested = {'k': [1, (2, 3)], 'z': {4}, 'f': frozenset({'q'}), 'n': None}
print(marshal.loads(marshal.dumps(nested)) == nested)
