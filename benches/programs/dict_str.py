def work(n):
    counts = {}
    words = ["alpha", "beta", "gamma", "delta", "epsilon"]
    for i in range(n):
        w = words[i % 5] + str(i % 7)
        counts[w] = counts.get(w, 0) + 1
    return len(counts), sum(counts.values())

print(work(N))
