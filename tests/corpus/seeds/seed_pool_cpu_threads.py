# Seed article "1. multiprocessing (ProcessPool)" example run with a
# ThreadPoolExecutor instead of a ProcessPoolExecutor (same cpu_work, same
# 64 tasks of 1_000_000), printing the results.
from concurrent.futures import ThreadPoolExecutor

def cpu_work(n):
    result = 0
    for i in range(n):
        result += i * i
    return result

with ThreadPoolExecutor(max_workers=16) as pool:
    futures = [pool.submit(cpu_work, 1_000_000) for _ in range(64)]
    results = [f.result() for f in futures]

print("tasks:", len(results))
print("first result:", results[0])
print("all equal:", len(set(results)) == 1)
print("sum of results:", sum(results))
