# typing: annotated functions, classes and module variables run unchanged, and the
# typing names print, compare and unpack (__origin__/__args__) as in CPython.
import typing
from typing import (Any, Optional, Union, List, Dict, Set, FrozenSet, Tuple, Type,
                    Callable, Iterable, Iterator, Generator, Sequence, Mapping,
                    MutableMapping, MutableSequence, AbstractSet, Collection,
                    Container, Reversible, Awaitable, Coroutine, AsyncIterator,
                    DefaultDict, OrderedDict, Counter, Deque, ChainMap, Literal,
                    Final, ClassVar, Annotated, NoReturn, Never, Self,
                    LiteralString, TypeAlias, TYPE_CHECKING, get_origin, get_args)

# --- annotated code runs as plain code
MAX: Final[int] = 10
names: List[str] = ["a", "b"]
table: Dict[str, Tuple[int, ...]] = {"x": (1, 2)}
pending: Optional[int]
Vector: TypeAlias = List[float]


def scale(v: Vector, k: float = 2.0) -> Vector:
    return [x * k for x in v]


def first(items: Sequence[Union[int, str]], default: Optional[Any] = None) -> Optional[Union[int, str]]:
    return items[0] if items else default


def apply(f: Callable[[int, str], bool], *args: Any, **kw: Dict[str, Any]) -> Literal["yes", "no"]:
    return "yes" if f(*args) else "no"


def fail(msg: str) -> NoReturn:
    raise ValueError(msg)


class Inventory:
    count: ClassVar[int] = 0
    items: Dict[str, int]
    tags: "Set[str]"
    label: Annotated[str, "human readable"] = "inv"

    def __init__(self) -> None:
        self.items = {}
        Inventory.count += 1

    def add(self, name: str, n: int = 1) -> "Inventory":
        self.items[name] = self.items.get(name, 0) + n
        return self

    def names(self) -> Iterator[str]:
        return iter(sorted(self.items))

    def gen(self) -> Generator[int, None, None]:
        yield from self.items.values()


print(MAX, names, table, scale([1.0, 2.5]))
print(first([3, "x"]), first([], "d"))
print(apply(lambda a, b: a > len(b), 3, "ab"), apply(lambda a, b: False, 1, ""))
try:
    fail("boom")
except ValueError as e:
    print("ValueError", e)
inv = Inventory().add("apple").add("pear", 3).add("apple")
print(inv.items, list(inv.names()), sum(inv.gen()), Inventory.count, Inventory.label)
print("TYPE_CHECKING", TYPE_CHECKING)
if TYPE_CHECKING:
    print("unreachable")

# --- reprs
print(Any, NoReturn, Never, Self, LiteralString, TypeAlias)
print(Union, Optional, Literal, ClassVar, Final)
print(List, Dict, Set, FrozenSet, Tuple, Type, Callable)
print(Iterable, Iterator, Generator, Sequence, Mapping, MutableMapping)
print(MutableSequence, AbstractSet, Collection, Container, Reversible)
print(Awaitable, Coroutine, AsyncIterator)
print(DefaultDict, OrderedDict, Counter, Deque, ChainMap)
print(List[int], Dict[str, List[int]], Set[bytes], FrozenSet[str], Type[int])
print(Tuple[int, str], Tuple[int, ...], Tuple[()], Tuple[int])
print(Callable[[int, str], bool], Callable[..., int], Callable[[], None])
print(Iterable[int], Iterator[str], Generator[int, None, None])
print(Sequence[int], Mapping[str, int], MutableMapping[str, float])
print(AbstractSet[int], Coroutine[Any, Any, int], Awaitable[int])
print(DefaultDict[str, int], OrderedDict[str, int], Counter[str], Deque[int], ChainMap[str, int])
print(List[None], List["Inventory"], Optional["Inventory"])
print(Literal[1, "a", None, True], Literal[1, 1, 2], Literal[Literal[1], 2])
print(ClassVar[int], Final[List[int]], Annotated[int, "meta", 3])
print(Annotated[Annotated[int, "x"], "y"])

# --- Union
print(Union[int, str], Union[int], Union[int, int, str])
print(Union[int, Union[str, float]], Union[int, None], Union[None, int])
print(Optional[int], Optional[Optional[int]], Optional[Union[int, str]] == Union[int, str, None])
print(Union[int, str] == Union[str, int], Union[int, str] == Union[int, float])
print(hash(Union[int, str]) == hash(Union[str, int]))
print(Union[int, str].__args__, Optional[int].__args__, Union[int, str].__origin__)
print(Union[List[int], Dict[str, int]])

# --- X | Y with typing objects
print(List[int] | None, None | List[int], Optional[int] | str, int | Optional[str])
print(Literal[1] | None, Dict[str, int] | List[int], str | List[int])

# --- __origin__, __args__, get_origin, get_args
print(List[int].__origin__ is list, Dict[str, int].__args__, List.__origin__)
print(Tuple[()].__args__, Tuple[int, ...].__args__, Type[int].__origin__)
print(Callable[[int], str].__args__, Callable[..., str].__args__)
print(get_origin(List[int]), get_origin(List), get_origin(Dict[str, int]))
print(get_origin(Union[int, str]), get_origin(Optional[int]), get_origin(Literal[1]))
print(get_origin(ClassVar[int]), get_origin(int), get_origin(Callable[[int], str]))
print(get_origin(Iterable[int]), get_origin(Deque[int]), get_origin(AbstractSet[int]))
print(get_args(Dict[str, int]), get_args(int), get_args(List), get_args(Annotated[int, 1, 2]))
print(get_args(Union[int, str]), get_args(Optional[int]), get_args(Literal["a", "b"]))
print(get_args(Callable[[int, str], bool]), get_args(Callable[..., int]), get_args(Callable[[], int]))
print(get_args(Tuple[int, ...]), get_args(Tuple[()]))
print(get_args(Dict[str, int]) == (str, int))

# --- equality, hashing, caching
print(List[int] == List[int], List[int] == List[str], List[int] == list)
print(hash(Dict[str, int]) == hash(Dict[str, int]), List[int] is List[int])
print(len({List[int], List[int], List[str]}))
print(Literal[1, 2] == Literal[2, 1], Literal[1] == Literal[True])

# --- bare aliases of builtins
d = DefaultDict(int)
d["a"] += 1
print(d, Counter("abca").most_common(1), Deque([1, 2]), dict(OrderedDict(a=1)))
print(DefaultDict[str, int](list), Deque[int]([3]))
print(List[int].append is list.append, Dict[str, int].fromkeys("ab"))

# --- error cases
def show(label, fn):
    try:
        print(label, fn())
    except Exception as e:
        print(label, type(e).__name__ + ":", e)


show("List()", lambda: List())
show("List[int]()", lambda: List[int]())
show("Dict()", lambda: Dict())
show("Tuple()", lambda: Tuple())
show("List[int, str]", lambda: List[int, str])
show("Dict[int]", lambda: Dict[int])
show("Generator[int]", lambda: Generator[int])
show("Union[()]", lambda: Union[()])
show("Optional[int, str]", lambda: Optional[int, str])
show("ClassVar[int, str]", lambda: ClassVar[int, str])
show("Callable[[int]]", lambda: Callable[[int]])
show("NoReturn[int]", lambda: NoReturn[int])
show("Any()", lambda: Any())
show("Union()", lambda: Union())
show("ClassVar()", lambda: ClassVar())
# (Calling a union: CPython names the C type `typing.Union`, gilvm's is a Python class.)
show("Annotated[int]", lambda: Annotated[int])
show("List[int][str]", lambda: List[int][str])
