# Seed article ThreadPoolExecutor work1/work2 program, made deterministic:
# each worker still runs its loop concurrently, but the printed values are
# collected (with the thread-safe list.append) and printed in sorted order.
from concurrent.futures import ThreadPoolExecutor

printed = []

def work1():
    total = 0  # local total, not shared with work2
    for _ in range(100):
        total -= 1  # new total is made, ref-count update
        printed.append(total)

def work2():
    total = 0  # local total, not shared with work1
    for _ in range(100):
        total += 1  # new total is made, ref-count update
        printed.append(total)

with ThreadPoolExecutor() as executor:
    executor.submit(work1)
    executor.submit(work2)

for value in sorted(printed):
    print(value)
print("values printed:", len(printed))
