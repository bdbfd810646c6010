# Seed article "Alternatives and Workarounds: 1. Multiprocessing": two processes
# each run compute(), started and joined as in the article (CPython's default start
# method on Linux, 'forkserver'). compute() counts to 10**6 (the article's body is
# elided) and reports through its exit code so the program prints something
# deterministic; the same runs with 'fork' and 'spawn' when asked.
import multiprocessing
from multiprocessing import Process


def compute():
    x = 0
    while x < 10**6:
        x += 1
    raise SystemExit(0 if x == 10**6 else 1)


def run_two(ctx=None):
    P = Process if ctx is None else ctx.Process
    p1 = P(target=compute)
    p2 = P(target=compute)
    p1.start()
    p2.start()
    p1.join()
    p2.join()
    return p1.exitcode, p2.exitcode, p1.is_alive(), p2.is_alive()


if __name__ == "__main__":
    print("default start method:", multiprocessing.get_start_method())
    print("default:", run_two())
    for method in ("fork", "spawn", "forkserver"):
        print(method + ":", run_two(multiprocessing.get_context(method)))
