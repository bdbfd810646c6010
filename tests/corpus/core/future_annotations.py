# from __future__ import annotations: annotations are kept as source text, so forward
# references work; the __future__ module's feature objects.
"""Module doc."""
from __future__ import annotations
import __future__
print(__future__.annotations.getMandatoryRelease(), repr(__future__.division))

def f(a: Later, *args: int, b: list[Later] = [], **kw: "x") -> Later:
    return a
print(f.__annotations__)

class Later:
    x: int
    y: Later = None
print(Later.__annotations__, Later.y)
z: dict[str, Later] = {}
print(__annotations__)
