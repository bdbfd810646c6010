# The Python half of gilvm's `_pickle` (see crates/gilvm-stdlib/src/pickle/mod.rs for the
# design). Run in the `_pickle` module's namespace after the native functions `_save`,
# `_load` and the type `_Out` were added to it.
#
# Pickler and Unpickler derive from the Lib's pure-Python `pickle._Pickler` and
# `pickle._Unpickler`, so every rule that involves Python-level protocol (reduce, globals,
# persistent ids, dispatch tables, the extension registry) is the Lib's, while the
# per-object work runs in Rust: `_save` writes the core types (None, bool, int, float,
# str, bytes, bytearray, tuple, list, dict) into an `_Out` buffer and hands every other
# object back to `_Pickler.save`; `_load` is the whole opcode loop.

import sys as _sys
from copyreg import _extension_registry, _inverted_registry, _extension_cache
import codecs as _codecs


class PickleError(Exception):
    pass


class PicklingError(PickleError):
    pass


class UnpicklingError(PickleError):
    pass


for _c in (PickleError, PicklingError, UnpicklingError):
    _c.__module__ = '_pickle'
del _c

_NoValue = object()


def _instantiate(klass, args):
    if (args or not isinstance(klass, type) or
            hasattr(klass, "__getinitargs__")):
        try:
            return klass(*args)
        except TypeError as err:
            raise TypeError("in constructor for %s: %s" %
                            (klass.__name__, str(err)), err.__traceback__)
    return klass.__new__(klass)


def _build(inst, state):
    setstate = getattr(inst, "__setstate__", _NoValue)
    if setstate is not _NoValue:
        setstate(state)
        return
    slotstate = None
    if isinstance(state, tuple) and len(state) == 2:
        state, slotstate = state
    if state:
        inst_dict = inst.__dict__
        intern = _sys.intern
        for k, v in state.items():
            if type(k) is str:
                inst_dict[intern(k)] = v
            else:
                inst_dict[k] = v
    if slotstate:
        for k, v in slotstate.items():
            setattr(inst, k, v)


def _get_extension(self, code):
    obj = _extension_cache.get(code, _NoValue)
    if obj is not _NoValue:
        return obj
    key = _inverted_registry.get(code)
    if not key:
        if code <= 0:
            raise UnpicklingError("EXT specifies code <= 0")
        raise ValueError(f"unregistered extension code {code}")
    obj = self.find_class(*key)
    _extension_cache[code] = obj
    return obj


def _next_buffer(self):
    if self._buffers is None:
        raise UnpicklingError("pickle stream refers to out-of-band data "
                              "but no *buffers* argument was given")
    try:
        return next(self._buffers)
    except StopIteration:
        raise UnpicklingError("not enough out-of-band buffers")


def _readonly_buffer(buf):
    with memoryview(buf) as m:
        if not m.readonly:
            return m.toreadonly()
    return buf


def _newobj_ex(cls, args, kwargs):
    return cls.__new__(cls, *args, **kwargs)


def _unicode0(data):
    return str(data, 'raw-unicode-escape')


def _string0(self, data):
    if len(data) >= 2 and data[0] == data[-1] and data[0] in b'"\'':
        data = data[1:-1]
    else:
        raise UnpicklingError("the STRING opcode argument must be quoted")
    return self._decode_string(_codecs.escape_decode(data)[0])


_HELPERS = (_instantiate, _build, _get_extension, _next_buffer, _readonly_buffer,
            _newobj_ex, _unicode0, _string0, int, float, UnpicklingError)


class _Empty:
    def read(self, n=-1):
        return b''

    def readline(self):
        return b''

    def readinto(self, b):
        return 0


_EMPTY = _Empty()

_LAZY = ('Pickler', 'Unpickler', 'dump', 'dumps', 'load', 'loads')


def __getattr__(name):
    # The Lib's pickle.py imports this module near its top (for PickleBuffer) and takes
    # Pickler & co. at its end, when its _Pickler and _Unpickler exist: they are made on
    # that first access (PEP 562), from the finished or partially initialised pickle.
    if name in _LAZY:
        _make()
        return globals()[name]
    raise AttributeError(f"module '_pickle' has no attribute '{name}'")


def _make():
    if 'Pickler' in globals():
        return
    import pickle as _p
    _Pickler = _p._Pickler
    _Unpickler = _p._Unpickler
    _pickler_save = _Pickler.save
    _pickler_pid = _Pickler.persistent_id

    class Pickler(_Pickler):
        __module__ = '_pickle'
        __qualname__ = 'Pickler'

        def __init__(self, file, protocol=None, *, fix_imports=True, buffer_callback=None):
            _Pickler.__init__(self, file, protocol, fix_imports=fix_imports,
                              buffer_callback=buffer_callback)
            self.framer = _Out(self._file_write)
            self.write = self.framer.write
            self._write_large_bytes = self.framer.write_large_bytes

        def dump(self, obj):
            if not hasattr(self, "_file_write"):
                raise PicklingError("Pickler.__init__() was not called by "
                                    "%s.__init__()" % (self.__class__.__name__,))
            self.framer.reset()
            cls = type(self)
            self._native = (not self.fast
                            and getattr(cls, 'persistent_id', None) is _pickler_pid
                            and 'persistent_id' not in getattr(self, '__dict__', ())
                            and getattr(self, 'reducer_override', _NoValue) is _NoValue
                            and getattr(cls, 'save', None) is Pickler.save)
            _Pickler.dump(self, obj)

        def save(self, obj, save_persistent_id=True):
            if save_persistent_id and self._native:
                _save(self.framer, self.memo, self.proto, obj, self, _pickler_save)
            else:
                _pickler_save(self, obj, save_persistent_id)

        _native = False

    class Unpickler(_Unpickler):
        __module__ = '_pickle'
        __qualname__ = 'Unpickler'

        def load(self):
            if not hasattr(self, "_file_read"):
                raise UnpicklingError("Unpickler.__init__() was not called by "
                                      "%s.__init__()" % (self.__class__.__name__,))
            data = self.__dict__.pop('_data', None)
            if data is not None:
                return _load(self, None, None, data, _HELPERS)
            return _load(self, self._file_read, self._file_readline, None, _HELPERS)

    def dump(obj, file, protocol=None, *, fix_imports=True, buffer_callback=None):
        Pickler(file, protocol, fix_imports=fix_imports,
                buffer_callback=buffer_callback).dump(obj)

    def dumps(obj, protocol=None, *, fix_imports=True, buffer_callback=None):
        f = _p.io.BytesIO()
        Pickler(f, protocol, fix_imports=fix_imports,
                buffer_callback=buffer_callback).dump(obj)
        return f.getvalue()

    def load(file, *, fix_imports=True, encoding="ASCII", errors="strict", buffers=()):
        return Unpickler(file, fix_imports=fix_imports, buffers=buffers,
                         encoding=encoding, errors=errors).load()

    def loads(data, /, *, fix_imports=True, encoding="ASCII", errors="strict", buffers=()):
        if isinstance(data, str):
            raise TypeError("a bytes-like object is required, not 'str'")
        u = Unpickler(_EMPTY, fix_imports=fix_imports, buffers=buffers,
                      encoding=encoding, errors=errors)
        u._data = bytes(data) if type(data) is not bytes else data
        return u.load()

    made = locals()
    g = globals()
    for name in _LAZY:
        made[name].__qualname__ = name
        g[name] = made[name]
