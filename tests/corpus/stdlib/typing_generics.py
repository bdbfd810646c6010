# typing: TypeVar and ParamSpec, user Generic classes (subscripting, instantiating
# Box[int](3)), Protocol base classes, substitution of type variables, error cases.
from typing import (TypeVar, ParamSpec, Generic, Protocol, runtime_checkable,
                    Callable, List, Dict, Optional, Union, Iterator, Tuple,
                    get_origin, get_args, AnyStr)

T = TypeVar("T")
K = TypeVar("K")
V = TypeVar("V")
N = TypeVar("N", bound=int)
S = TypeVar("S", str, bytes)
Co = TypeVar("Co", covariant=True)
Contra = TypeVar("Contra", contravariant=True)
P = ParamSpec("P")

print(T, N, S, Co, Contra, P, AnyStr)
print(T.__name__, N.__bound__, S.__constraints__, T.__bound__, T.__constraints__)
print(Co.__covariant__, Co.__contravariant__, Contra.__contravariant__)
print(P.__name__, P.args, P.kwargs)
print(List[T], Dict[K, V], Optional[T], Union[T, int], Callable[[T], V])
print(Callable[P, int], Callable[P, int].__args__, get_args(Callable[P, T]))
print(Dict[K, V].__parameters__, List[int].__parameters__, Callable[[K], V].__parameters__)
print(Dict[str, T][int], Dict[K, V][str, float], List[T][Tuple[int, ...]])
print(Dict[str, List[T]][bytes], Optional[T][str])
print(T | None, T | List[int])


class Box(Generic[T]):
    def __init__(self, item: T) -> None:
        self.item = item

    def get(self) -> T:
        return self.item

    def __repr__(self):
        return f"Box({self.item!r})"


class Pair(Generic[K, V]):
    def __init__(self, key: K, value: V):
        self.key, self.value = key, value

    def swap(self) -> "Pair[V, K]":
        return Pair(self.value, self.key)


class IntBox(Box):
    pass


class Stack(Generic[T]):
    def __init__(self) -> None:
        self.items: List[T] = []

    def push(self, x: T) -> None:
        self.items.append(x)

    def pop(self) -> T:
        return self.items.pop()

    def __iter__(self) -> Iterator[T]:
        return iter(self.items)


def wrap(x: T) -> Box[T]:
    return Box(x)


def apply(f: Callable[P, T], *args: P.args, **kwargs: P.kwargs) -> T:
    return f(*args, **kwargs)


print(Box(3), Box[int](4), type(Box[int](4)).__name__, Box[int](5).get())
b = Box[str]("s")
print(b.__orig_class__, isinstance(b, Box))
print(Box[int], Box[List[str]], Pair[str, int], Pair[str, Box[int]])
print(Box.__parameters__, Pair.__parameters__, IntBox.__parameters__)
print(Box[int].__origin__ is Box, Box[int].__args__, get_origin(Pair[int, str]) is Pair)
print(get_args(Pair[int, str]), Box[int] == Box[int], Box[int] == Box[str])
p = Pair("k", 1).swap()
print(p.key, p.value, Pair[str, int]("a", 2).value)
s = Stack[int]()
s.push(1)
s.push(2)
print(s.pop(), list(s), wrap("w"), apply(lambda a, b=0: a + b, 1, b=2))
print(isinstance(IntBox(1), Box), issubclass(IntBox, Generic), issubclass(Pair, Generic))


class SupportsClose(Protocol):
    def close(self) -> None:
        ...


@runtime_checkable
class Named(Protocol):
    name: str


class Reader(Protocol[T]):
    def read(self) -> T:
        ...


class File(SupportsClose):
    def __init__(self):
        self.closed = False

    def close(self) -> None:
        self.closed = True


class Res:
    def close(self) -> None:
        print("closed")


def close_all(things: List[SupportsClose]) -> int:
    for t in things:
        t.close()
    return len(things)


f = File()
print(close_all([f, Res()]), f.closed, Named.__name__)
print(Reader[int], Reader.__parameters__, issubclass(File, Protocol))


def show(label, fn):
    try:
        print(label, fn())
    except Exception as e:
        print(label, type(e).__name__ + ":", e)


show("SupportsClose()", lambda: SupportsClose())
show("Reader()", lambda: Reader())
show("TypeVar('X', int)", lambda: TypeVar("X", int))
show("TypeVar bound+constraints", lambda: TypeVar("X", int, str, bound=int))
show("Generic[int]", lambda: Generic[int])
show("Generic[T, T]", lambda: Generic[T, T])
show("IntBox[int]", lambda: IntBox[int])
show("List[int][str]", lambda: List[int][str])
show("runtime_checkable(File)", lambda: runtime_checkable(File))
