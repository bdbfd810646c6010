# Seed article "Working Around the GIL: 1. multiprocessing (ProcessPool)":
# cpu_work submitted to a ProcessPoolExecutor, as in the article, with smaller sizes
# (the article uses max_workers=16 and larger n). The results are printed instead of
# the timings.
from concurrent.futures import ProcessPoolExecutor


def cpu_work(n):
    result = 0
    for i in range(n):
        result += i * i
    return result


if __name__ == "__main__":
    sizes = [200_000] * 4
    with ProcessPoolExecutor(max_workers=4) as pool:
        futures = [pool.submit(cpu_work, n) for n in sizes]
        results = [f.result() for f in futures]
    print("results:", results)
    print("all equal:", all(r == cpu_work(200_000) for r in results))
    with ProcessPoolExecutor(max_workers=2) as pool:
        print("map:", list(pool.map(cpu_work, [10, 100, 1000])))
