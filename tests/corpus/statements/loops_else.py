# while / for with else, break and continue (including nested loops).
def find(seq, target):
    for i, item in enumerate(seq):
        if item == target:
            print("found", target, "at", i)
            break
    else:
        print(target, "not found")

find([1, 2, 3], 2)
find([1, 2, 3], 5)
find([], 1)

n = 0
while n < 3:
    n += 1
else:
    print("while finished normally, n =", n)

n = 0
while True:
    n += 1
    if n == 4:
        break
else:
    print("never printed")
print("broke out at", n)

# while with else that is skipped by break
k = 10
while k > 0:
    if k == 7:
        print("break at 7")
        break
    k -= 1
else:
    print("no break")

# continue skips the rest of the body
evens = []
for i in range(10):
    if i % 2:
        continue
    evens.append(i)
print(evens)

i = 0
odds = []
while i < 10:
    i += 1
    if i % 2 == 0:
        continue
    odds.append(i)
print(odds)

# nested loops: break only exits the innermost
for a in range(1, 4):
    for b in range(1, 4):
        if b == a:
            continue
        if a + b == 5:
            print("pair", a, b, "-> break inner")
            break
        print("pair", a, b)
    else:
        print("inner loop for", a, "completed")

# primes with for/else
primes = []
for cand in range(2, 40):
    for d in range(2, cand):
        if cand % d == 0:
            break
    else:
        primes.append(cand)
print(primes)

# continue in for/else still runs else
for x in range(3):
    if x == 1:
        continue
else:
    print("else after continue, x =", x)

# flag-based exit from nested loops
found = None
for r in range(5):
    for c in range(5):
        if r * c == 6:
            found = (r, c)
            break
    if found:
        break
print("first product 6 at", found)

# loop over empty sequence runs else
for _ in []:
    print("never")
else:
    print("empty loop else")
