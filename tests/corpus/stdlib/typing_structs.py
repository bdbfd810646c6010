# typing: NamedTuple (functional form), TypedDict (class and functional forms, instances
# are plain dicts), NewType, cast, overload, final, no_type_check.
from typing import (NamedTuple, TypedDict, NewType, cast, overload, final,
                    no_type_check, List, Optional, Union, Dict)

Point = NamedTuple("Point", [("x", int), ("y", int)])
Employee = NamedTuple("Employee", [("name", str), ("id", Optional[int])])
p = Point(1, 2)
print(p, p.x + p.y, Point._fields, Point.__name__, isinstance(p, tuple))
print(Point.__annotations__, Employee.__annotations__)
print(p._replace(y=5), p._asdict(), Point._make([3, 4]), tuple(p))
e = Employee("Guido", None)
x, y = p
print(e, e.name, e.id, x, y, p == (1, 2), len(p))


class Movie(TypedDict):
    title: str
    year: int


class Sequel(Movie):
    previous: str


m = Movie(title="Blade Runner", year=1982)
s = Sequel(title="2049", year=2017, previous="Blade Runner")
print(m, type(m).__name__, m["year"], s, type(s) is dict)
print(Movie({"title": "x", "year": 1}), Movie([("title", "y")]))
m["year"] += 1
print(m, sorted(m), Movie.__total__)
Book = TypedDict("Book", {"title": str, "pages": int})
b = Book(title="SICP", pages=657)
print(b, type(b).__name__, Book.__annotations__, Book.__total__)
print(sorted(Book.__required_keys__), sorted(Book.__optional_keys__))
Partial = TypedDict("Partial", {"a": int}, total=False)
print(Partial.__total__, sorted(Partial.__optional_keys__), Partial(a=1))

UserId = NewType("UserId", int)
Name = NewType("Name", str)
uid = UserId(42)
print(UserId, uid, type(uid).__name__, UserId.__supertype__, UserId.__name__)
print(Name("bob").upper(), UserId(5) + UserId(6), List[UserId], Optional[Name])


def lookup(ids: List[UserId]) -> Dict[UserId, Name]:
    return {i: Name(f"user{i}") for i in ids}


print(lookup([UserId(1), UserId(2)]))

v = cast(int, "not an int")
print(v, cast(List[int], [1]), cast("str", 3), cast(Optional[int], None))


@overload
def double(x: int) -> int: ...
@overload
def double(x: str) -> str: ...
def double(x: Union[int, str]) -> Union[int, str]:
    return x * 2


print(double(4), double("ab"))


@overload
def stub(x: int) -> int: ...


try:
    stub(1)
except NotImplementedError as exc:
    print("NotImplementedError:", exc)


@final
class Leaf:
    @final
    def done(self) -> bool:
        return True


@no_type_check
def untyped(a: "nonsense", b: 3) -> "whatever":
    return a + b


@no_type_check
class Loose:
    def m(self) -> "x":
        return 1


print(Leaf.__final__, Leaf.done.__final__, Leaf().done())
print(untyped(1, 2), untyped.__no_type_check__, Loose.__no_type_check__, Loose.m.__no_type_check__)

try:
    uid.foo
except AttributeError as exc:
    print("AttributeError", exc)
try:
    Point(1)
except TypeError as exc:
    print("TypeError", exc)
