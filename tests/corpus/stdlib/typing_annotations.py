# typing features that read __annotations__: get_type_hints, the class form of
# NamedTuple, TypedDict's key sets (needs the VM to record class/function annotations).
from typing import (NamedTuple, TypedDict, List, Optional, Annotated, ClassVar,
                    get_type_hints)

Alias = List[int]


class Base:
    a: int
    b: "Alias" = []


class Child(Base):
    c: Optional[str] = None
    d: Annotated[float, "unit: m"] = 0.0
    e: ClassVar[int] = 1


def f(x: int, y: "Alias" = None, *rest: str, flag: bool = False) -> Optional[str]:
    return None


print(get_type_hints(Base))
print(get_type_hints(Child))
print(get_type_hints(Child, include_extras=True)["d"])
print(get_type_hints(f))
print(f.__annotations__["x"], f.__annotations__["y"])


class P(NamedTuple):
    x: int
    y: int = 0
    label: str = "p"

    def total(self) -> int:
        return self.x + self.y


class Q(P):
    def neg(self):
        return Q(-self.x, -self.y, self.label)


p = P(1)
print(p, p.total(), P._fields, P._field_defaults, P.__annotations__)
print(isinstance(p, tuple), p._replace(x=7), P(2, y=3), tuple(P(4, 5, "z")), p == (1, 0, "p"))
print(Q(1, 2), Q(1, 2).neg(), type(Q(1, 2).neg()).__name__, P._make([8, 9, "m"]), p._asdict())
try:
    class Bad(NamedTuple):
        a: int = 1
        b: int
except TypeError as e:
    print("TypeError:", e)


class Movie(TypedDict):
    title: str
    year: int


class Sequel(Movie):
    previous: str


print(Movie.__annotations__, sorted(Movie.__required_keys__), sorted(Sequel.__required_keys__))
print(get_type_hints(Sequel), Sequel(title="t", year=1, previous="p"))
try:
    get_type_hints(3)
except TypeError as e:
    print("TypeError:", e)
