# The interpreter fuses common instruction pairs (two local loads, a local load and a
# constant, a comparison and its jump, an operation and the store of its result) and
# inlines list/tuple indexing, attribute access and unpacking. Each case here exercises
# the path where the second half of a fused pair, or the inline path, must fall back:
# errors must come from the right line and reach the right handler. The program ends
# with an uncaught error from the second half of a pair: its traceback (the .err file)
# checks the line reported.


def second_load_unbound():
    a = 1
    if a > 5:
        b = 2
    return a + b  # `b` is unbound: raised by the second load of the pair


try:
    second_load_unbound()
except UnboundLocalError as e:
    print("UnboundLocalError:", e)


def first_load_unbound():
    if False:
        a = 1
    b = 2
    return a + b


try:
    first_load_unbound()
except UnboundLocalError as e:
    print("UnboundLocalError:", e)


class BadBool:
    def __bool__(self):
        raise ValueError("no truth value")


class Cmp:
    def __lt__(self, other):
        return BadBool()

    def __eq__(self, other):
        return "yes" if other == 1 else ""


def compare_jump(x):
    if x < 3:  # compare + jump: the truth test of the result raises
        return "less"
    return "not less"


try:
    compare_jump(Cmp())
except ValueError as e:
    print("ValueError:", e)

print(compare_jump(1), compare_jump(5), compare_jump(2.5), compare_jump(7.0))


def compare_truthy(x):
    # a non-bool comparison result used by the jump
    out = []
    if x == 1:
        out.append("eq1")
    if x == 2:
        out.append("eq2")
    return out


print(compare_truthy(Cmp()))


def op_then_store(a, b):
    try:
        c = a + b  # binary op + store: the op raises inside the try
    except TypeError as e:
        return "TypeError: " + str(e)
    return c


print(op_then_store(1, 2), op_then_store(1.5, 2), op_then_store("a", "b"))
print(op_then_store(1, "x"))
print(op_then_store(2**62, 2**62))  # overflows the inline int path


def inplace_store():
    x = [1]
    y = x
    x += [2]  # in-place op on a list keeps identity
    n = 10
    n -= 3
    s = "ab"
    s *= 3
    return x is y, x, n, s


print(inplace_store())


def jump_into_second_half(n):
    # the loop's backward jump and the `while` test jump to instructions that are the
    # second half of a fused pair
    i = 0
    total = 0
    while i < n:
        total = total + i
        i = i + 1
    return total


print(jump_into_second_half(10))


def indexing():
    xs = [10, 20, 30]
    t = (1, 2, 3)
    print(xs[0], xs[-1], t[1], t[-3])
    xs[1] = 99
    xs[-1] = 77
    print(xs)
    for bad in (3, -4):
        try:
            xs[bad]
        except IndexError as e:
            print("IndexError:", e)
        try:
            xs[bad] = 0
        except IndexError as e:
            print("IndexError:", e)
        try:
            t[bad]
        except IndexError as e:
            print("IndexError:", e)
    print(xs[True], xs[1:], t[::-1])


indexing()


class WithProp:
    def __init__(self):
        self._v = 1

    @property
    def v(self):
        return self._v * 10

    @v.setter
    def v(self, value):
        self._v = value


class Hooked:
    def __setattr__(self, name, value):
        object.__setattr__(self, name, value * 2)

    def __getattr__(self, name):
        return "missing " + name


class ClassAttr:
    shared = "class"


def attributes():
    p = WithProp()
    p.v = 4
    print(p.v, p._v)
    h = Hooked()
    h.x = 21
    print(h.x, h.y)
    c = ClassAttr()
    print(c.shared)
    c.shared = "instance"
    print(c.shared, ClassAttr.shared)
    try:
        c.nope
    except AttributeError as e:
        print("AttributeError:", e)
    e = ValueError("boom")
    e.note = "n"
    print(e.note, e.args)


attributes()


def unpacking():
    a, b = [1, 2]
    c, d, e = (3, 4, 5)
    (f, g), h = [(6, 7), 8]
    print(a, b, c, d, e, f, g, h)
    for bad in ([1], [1, 2, 3], (1,), "abc"):
        try:
            x, y = bad
            print("unpacked", x, y)
        except ValueError as err:
            print("ValueError:", err)
    first, *rest = [1, 2, 3]
    print(first, rest)
    it = iter(range(2))
    m, n = it
    print(m, n)


unpacking()


def gen():
    yield 1
    yield 2


g = gen()
print(next(g), list(g), list(gen()))
for v in gen():
    print("gen", v)


def subscript_of_local():
    # `x[key]` with `x` a local reads the container from its slot: the order of
    # evaluation must stay CPython's (container first, so an unbound one fails before the
    # key is evaluated), and a key that rebinds the container must see the old one.
    def key():
        print("key evaluated")
        return 0

    try:
        print(xs[key()])
        xs = [1]
    except UnboundLocalError as e:
        print("UnboundLocalError:", e)
    xs = [5, 6]
    print(xs[key()], xs[-1])
    print(xs[(xs := [7, 8]) and 0], xs)
    d = {"a": 1}
    print(d["a"], d.get("b"))
    try:
        d["missing"]
    except KeyError as e:
        print("KeyError:", e)
    s = "hey"
    print(s[1], s[-1:])


subscript_of_local()

def uncaught(flag):
    total = 0
    if flag:
        later = 1
    total = total + flag
    return total + later  # `later` unbound: the traceback must name this line


print(uncaught(1))
uncaught(0)
