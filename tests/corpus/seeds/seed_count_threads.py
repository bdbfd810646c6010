# Seed article "GIL and Threading: A Real Example": two threads each count to 10**8.
# Speed check: kept at the article's size. The counts are recorded so the
# program prints something deterministic.
import threading

results = []

def count():
    x = 0
    while x < 10**8:
        x += 1
    results.append(x)

t1 = threading.Thread(target=count)
t2 = threading.Thread(target=count)

t1.start()
t2.start()
t1.join()
t2.join()

print("threads finished:", len(results))
print("final counts:", results)
print("all reached 10**8:", all(r == 10**8 for r in results))
print("alive after join:", t1.is_alive(), t2.is_alive())
