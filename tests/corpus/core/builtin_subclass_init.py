# Subclasses of list and dict with their own __init__: list.__new__ makes an empty list and
# ignores the arguments, which are __init__'s; list()'s argument errors.
class Bag(list):
    def __init__(self, label):
        self.label = label
b = Bag("ab")
print(b, b.label)
class D(dict):
    def __init__(self, label):
        self.label = label
print(D("xy"), D("xy").label)
class L2(list):
    pass
print(L2("ab"))
class Bag(list):
    def __init__(self, label, extra):
        super().__init__(label)
        self.extra = extra
b = Bag("ab", 5)
print(b, b.extra, len(b))
class L3(list):
    pass
print(L3(), L3(range(3)), type(L3([1])).__name__)
print(list.__new__(L3, 1, 2, 3))
try:
    list(1, 2)
except TypeError as e:
    print(e)
try:
    list(x=1)
except TypeError as e:
    print(e)
