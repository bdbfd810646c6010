from concurrent.futures import ThreadPoolExecutor

def work1():
    total = 0  # local total, not shared with work2
    for _ in range(100):
        total -= 1  # new total is made, ref-count update
        print(total)

def work2():
    total = 0  # local total, not shared with work1
    for _ in range(100):
        total += 1  # new total is made, ref-count update
        print(total)

with ThreadPoolExecutor() as executor:
    executor.submit(work1)
    executor.submit(work2)
