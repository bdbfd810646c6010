# File reads and writes from several threads (the system calls run detached from the VM).
import threading

def worker(k, results):
    p = "/tmp/gilvm-io-test-thread-%d.txt" % k
    with open(p, "w") as f:
        for i in range(2000):
            f.write("%d:%d\n" % (k, i))
    total = 0
    with open(p) as f:
        for line in f:
            total += int(line.split(":")[1])
    results[k] = total
    with open(p, "w") as f:
        pass

results = {}
ts = [threading.Thread(target=worker, args=(k, results)) for k in range(4)]
for t in ts:
    t.start()
for t in ts:
    t.join()
print(sorted(results.items()))
