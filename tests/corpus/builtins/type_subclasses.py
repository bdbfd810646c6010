# type.__subclasses__(): direct subclasses only, oldest first, weakly held.
class A: pass
class B(A): pass
class C(A): pass
class D(B, C): pass

def names(t):
    return [c.__name__ for c in t.__subclasses__()]

print(names(A))
print(names(B))
print(names(C))
print(names(D))

# A class created by type() and one whose metaclass is a subclass of type.
E = type("E", (A,), {})
class Meta(type): pass
class F(A, metaclass=Meta): pass
print(names(A))
print([c.__name__ for c in Meta.__subclasses__(Meta)], names(B))

# Subclasses of builtins are listed under the builtin.
class MyInt(int): pass
class MyList(list): pass
print([c for c in int.__subclasses__() if c.__module__ == __name__] == [MyInt])
print(MyList in list.__subclasses__())

# Called on the class, with the wrong receiver or arguments.
try:
    type.__subclasses__(1)
except TypeError as e:
    print("TypeError:", e)
try:
    A.__subclasses__(1)
except TypeError as e:
    print("TypeError:", e)
