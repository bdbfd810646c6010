# A generator dropped while suspended is closed: GeneratorExit is raised at the yield, so
# its finally blocks and with-exits run.
class CM:
    def __enter__(self):
        print("enter")
        return self
    def __exit__(self, *a):
        print("exit", a[0].__name__ if a[0] else None)
        return False

def g():
    try:
        with CM():
            yield 1
            yield 2
    finally:
        print("finally")

it = g()
print(next(it))
del it
print("after del")

def h():
    try:
        yield 1
    except GeneratorExit:
        print("got GeneratorExit")
        raise

x = h()
next(x)
x = None
print("after rebinding")

# Not started, or finished: nothing runs.
def k():
    try:
        yield 1
    finally:
        print("k finally")

y = k()
del y
z = k()
list(z)
del z
print("after finished")

# Dropped inside a function, in a loop that breaks out early.
def consume():
    for v in g():
        print("v", v)
        break
    print("loop left")
consume()

# A generator that returns on GeneratorExit.
def r():
    try:
        yield 1
    except GeneratorExit:
        print("returning")
        return

q = r()
next(q)
del q
print("end")
