# `x in lst`, lst.index(x), lst.count(x) and lst.remove(x) for an item that is
# always present, while another thread shifts the list (insert(0)/pop(0)).
# Each is a single operation on a list of ints (no Python code runs), so in
# CPython it never misses the item.
import threading

lst = list(range(300))
stop = []
errors = []
misses = [0]
which = set()

def shifter():
    try:
        while not stop:
            lst.insert(0, -5)
            lst.pop(0)
    except BaseException as e:
        errors.append(repr(e))
        raise

def searcher():
    try:
        for i in range(8000):
            if 299 not in lst:
                misses[0] += 1
                which.add("in")
            if lst.count(299) != 1:
                misses[0] += 1
                which.add("count")
            try:
                lst.index(299)
            except ValueError:
                misses[0] += 1
                which.add("index")
            lst.append(-7)
            try:
                lst.remove(-7)
            except ValueError:
                misses[0] += 1
                which.add("remove")
    except BaseException as e:
        errors.append(repr(e))
        raise

sh = threading.Thread(target=shifter)
se = threading.Thread(target=searcher)
sh.start(); se.start()
se.join()
stop.append(1)
sh.join()
assert not errors, errors
assert misses[0] == 0, "%d searches missed an item that was present: %s" % (misses[0], sorted(which))
assert sorted(lst) == list(range(300)), len(lst)
print("OK")
