# A `finally` that runs on the way out of a `return` keeps the return value on the stack
# while its body runs: handlers, nested returns and breaks inside it must account for it.
def handled_inside(flag):
    got = False
    try:
        return got
    finally:
        if not got:
            try:
                [].remove(1)
            except ValueError:
                pass

print(handled_inside(1))

def loop_handled():
    for i in range(3):
        try:
            return i
        finally:
            try:
                raise KeyError("k")
            except KeyError as e:
                print("caught", e)

print(loop_handled())

def nested_return():
    try:
        return "outer"
    finally:
        try:
            pass
        finally:
            print("inner finally")

print(nested_return())

def return_in_finally():
    try:
        return 1
    finally:
        return 2

print(return_in_finally())

def break_in_finally():
    for i in range(5):
        try:
            return i
        finally:
            if i < 2:
                continue
            break
    return "after loop"

print(break_in_finally())

def with_in_finally():
    class CM:
        def __enter__(self):
            return self
        def __exit__(self, *a):
            print("exit", a[0].__name__ if a[0] else None)
            return True
    try:
        return "value"
    finally:
        with CM():
            raise RuntimeError("x")

print(with_in_finally())

def deep():
    for j in range(2):
        with open(__file__) as fh:
            try:
                return j
            finally:
                for k in range(2):
                    try:
                        if k:
                            raise IndexError
                    except IndexError:
                        print("idx", j, k)

print(deep())
