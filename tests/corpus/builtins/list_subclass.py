# list subclasses: items live in the builtin list part; list methods apply to them.
def attempt(f):
    try:
        return f()
    except Exception as e:
        return type(e).__name__ + ": " + str(e)


class Doubling(list):
    def __setitem__(self, i, v):
        print("set", i, v)
        list.__setitem__(self, i, v * 2)


d = Doubling([1, 2, 3])
d[0] = 5
d.append(4)
print(d, len(d), d[0], d[-1], d[1:], type(d[1:]).__name__)
print(2 in d, 9 in d, d.index(3), d.count(2), bool(d), bool(Doubling()))
print(repr(d), str(d), d == [10, 2, 3, 4], d != [10, 2, 3, 4], d < [11], d + [1], type(d + [1]).__name__)
d += [7]
print(d, type(d).__name__)
d *= 2
print(d, type(d).__name__)
print(sorted(d), list(reversed(d)), list(d), [v for v in d], max(d), min(d), sum(d))
d.sort(reverse=True)
print(d)
del d[0]
d.remove(2)
print(d.pop(), d.pop(0), d)
print(attempt(lambda: hash(d)), attempt(lambda: {d: 1}))


class Stack(list):
    def push(self, v):
        self.append(v)

    def peek(self):
        return self[-1]


s = Stack()
for v in [3, 1, 2]:
    s.push(v)
print(s, s.peek(), len(s), s.pop(), s)
list.append(s, 9)
list.insert(s, 0, 0)
list.extend(s, (8, 7))
print(s, list.__len__(s), list.__getitem__(s, 1), list.__contains__(s, 7))
list.__setitem__(s, slice(0, 2), ["a", "b", "c"])
list.__delitem__(s, -1)
print(s, s.copy(), type(s.copy()).__name__)
s.clear()
print(s, len(s))

selfref = Stack([1])
selfref.append(selfref)
print(selfref)
plain = [1, 2]
plain.append(plain)
print(plain, len(plain))

# methods called through the type, and receivers of the wrong type
print(attempt(lambda: list.append(5, 1)), attempt(lambda: list.append()))
print(attempt(lambda: list.__len__(())), attempt(lambda: tuple.count([], 1)))
items = [3, 1, 2]
list.sort(items)
list.reverse(items)
print(items, list.index(items, 2), list.count(items, 3), list.copy(items))
