# The "coroutine ... was never awaited" warning names the line where the last reference
# went away: a `del` of a local, a module name or a global, or a module-level rebinding.
import warnings

warnings.simplefilter("always")


async def co():
    return 5


def drop_local():
    c = co()
    del c


def drop_global():
    global g
    g = co()
    g = None


drop_local()
drop_global()
c = co()
del c
c = co()
c = 1
print("done")
