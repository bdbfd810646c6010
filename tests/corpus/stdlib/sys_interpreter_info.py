# sys's description of the interpreter (values that do not depend on the implementation).
import sys

vi = sys.version_info
print(vi[:2], vi.major, vi.minor, vi.releaselevel, vi.serial, len(vi))
print(vi >= (3, 14), vi < (4,), tuple(vi)[:2])
print(repr(vi).split("(")[0], repr(vi).split(", ")[1])
print(sys.version.startswith("3.14."), type(sys.version).__name__)
print(sys.hexversion >> 16 == 0x030E, hex(sys.hexversion & 0xFF))
imp = sys.implementation
print(type(imp.name).__name__, imp.cache_tag == imp.name + "-314" or imp.cache_tag)
print(imp.version[:2] == tuple(imp.version)[:2], type(imp.hexversion).__name__)
print(isinstance(imp._multiarch, str))
f = sys.flags
print(repr(f).split("(")[0], len(f))
print(f.debug, f.inspect, f.interactive, f.optimize, f.no_user_site, f.no_site)
print(f.ignore_environment, f.verbose, f.bytes_warning, f.quiet, f.hash_randomization)
print(f.isolated, f.dev_mode, f.utf8_mode in (0, 1), f.warn_default_encoding, f.safe_path)
print(f.int_max_str_digits, f.gil in (0, 1, None), f.thread_inherit_context in (0, 1))
print(f.context_aware_warnings in (0, 1), f[0], f[-1])
print(sys.platlibdir, type(sys.orig_argv).__name__, sys.orig_argv[-1] == sys.argv[-1])
print(callable(sys._is_gil_enabled), type(sys._is_gil_enabled()).__name__)
lim = sys.getrecursionlimit()
sys.setrecursionlimit(lim + 100)
print(sys.getrecursionlimit() - lim)
sys.setrecursionlimit(lim)
try:
    sys.setrecursionlimit(0)
except ValueError as e:
    print("ValueError", e)
s = "".join(["inter", "ned"])
print(sys.intern(s) is sys.intern("interned"))
try:
    sys.intern(5)
except TypeError as e:
    print("TypeError", e)
print(sys.exception())
try:
    raise KeyError("k")
except KeyError as e:
    print(sys.exception() is e, sys.exc_info()[1] is e, sys.exc_info()[2] is e.__traceback__)
print(sys.exception(), sys.exc_info())
print(type(sys.getrefcount(object())).__name__)
