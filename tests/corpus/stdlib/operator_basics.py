# operator: the function forms of the operators, their dunder aliases, the
# in-place forms, the sequence helpers (concat, countOf, indexOf, length_hint) and index().
import operator
from operator import *


def show(label, f, *args):
    try:
        print(label, repr(f(*args)))
    except Exception as e:
        print(label, type(e).__name__ + ':', e)


# comparisons
for a, b in [(1, 2), (2, 2), (3, 2), ('a', 'b'), ((1, 2), (1,))]:
    print(a, b, lt(a, b), le(a, b), eq(a, b), ne(a, b), ge(a, b), gt(a, b))
show('lt int str', lt, 1, 'a')
show('ge list int', ge, [1], 2)


class Rich:
    def __init__(self, v):
        self.v = v

    def __eq__(self, other):
        return 'eq(%s)' % other

    def __lt__(self, other):
        return ['lt', other]


print(eq(Rich(1), 5), lt(Rich(1), 6), ne(Rich(1), 7))

# truth and identity
print(not_(0), not_([1]), truth(''), truth('x'), truth(None), type(truth(3)).__name__)
x = [1]
print(is_(x, x), is_(x, [1]), is_not(x, [1]), is_not(None, None))

# arithmetic and bitwise
print(add(2, 3), add('ab', 'cd'), add([1], [2]), sub(10, 4), mul(3, 4), mul('ab', 3))
print(truediv(7, 2), floordiv(7, 2), floordiv(-7, 2), mod(7, 3), mod(-7, 3), mod('%d-%s', (4, 'x')))
print(pow(2, 10), pow(2, -1), pow(2.0, 0.5) > 1.41, neg(5), neg(-2.5), pos(-3), abs(-7), abs(-2.5))
print(and_(12, 10), or_(12, 10), xor(12, 10), inv(5), invert(5), inv(-1), lshift(1, 10), rshift(1024, 3))
print(and_({1, 2}, {2, 3}), or_({1}, {2}), xor({1, 2}, {2, 3}))
print(and_(True, False), or_(True, False), xor(True, True))
show('add int str', add, 1, 'a')
show('sub str', sub, 'a', 'b')
show('neg str', neg, 'a')
show('inv float', inv, 1.5)
show('truediv zero', truediv, 1, 0)
show('mod zero', mod, 1, 0)
show('lshift negative', lshift, 1, -1)


class Mat:
    def __init__(self, name):
        self.name = name

    def __matmul__(self, other):
        return 'matmul(%s, %s)' % (self.name, other)

    def __imatmul__(self, other):
        self.name = self.name + '@' + str(other)
        return self


print(matmul(Mat('m'), 3))
m = Mat('m')
print(imatmul(m, 2) is m, m.name)
show('matmul ints', matmul, 2, 3)

# index()
print(index(5), index(-12), index(True), type(index(True)).__name__, index(2 ** 70))


class Idx:
    def __init__(self, v):
        self.v = v

    def __index__(self):
        return self.v


print(index(Idx(7)), [10, 20, 30][index(Idx(1))])
show('index float', index, 1.5)
show('index str', index, '3')
show('index None', index, None)
show('index bad __index__', index, Idx('x'))

# in-place forms: mutate when the type can, else return a new object
lst = [1, 2]
r = iadd(lst, [3])
print(r, r is lst, lst)
t = (1,)
r = iadd(t, (2,))
print(r, t)
s = {1, 2, 3}
print(iand(s, {2, 3, 4}), s, ior(s, {9}), s, ixor(s, {2, 7}), s, isub(s, {7}), s)
print(isub(10, 3), imul(4, 5), imul([0], 3), itruediv(9, 2), ifloordiv(9, 2), imod(9, 4), ipow(3, 3))
print(ilshift(3, 2), irshift(16, 2), iand(6, 3), ior(6, 3), ixor(6, 3))
r = iconcat(lst, (4, 5))
print(r, r is lst)
print(iconcat('ab', 'cd'), iconcat((1,), (2,)))
show('iconcat int', iconcat, 1, [2])
show('iadd str int', iadd, 'a', 1)

# sequences
print(concat('ab', 'cd'), concat([1], [2, 3]), concat((1,), ()))
show('concat int', concat, 1, 2)
show('concat dict', concat, {}, {})
show('concat list tuple', concat, [1], (2,))
show('concat str int', concat, 'a', 1)
print(contains([1, 2, 3], 2), contains('abc', 'bc'), contains({'k': 1}, 'v'), contains(range(5), 7))
show('contains int', contains, 3, 1)
print(countOf([1, 2, 1, 1.0, True, 3], 1), countOf('banana', 'a'), countOf(iter([None, 0, None]), None), countOf([], 1))
nan = float('nan')
print(countOf([nan, nan, 1], nan), indexOf([0, nan], nan))
print(indexOf([5, 6, 7], 7), indexOf('xyz', 'y'), indexOf(iter([3, 4]), 4), indexOf((0, False), False))
show('indexOf missing', indexOf, [1, 2], 3)
show('indexOf int', indexOf, 5, 1)
show('countOf int', countOf, None, 1)

d = {'a': 1}
print(getitem(d, 'a'), getitem([1, 2, 3], -1), getitem('hello', slice(1, 4)), getitem((1, 2, 3), slice(None, None, -1)))
print(setitem(d, 'b', 2), d)
lst = [1, 2, 3, 4, 5]
setitem(lst, slice(1, 3), ['x'])
print(lst, delitem(lst, 0), lst)
delitem(lst, slice(None, None, 2))
print(lst)
show('getitem missing', getitem, d, 'zz')
show('getitem index', getitem, [1], 5)
show('getitem int', getitem, 5, 0)
show('setitem tuple', setitem, (1,), 0, 2)
show('delitem missing', delitem, {}, 'k')

# length_hint
print(length_hint([1, 2, 3]), length_hint('abcd'), length_hint({}), length_hint(5), length_hint(5, 9), length_hint(range(10)))


class Hint:
    def __init__(self, value):
        self.value = value

    def __length_hint__(self):
        if isinstance(self.value, Exception):
            raise self.value
        return self.value


class LenBoom:
    def __len__(self):
        raise ValueError('len failed')


class LenTypeError:
    def __len__(self):
        raise TypeError('no len')

    def __length_hint__(self):
        return 4


print(length_hint(Hint(3)), length_hint(Hint(NotImplemented), 8), length_hint(Hint(TypeError('x')), 6), length_hint(LenTypeError()))
print(length_hint(Hint(True)), type(length_hint(Hint(True))).__name__, length_hint(5, Idx(2)), length_hint(5, True))
show('hint str', length_hint, Hint('x'))
show('hint negative', length_hint, Hint(-1))
show('hint ValueError', length_hint, Hint(ValueError('boom')))
show('len ValueError', length_hint, LenBoom())
show('hint default float', length_hint, [], 1.0)

# call()
print(call(max, 3, 9, 4), call(sorted, [3, 1, 2], reverse=True), call(dict, a=1, obj=2))
show('call not callable', call, 5)

# the dunder aliases are the same functions
pairs = [('__lt__', lt), ('__le__', le), ('__eq__', eq), ('__ne__', ne), ('__ge__', ge), ('__gt__', gt),
         ('__not__', not_), ('__abs__', abs), ('__add__', add), ('__and__', and_), ('__call__', call),
         ('__floordiv__', floordiv), ('__index__', index), ('__inv__', inv), ('__invert__', invert),
         ('__lshift__', lshift), ('__mod__', mod), ('__mul__', mul), ('__matmul__', matmul), ('__neg__', neg),
         ('__or__', or_), ('__pos__', pos), ('__pow__', pow), ('__rshift__', rshift), ('__sub__', sub),
         ('__truediv__', truediv), ('__xor__', xor), ('__concat__', concat), ('__contains__', contains),
         ('__delitem__', delitem), ('__getitem__', getitem), ('__setitem__', setitem), ('__iadd__', iadd),
         ('__iand__', iand), ('__iconcat__', iconcat), ('__ifloordiv__', ifloordiv), ('__ilshift__', ilshift),
         ('__imod__', imod), ('__imul__', imul), ('__imatmul__', imatmul), ('__ior__', ior), ('__ipow__', ipow),
         ('__irshift__', irshift), ('__isub__', isub), ('__itruediv__', itruediv), ('__ixor__', ixor)]
print(all(getattr(operator, name) is f for name, f in pairs), len(pairs))
print(operator.add.__name__, operator.__add__.__name__, operator.not_.__name__, operator.invert.__name__, operator.inv.__name__)
print(sorted(operator.__all__) == operator.__all__, len(operator.__all__))
print([name for name in operator.__all__ if not hasattr(operator, name)])
print(all(callable(getattr(operator, name)) for name in operator.__all__))

# used as keys and reducers
import functools
print(functools.reduce(operator.mul, range(1, 7)), functools.reduce(operator.or_, [1, 2, 4, 8]))
print(list(map(operator.sub, [10, 20, 30], [1, 2, 3])), list(map(operator.neg, [1, -2])))
