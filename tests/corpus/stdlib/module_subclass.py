# Subclasses of the module type, and __class__ assignment on modules.
import sys
import types

class M(types.ModuleType):
    greeting = "hi"

    def hello(self):
        return f"{self.greeting} from {self.__name__}"

    @property
    def upper_name(self):
        return self.__name__.upper()

m = M("mymod", "the doc")
print(type(m).__name__, isinstance(m, types.ModuleType), m.__name__, m.__doc__)
print(m.hello(), m.upper_name, m.__dict__["__name__"])
m.x = 1
print(m.x, "x" in m.__dict__, sorted(k for k in m.__dict__ if not k.startswith("__")))
try:
    m.missing
except AttributeError as e:
    print("AttributeError", e)
print(repr(m))

class WithInit(types.ModuleType):
    def __init__(self, name, extra):
        super().__init__(name)
        self.extra = extra

w = WithInit("w", 42)
print(w.__name__, w.extra, w.__doc__)

class Getattr(types.ModuleType):
    def __getattr__(self, name):
        return f"computed {name}"

g = Getattr("g")
print(g.anything, g.__name__)

# __class__ assignment on a plain module, and back.
plain = types.ModuleType("plain")
plain.value = 5
plain.__class__ = M
print(type(plain).__name__, plain.hello(), plain.value)
plain.__class__ = types.ModuleType
print(type(plain).__name__, hasattr(plain, "hello"))
try:
    plain.__class__ = int
except TypeError as e:
    print("TypeError", e)

# A module object in sys.modules can be a subclass (the lazy-module pattern).
class Lazy(types.ModuleType):
    def __getattribute__(self, attr):
        if attr == "answer":
            return 42
        return object.__getattribute__(self, attr)

lz = Lazy("lazymod")
sys.modules["lazymod"] = lz
import lazymod
print(lazymod.answer, lazymod.__name__, type(lazymod).__name__)

# importlib.util defines _LazyModule (class _LazyModule(types.ModuleType)).
import importlib.util
print(importlib.util._LazyModule.__mro__[1] is types.ModuleType)
import zipfile
print(zipfile.ZipFile.__name__)

# importlib.util.LazyLoader: the module is a _LazyModule until first use.
spec = importlib.util.find_spec("json")
loader = importlib.util.LazyLoader(spec.loader)
spec.loader = loader
lazy = importlib.util.module_from_spec(spec)
sys.modules["json"] = lazy
loader.exec_module(lazy)
print(type(lazy).__name__)
print(lazy.dumps({"lazy": [1, 2]}))
print(type(lazy).__name__, lazy.loads("[3]"))
