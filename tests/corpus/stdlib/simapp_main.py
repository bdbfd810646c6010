# Drives the simapp package (simapp/): a small multi-module program with classes,
# inheritance, custom exceptions and the collections/functools/itertools modules.
import simapp
import simapp.engine as eng
from simapp import Simulation, Item, Robot, FastRobot, SimError, OutOfStock, RobotBusy
from simapp.models import Position, distance
from itertools import groupby, accumulate, islice
from functools import reduce

print(simapp.VERSION, simapp.__name__, eng.__name__, Simulation.__module__)
print(Item, FastRobot.__mro__)
print(issubclass(OutOfStock, SimError), issubclass(RobotBusy, Exception), isinstance(FastRobot("x", Position(0, 0)), Robot))

items = [
    Item("bolts", Position(2, 3), 50),
    Item("nuts", Position(5, 1), 20),
    Item("gears", Position(9, 9), 4),
]
robots = [Robot("r1", Position(0, 0)), FastRobot("f1", Position(0, 0))]
sim = Simulation(items, robots)
sim.submit("bolts", 10)
sim.submit("gears", 3, priority=1)
sim.submit("nuts", 5, priority=9)
sim.submit("widgets", 1)
sim.submit_many("bolts", [5, 15, 30])
sim.submit("gears", 2, priority=2)
print(list(sim.queue))
steps = sim.run()
print("steps:", steps, "time:", sim.now)
print(sim.stats.most_common(3))
print(sim.stats["done"], sim.stats["failed"], sim.stats["unknown"], sim.stats["missing-key"])
for name in sim.log:
    print(name, sim.log[name])
for r in robots:
    print(r.describe())
print([sim.items[k] for k in sim.items])
print("durations", sim.durations, list(accumulate(sim.durations)))
print("total", reduce(lambda a, b: a + b, sim.durations, 0))
print([(k, len(list(g))) for k, g in groupby(sim.durations)])
print(distance.cache_info())
print(distance(Position(0, 0), Position(3, 4)), distance(Position(0, 0), Position(3, 4)), distance.cache_info())

# Errors propagate through the package's code.
stuck = Simulation([Item("x", Position(1, 1), 1000)], [Robot("slow", Position(0, 0))])
for q in islice(iter(lambda: 1, None), 5):
    stuck.submit("x", q)
try:
    stuck.run(limit=3)
except SimError as e:
    print(type(e).__name__, e, len(stuck.queue))
try:
    items[2].take(99)
except SimError as e:
    print(repr(e), e.item, e.wanted, e.available, isinstance(e, OutOfStock))
