# Seed article ThreadPoolExecutor work1/work2 program, variant printing only
# the final totals (returned through the futures) and per-worker checks.
from concurrent.futures import ThreadPoolExecutor

def work1():
    total = 0  # local total, not shared with work2
    seen = []
    for _ in range(100):
        total -= 1  # new total is made, ref-count update
        seen.append(total)
    return total, seen

def work2():
    total = 0  # local total, not shared with work1
    seen = []
    for _ in range(100):
        total += 1  # new total is made, ref-count update
        seen.append(total)
    return total, seen

with ThreadPoolExecutor() as executor:
    f1 = executor.submit(work1)
    f2 = executor.submit(work2)

total1, seen1 = f1.result()
total2, seen2 = f2.result()
print("work1 total:", total1)
print("work2 total:", total2)
print("work1 sequence in order:", seen1 == list(range(-1, -101, -1)))
print("work2 sequence in order:", seen2 == list(range(1, 101)))
print("futures done:", f1.done(), f2.done())

# the same with several rounds and map()
def work(sign, n):
    total = 0
    for _ in range(n):
        total += sign
    return total

with ThreadPoolExecutor(max_workers=4) as executor:
    totals = list(executor.map(work, [1, -1, 1, -1], [100, 100, 1000, 1000]))
print("map totals:", totals)
