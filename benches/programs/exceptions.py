# Exceptions: raising and catching in a loop, a user exception class, try/finally,
# exceptions crossing function calls, and the EAFP dict idiom.
class AppError(Exception):
    def __init__(self, code):
        super().__init__(code)
        self.code = code


def check(i):
    if i % 3 == 0:
        raise AppError(i)
    if i % 5 == 0:
        raise ValueError(i)
    return i


def work(n):
    errors = 0
    values = 0
    cleanups = 0
    seen = {}
    for i in range(n):
        try:
            values += check(i)
        except AppError as e:
            errors += e.code % 7
        except ValueError:
            errors += 1
        finally:
            cleanups += 1
        key = i % 64
        try:
            seen[key] += 1
        except KeyError:
            seen[key] = 1
    return errors, values, cleanups, len(seen), seen[0]


print(work(N))
