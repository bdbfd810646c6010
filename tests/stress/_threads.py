# Shared by the stress programs (files starting with `_` are not run as programs).
import threading


def run_threads(n, target):
    """Runs target(0..n-1) in n threads started together; fails if any of them raised."""
    barrier = threading.Barrier(n)
    errors = []

    def wrap(t):
        barrier.wait()
        try:
            target(t)
        except BaseException as e:  # reported by the main thread
            errors.append(repr(e))

    ts = [threading.Thread(target=wrap, args=(t,)) for t in range(n)]
    for th in ts:
        th.start()
    for th in ts:
        th.join()
    assert not errors, errors[:3]
