# sys.monitoring (PEP 669): LINE, JUMP, BRANCH and CALL events of with statements, class
# bodies, lambdas, try/finally and while loops, as CPython 3.14.
from _mon import Recorder

rec = Recorder(__file__, ["PY_START", "PY_RETURN", "LINE", "JUMP", "BRANCH_LEFT",
                          "BRANCH_RIGHT", "CALL", "RAISE", "EXCEPTION_HANDLED"])


class Ctx:
    def __enter__(self):
        return self

    def __exit__(self, *exc):
        return False


def with_stmt():
    with Ctx() as c:
        x = 1
    return x


def make_class():
    class K:
        a = 1

        def m(self):
            return self.a
    return K().m()


def lambdas(items):
    key = lambda v: -v
    return sorted(items, key=key)


def finally_return(flag):
    try:
        return flag
    finally:
        flag = None


def while_else(n):
    while n:
        n -= 1
        if n == 5:
            break
    else:
        n = -1
    return n


def main():
    with_stmt()
    make_class()
    lambdas([2, 1])
    finally_return(True)
    finally_return(False)
    while_else(2)
    while_else(7)


with rec:
    main()
rec.show("misc")
rec.close()
