# Threads call functions and classes made by exec() in a shared namespace, and exec/eval
# concurrently (the free-threaded build runs this without the GIL).
import threading
ns = {"__name__": "shared"}
exec("def f(x):\n    return x * 2\nclass C:\n    def m(self, v):\n        return f(v) + 1\n", ns)
results = []
def work(k):
    total = 0
    local_ns = {}
    for i in range(2000):
        total += ns["C"]().m(i) + ns["f"](i)
        if i % 200 == 0:
            exec(f"g{k} = lambda a: a + {k}", ns)
            exec("def h(q):\n    return q - 1\n", local_ns)
            total += eval("h(1) + 1", local_ns) + ns[f"g{k}"](0)
    results.append(total)
ts = [threading.Thread(target=work, args=(k,)) for k in range(4)]
for t in ts: t.start()
for t in ts: t.join()
print(sorted(results))
