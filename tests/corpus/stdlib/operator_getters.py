# operator: itemgetter, attrgetter (dotted and several names), methodcaller (args and kwargs):
# results, reprs, __reduce__, argument checks and error messages.
import operator
from operator import itemgetter, attrgetter, methodcaller


def show(label, f, *args, **kwargs):
    try:
        print(label, repr(f(*args, **kwargs)))
    except Exception as e:
        print(label, type(e).__name__ + ':', e)


# itemgetter
g = itemgetter(1)
print(g([10, 20, 30]), g('abc'), g({1: 'one'}), itemgetter('k')({'k': 'v'}))
print(itemgetter(0, 2)('xyz'), itemgetter(1, 1, 0)([7, 8]), itemgetter(slice(1, 3))('abcd'), itemgetter(-1)(range(5)))
print(itemgetter(0, slice(None, 2))([4, 5, 6]))
rows = [('b', 2, 'z'), ('a', 3, 'y'), ('c', 1, 'x')]
print(sorted(rows, key=itemgetter(1)), sorted(rows, key=itemgetter(2, 0)))
print(list(map(itemgetter(0), rows)), max(rows, key=itemgetter(2)))
print(repr(itemgetter(1)), repr(itemgetter(1, 2)), repr(itemgetter('a', 'b')), repr(itemgetter(slice(1, 3))))
print(repr(itemgetter((1, 2))), repr(itemgetter(None)), str(itemgetter("it's")))
print(itemgetter(1, 2).__reduce__()[1], itemgetter('x').__reduce__()[1], itemgetter(3).__reduce__()[0] is itemgetter)
show('itemgetter()', itemgetter)
show('itemgetter(k=1)', itemgetter, k=1)
show('getter no arg', itemgetter(1))
show('getter 2 args', itemgetter(1), [1, 2], [3])
show('getter kwarg', itemgetter(1), obj=[1, 2])
show('getter index', itemgetter(5), [1])
show('getter key', itemgetter('z'), {})
show('getter int', itemgetter(0), 5)
show('getter tuple part', itemgetter(0, 9), [1, 2])

# attrgetter


class Node:
    def __init__(self, name, child=None):
        self.name = name
        self.child = child

    def __repr__(self):
        return 'Node(%r)' % self.name


tree = Node('root', Node('kid', Node('grandkid')))
print(attrgetter('name')(tree), attrgetter('child.name')(tree), attrgetter('child.child.name')(tree))
print(attrgetter('name', 'child.name', 'child')(tree), attrgetter('child.child')(tree))
nodes = [Node('b'), Node('c'), Node('a')]
print(sorted(nodes, key=attrgetter('name')), attrgetter('__class__.__name__')(tree))
print(attrgetter('real', 'numerator')(7), attrgetter('upper')('x')())
print(repr(attrgetter('a')), repr(attrgetter('a.b')), repr(attrgetter('a.b', 'c')), repr(attrgetter("it's")))
print(attrgetter('a.b', 'c').__reduce__()[1], attrgetter('a').__reduce__()[0] is attrgetter)
show('attrgetter()', attrgetter)
show('attrgetter(1)', attrgetter, 1)
show("attrgetter('a', 2)", attrgetter, 'a', 2)
show('attrgetter(None)', attrgetter, None)
show('attrgetter kw', attrgetter, 'a', k=1)
show('attr missing', attrgetter('nope'), tree)
show('attr dotted missing', attrgetter('child.nope'), tree)
show('attr deep None', attrgetter('child.child.child.name'), tree)
show('attr on int', attrgetter('x'), 1)
show('attr no arg', attrgetter('name'))
show('attr 2 args', attrgetter('name'), tree, tree)

# methodcaller


class Greeter:
    def hello(self, who='world', *, punct='!'):
        return 'hello ' + who + punct

    def echo(self, /, *args, **kwargs):
        return (args, sorted(kwargs.items()))


gr = Greeter()
print(methodcaller('hello')(gr), methodcaller('hello', 'bob')(gr), methodcaller('hello', punct='?')(gr))
print(methodcaller('split', ',', 1)('a,b,c'), methodcaller('split', ',', maxsplit=1)('a,b,c'), methodcaller('upper')('x'))
print(methodcaller('echo', 1, 2, self=3, name=4)(gr))
print(list(map(methodcaller('strip', '-'), ['-a-', '--b'])))
print(repr(methodcaller('f')), repr(methodcaller('f', 1, k=2)), repr(methodcaller('f', 'x', [1], a=None, b='q')))
print(methodcaller('f', 1).__reduce__()[1], methodcaller('f').__reduce__()[0] is methodcaller)
red = methodcaller('echo', 1, z=2).__reduce__()
print(red[1], red[0](*red[1])(gr))
show('methodcaller()', methodcaller)
show('methodcaller(1)', methodcaller, 1)
show('methodcaller(name=)', methodcaller, name='x')
show('method missing', methodcaller('nope'), 1)
show('method bad args', methodcaller('upper', 1), 'x')
show('method no arg', methodcaller('upper'))
show('method kwarg', methodcaller('upper'), obj='x')

# the getters are final types
for cls in (itemgetter, attrgetter, methodcaller):
    try:
        class Sub(cls):
            pass
        print('subclassed', cls.__name__)
    except TypeError as e:
        print('TypeError:', e)
print(type(itemgetter(1)).__name__, type(attrgetter('a')).__name__, type(methodcaller('a')).__name__)
print(callable(itemgetter(1)), callable(attrgetter('a')), callable(methodcaller('a')))
print(itemgetter.__module__, attrgetter.__module__, methodcaller.__module__)
