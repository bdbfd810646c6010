# Nothing in this file runs: it contains a syntax error, reported before execution.
def add(a, b):
    return a + b

def mul(a, b):
    return a * b

numbers = [1, 2, 3, 4, 5]
total = 0
for n in numbers:
    total = add(total, n)
print("total", total)

product = 1
for n in numbers:
    product = mul(product, n)
print("product", product)

squares = {n: n * n for n in numbers}
print(squares)

if total > 10:
    print("big total")
else:
    print("small total")

labels = ["n=" + str(n) for n in numbers]
print(labels)
values = [n + 1 for n in numbers]
result = max(values, key=lambda v: (v % 3, v)
print(result)
