# Several threads import the GIL-needing module at the same moment, while others run.
import sys, threading
barrier = threading.Barrier(4)
def imp():
    barrier.wait()
    import _gilvm_legacy
    total = 0
    for i in range(20000):
        total += i
    return total
def spin():
    barrier.wait()
    x = 0
    for i in range(200000):
        x += i
ts = [threading.Thread(target=imp), threading.Thread(target=imp),
      threading.Thread(target=spin), threading.Thread(target=spin)]
for t in ts:
    t.start()
for t in ts:
    t.join()
print("enabled", sys._is_gil_enabled())
