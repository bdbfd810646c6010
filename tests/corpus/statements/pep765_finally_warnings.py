# PEP 765 (CPython 3.14): return/break/continue leaving a finally block warn at compile time.
def f():
    for i in range(3):
        try:
            pass
        finally:
            break
    while True:
        try:
            return "loop"
        finally:
            continue
def g():
    try:
        pass
    finally:
        return 1
def h():
    try:
        pass
    finally:
        for i in range(2):
            if i:
                break
            continue
        def inner():
            return 2
    return inner()
print(g(), h())
