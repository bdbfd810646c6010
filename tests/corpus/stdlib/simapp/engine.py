"""The simulation loop: a priority-ordered queue of orders served by robots in turn."""
from collections import deque, Counter, defaultdict, OrderedDict
from itertools import count, cycle
from functools import partial

from .models import Order, OutOfStock, RobotBusy, SimError


class Simulation:
    def __init__(self, items, robots):
        self.items = OrderedDict()
        for item in items:
            self.items[item.name] = item
        self.robots = robots
        self.queue = deque()
        self.stats = Counter()
        self.log = defaultdict(list)
        self.ids = count(1)
        self.turns = cycle(robots)
        self.now = 0
        self.durations = []

    def submit(self, item, qty, priority=5):
        order = Order(next(self.ids), item, qty, priority)
        i = 0
        for queued in self.queue:
            if order < queued:
                break
            i += 1
        self.queue.insert(i, order)
        return order

    def _fail(self, kind, message):
        self.stats[kind] += 1
        self.log["errors"] += [f"t={self.now} {message}"]

    def step(self):
        order = self.queue.popleft()
        robot = next(self.turns)
        try:
            item = self.items[order.item]
            item.take(order.qty)
        except KeyError as e:
            self._fail("unknown", f"unknown item {e}")
            return
        except OutOfStock as e:
            self._fail("failed", f"{order}: {e}")
            return
        try:
            t = robot.assign(self.now, item.shelf)
        except RobotBusy as e:
            # Put the order back and wait for the robot.
            item.stock += order.qty
            self.queue.appendleft(order)
            self.stats["waits"] += 1
            self.log["waits"] += [str(e)]
            self.now = robot.busy_until
            return
        self.now += 1
        self.durations += [t]
        self.stats["done"] += 1
        self.stats[order.item] += order.qty
        self.log[robot.name] += [order.oid]

    def run(self, limit=100):
        steps = 0
        while self.queue:
            if steps == limit:
                raise SimError(f"gave up after {limit} steps")
            self.step()
            steps += 1
        return steps

    def submit_many(self, item, quantities):
        add = partial(self.submit, item)
        return [add(q) for q in quantities]
