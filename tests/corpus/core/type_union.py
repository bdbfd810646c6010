# X | Y of classes (PEP 604): annotations such as int | None evaluate; the union's repr,
# __args__, flattening, order-insensitive equality; | of non-classes is still a TypeError.
def f(x: int | None = None, y: "str | None" = None) -> list | dict:
    return x
print(f(3), f.__annotations__)
u = int | str | None
print(u, u.__args__, int | int, (int | str) == (str | int), hash(int | str) == hash(str | int))
print(int | str | int)
class A: pass
print(A | None)
try:
    None | None
except TypeError as e:
    print(e)
try:
    1 | int
except TypeError as e:
    print(e)
