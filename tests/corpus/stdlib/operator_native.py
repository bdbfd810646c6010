# The native _operator: functions, getters, reprs, pickling, errors.
import operator
import _operator

print(operator.add is _operator.add, type(operator.add).__name__)
print(operator.add(2, 3), operator.sub(2, 3), operator.mul("a", 3), operator.truediv(1, 4))
print(operator.floordiv(7, 2), operator.mod(7, 3), operator.pow(2, 10), operator.matmul.__name__)
print(operator.lshift(1, 5), operator.rshift(64, 2), operator.and_(12, 10), operator.or_(12, 10), operator.xor(12, 10))
print(operator.neg(3), operator.pos(-3), operator.inv(5), operator.invert(5), operator.abs(-2.5))
print(operator.lt(1, 2), operator.le(2, 2), operator.eq(1, 1.0), operator.ne(1, 2), operator.gt(1, 2), operator.ge(3, 2))
print(operator.not_([]), operator.truth([0]), operator.is_(None, None), operator.is_not(1, None))
print(operator.is_none(None), operator.is_not_none(0))
print(operator.index(7), operator.concat([1], [2]), operator.contains("abc", "b"))
print(operator.countOf([1, 2, 1, 1], 1), operator.indexOf("abc", "c"))
l = [1, 2, 3]
operator.setitem(l, 0, 9); operator.delitem(l, 1)
print(l, operator.getitem(l, -1))
x = [1]
print(operator.iadd(x, [2]) is x, x, operator.iconcat(x, [3]), operator.imul(2, 3))
print(operator.length_hint([1, 2]), operator.length_hint(iter(range(5))), operator.length_hint(5, 9))
print(operator.call(max, 1, 5, key=lambda v: -v))

ag = operator.attrgetter("real", "imag")
print(ag(3 + 4j), repr(ag), ag.__reduce__())
class P:
    class inner:
        val = "deep"
print(operator.attrgetter("inner.val")(P))
ig = operator.itemgetter(1, "x")
print(repr(ig), ig.__reduce__(), operator.itemgetter(0)("abc"))
print(ig({1: "one", "x": "ex"}))
mc = operator.methodcaller("split", ",", maxsplit=1)
print(repr(mc), mc("a,b,c"))
mc2 = operator.methodcaller("upper")
print(repr(mc2), mc2.__reduce__(), mc2("abc"))
for obj in (ag, ig, mc, mc2):
    func, args = obj.__reduce__()
    clone = func(*args)
    print(type(clone).__name__, repr(clone) == repr(obj))
print(sorted([(2, "b"), (1, "c"), (3, "a")], key=operator.itemgetter(1)))

errors = [
    lambda: operator.neg(), lambda: operator.lt(1), lambda: operator.lt(a=1, b=2),
    lambda: operator.concat(1, 2), lambda: operator.indexOf([1], 2), lambda: operator.countOf(1, 2),
    lambda: operator.index(1.5), lambda: operator.attrgetter(), lambda: operator.attrgetter(1),
    lambda: operator.itemgetter(), lambda: operator.methodcaller(), lambda: operator.methodcaller(1),
    lambda: ig(), lambda: ig(1, 2), lambda: ig(x=1), lambda: operator.length_hint(),
    lambda: operator.call(), lambda: operator.add(1, "a"),
]
for f in errors:
    try:
        f()
    except Exception as e:
        print(type(e).__name__, e)
try:
    class X(operator.itemgetter):
        pass
except TypeError as e:
    print("TypeError", e)

# _compare_digest, used by hmac and secrets.
print(_operator._compare_digest(b"abc", b"abc"), _operator._compare_digest("abc", "abd"))
print(_operator._compare_digest(bytearray(b"ab"), b"ab"), _operator._compare_digest(b"a", b"ab"))
for a, b in [(1, 2), ("é", "é"), ("a", b"a")]:
    try:
        _operator._compare_digest(a, b)
    except TypeError as e:
        print("TypeError", e)
import hmac, secrets
print(hmac.compare_digest(b"k", b"k"), hmac.new(b"key", b"msg", "sha256").hexdigest())
print(len(secrets.token_hex(8)), secrets.compare_digest("x", "x"))
