"""Things in the warehouse: items on shelves, orders, and robots that fetch them."""
from collections import namedtuple
from functools import total_ordering, lru_cache

Position = namedtuple("Position", "x y", module=__name__)


class SimError(Exception):
    """Base class of simulation errors."""


class OutOfStock(SimError):
    def __init__(self, item, wanted, available):
        super().__init__(f"{item}: wanted {wanted}, only {available} left")
        self.item = item
        self.wanted = wanted
        self.available = available


class RobotBusy(SimError):
    pass


def _abs(n):
    return -n if n < 0 else n


@lru_cache(maxsize=None)
def distance(a, b):
    """Manhattan distance between two positions."""
    return _abs(a.x - b.x) + _abs(a.y - b.y)


class Item:
    def __init__(self, name, shelf, stock):
        self.name = name
        self.shelf = shelf
        self.stock = stock

    def take(self, n):
        if n > self.stock:
            raise OutOfStock(self.name, n, self.stock)
        self.stock -= n
        return n

    def __repr__(self):
        return f"Item({self.name!r}, stock={self.stock})"


@total_ordering
class Order:
    def __init__(self, oid, item, qty, priority):
        self.oid = oid
        self.item = item
        self.qty = qty
        self.priority = priority

    def _key(self):
        return (self.priority, self.oid)

    def __eq__(self, other):
        return self._key() == other._key()

    def __lt__(self, other):
        return self._key() < other._key()

    def __repr__(self):
        return f"Order#{self.oid}({self.item} x{self.qty}, p{self.priority})"


class Robot:
    speed = 1
    kind = "robot"

    def __init__(self, name, home):
        self.name = name
        self.pos = home
        self.busy_until = 0
        self.trips = 0

    def travel_time(self, dest):
        return distance(self.pos, dest) // self.speed + 1

    def assign(self, now, dest):
        if self.busy_until > now:
            raise RobotBusy(f"{self.name} is busy until t={self.busy_until}")
        t = self.travel_time(dest)
        self.busy_until = now + t
        self.pos = dest
        self.trips += 1
        return t

    def describe(self):
        return f"{self.kind} {self.name} at ({self.pos.x}, {self.pos.y}) after {self.trips} trips"


class FastRobot(Robot):
    speed = 2
    kind = "fast robot"

    def travel_time(self, dest):
        # Twice as fast, but needs a moment to spin up.
        return super().travel_time(dest) + 1
