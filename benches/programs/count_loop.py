def count(n):
    x = 0
    while x < n:
        x += 1
    return x

print(count(N))
