# The import system as Python code sees it: __spec__, __loader__, sys.meta_path,
# sys.path_hooks, namespace packages, module objects made by hand.
import os
import sys

here = os.path.dirname(os.path.abspath(__file__))
data = os.path.join(here, "_impdata")


def short(p):
    return p[len(here) + 1:] if isinstance(p, str) and p.startswith(here + "/") else p


# A regular package and a submodule: spec attributes, __path__ shared with the spec.
sys.path.insert(0, data)
import regpkg
import regpkg.leaf

s = regpkg.__spec__
print(s.name, s.parent, s.has_location, short(s.origin))
print([short(p) for p in s.submodule_search_locations])
print(regpkg.__path__ is s.submodule_search_locations, regpkg.__package__)
print(regpkg.PKG, regpkg.leaf.NAME, regpkg.leaf.PARENT)
print(regpkg.leaf.__spec__.submodule_search_locations, regpkg.leaf.__spec__.parent)
print(type(regpkg.__loader__).__name__, regpkg.__loader__ is s.loader)
print(regpkg.leaf.__loader__.is_package("regpkg.leaf"), regpkg.__loader__.is_package("regpkg"))
print(regpkg.leaf.__loader__.get_source("regpkg.leaf").splitlines())
print(short(regpkg.leaf.__file__), short(regpkg.leaf.__loader__.get_filename("regpkg.leaf")))

# Built-in modules.
import time
print(time.__spec__.name, time.__spec__.origin, time.__spec__.has_location)
print(time.__spec__.loader is time.__loader__, time.__spec__.parent == "")
print("time" in sys.builtin_module_names, "sys" in sys.builtin_module_names)
print(repr(sys), repr(time))

# Namespace packages: two portions on sys.path.
sys.path.insert(0, os.path.join(data, "nsp_a"))
sys.path.insert(0, os.path.join(data, "nsp_b"))
import nsp.part_a
import nsp.part_b
print(nsp.part_a.WHO, nsp.part_b.WHO)
print(sorted(short(p) for p in nsp.__path__))
print(nsp.__spec__.origin, nsp.__spec__.loader is not None, getattr(nsp, "__file__", None))
print(repr(nsp).startswith("<module 'nsp' (namespace) from"))


# A finder on sys.meta_path, consulted before the default ones.
class Loader:
    def create_module(self, spec):
        return None

    def exec_module(self, module):
        module.answer = 42
        module.origin_seen = module.__spec__.origin


class Finder:
    calls = []

    @classmethod
    def find_spec(cls, name, path, target=None):
        cls.calls.append(name)
        if name == "virtual_mod":
            return type(regpkg.__spec__)(name, Loader(), origin="virtual")
        return None


sys.meta_path.insert(0, Finder)
import virtual_mod
import keyword  # found by the default finders after Finder declined
print(virtual_mod.answer, virtual_mod.origin_seen, virtual_mod.__spec__.origin)
print(Finder.calls[:1])
sys.meta_path.remove(Finder)
try:
    import no_such_module_here
except ModuleNotFoundError as e:
    print(type(e).__name__, e, e.name)


# A path hook: a finder for one sys.path entry.
class HookFinder:
    def __init__(self, entry):
        self.entry = entry

    def find_spec(self, name, target=None):
        if name == "hooked":
            return type(regpkg.__spec__)(name, Loader(), origin="hook:" + self.entry)
        return None


def hook(entry):
    if entry == "<hooked-entry>":
        return HookFinder(entry)
    raise ImportError("not mine")


sys.path_hooks.insert(0, hook)
sys.path.insert(0, "<hooked-entry>")
import hooked
print(hooked.answer, hooked.__spec__.origin)
print(type(sys.path_importer_cache["<hooked-entry>"]).__name__)
sys.path_hooks.remove(hook)

# Module objects made by hand.
ModuleType = type(sys)
m = ModuleType("made", "its doc")
print(m.__name__, m.__doc__, m.__spec__, m.__loader__, m.__package__)
print(repr(m))
m2 = ModuleType("other")
print(m2.__doc__, repr(m2))
try:
    ModuleType()
except TypeError as e:
    print("TypeError:", e)
