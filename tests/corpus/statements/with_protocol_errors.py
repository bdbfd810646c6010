# `with` / `async with` on objects lacking the protocol's methods (CPython 3.14's
# messages and hints), and the traceback __exit__ receives.
class Async:
    async def __aenter__(self): pass
    async def __aexit__(self, *a): pass

class Sync:
    def __enter__(self): pass
    def __exit__(self, *a): pass

class OnlyEnter:
    def __enter__(self): pass

class OnlyExit:
    def __exit__(self, *a): pass

for mgr in [Async(), object(), OnlyEnter(), OnlyExit()]:
    try:
        with mgr:
            pass
    except TypeError as e:
        print(e)

async def use(mgr):
    async with mgr:
        pass

for mgr in [Sync(), object(), Async]:
    try:
        use(mgr).send(None)
    except TypeError as e:
        print(e)

class CM:
    def __enter__(self):
        return self
    def __exit__(self, t, v, tb):
        print(t.__name__, v, type(tb).__name__, tb is v.__traceback__, tb.tb_frame.f_code.co_name)

def boom():
    raise RuntimeError("boom")

def run():
    with CM():
        boom()

try:
    run()
except RuntimeError as e:
    print("caught", e)
