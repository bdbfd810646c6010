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
from collections.abc import Iterator as _Iterator


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


def _pickler_memo_ok(k, v):
    return True


def _unpickler_memo_ok(k, v):
    if not isinstance(k, int) or k < 0:
        raise ValueError("memo key must be positive integers.")
    return True


def _pairs(items):
    for x in items:
        if type(x) is not tuple or len(x) != 2:
            raise ValueError("dict items iterator must return 2-tuples")
        yield x


def _memo_arg(value, proxy, check):
    # CPython's memo proxies are views of the C memo; here the memo is the dict itself.
    if not isinstance(value, dict):
        article = 'an' if proxy[0] == 'U' else 'a'
        raise TypeError(f"'memo' attribute must be {article} {proxy} object or dict, "
                        f"not {type(value).__name__}")
    for k, v in value.items():
        check(k, v)
    return value


def _int_attr(value):
    # CPython's Pickler.bin and .fast are C ints.
    if not isinstance(value, int):
        raise TypeError(f"'{type(value).__name__}' object cannot be interpreted as an integer")
    if not -2**31 <= value < 2**31:
        raise OverflowError("Python int too large to convert to C int")
    return int(value)


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
    _pickler_save_reduce = _Pickler.save_reduce
    _T = _p._T

    class Pickler(_Pickler):
        __module__ = '_pickle'
        __qualname__ = 'Pickler'

        def __init__(self, file, protocol=None, *, fix_imports=True, buffer_callback=None):
            if self._running:
                raise RuntimeError("Pickler.__init__() called while the pickler is dumping")
            _Pickler.__init__(self, file, protocol, fix_imports=fix_imports,
                              buffer_callback=buffer_callback)
            self.framer = _Out(self._file_write)
            self.write = self.framer.write
            self._write_large_bytes = self.framer.write_large_bytes

        def dump(self, obj):
            if not hasattr(self, "_file_write"):
                raise PicklingError("Pickler.__init__() was not called by "
                                    "%s.__init__()" % (self.__class__.__name__,))
            if self._running:
                raise RuntimeError("Pickler.dump() called while the pickler is dumping")
            self.framer.reset()
            cls = type(self)
            self._native = (not self.fast
                            and getattr(cls, 'persistent_id', None) is _pickler_pid
                            and 'persistent_id' not in getattr(self, '__dict__', ())
                            and getattr(self, 'reducer_override', _NoValue) is _NoValue
                            and getattr(cls, 'save', None) is Pickler.save)
            self._running = True
            try:
                _Pickler.dump(self, obj)
            finally:
                self._running = False

        def save_reduce(self, func, args, state=None, listitems=None, dictitems=None,
                        state_setter=None, *, obj=None):
            # CPython's _pickle checks more than the Lib's _Pickler does.
            if callable(func) and isinstance(args, tuple):
                if self.proto >= 2 and getattr(func, "__name__", "") == "__newobj_ex__":
                    if len(args) != 3:
                        raise PicklingError("__newobj_ex__ expected 3 arguments, "
                                            f"got {len(args)}")
                    if not isinstance(args[1], tuple):
                        raise PicklingError("second argument to __newobj_ex__() must be "
                                            f"a tuple, not {_T(args[1])}")
                    if not isinstance(args[2], dict):
                        raise PicklingError("third argument to __newobj_ex__() must be "
                                            f"a dict, not {_T(args[2])}")
                if listitems is not None and not isinstance(listitems, _Iterator):
                    raise PicklingError("fourth item of the tuple returned by __reduce__ "
                                        f"must be an iterator, not {_T(listitems)}")
                if dictitems is not None:
                    if not isinstance(dictitems, _Iterator):
                        raise PicklingError("fifth item of the tuple returned by __reduce__ "
                                            f"must be an iterator, not {_T(dictitems)}")
                    dictitems = _pairs(dictitems)
                if state_setter is not None and not callable(state_setter):
                    raise PicklingError("sixth item of the tuple returned by __reduce__ "
                                        f"must be callable, not {_T(state_setter)}")
            _pickler_save_reduce(self, func, args, state, listitems, dictitems,
                                 state_setter, obj=obj)

        def save(self, obj, save_persistent_id=True):
            if save_persistent_id and self._native:
                _save(self.framer, self.memo, self.proto, obj, self, _pickler_save)
            else:
                _pickler_save(self, obj, save_persistent_id)

        _native = False
        _running = False

        @property
        def memo(self):
            return self._memo

        @memo.setter
        def memo(self, value):
            self._memo = _memo_arg(value, 'PicklerMemoProxy', _pickler_memo_ok)

        @memo.deleter
        def memo(self):
            raise TypeError("attribute deletion is not supported")

        @property
        def bin(self):
            return self._bin

        @bin.setter
        def bin(self, value):
            self._bin = _int_attr(value)

        @bin.deleter
        def bin(self):
            raise TypeError("can't delete numeric/char attribute")

        @property
        def fast(self):
            return self._fast

        @fast.setter
        def fast(self, value):
            self._fast = _int_attr(value)

        @fast.deleter
        def fast(self):
            raise TypeError("can't delete numeric/char attribute")

    class Unpickler(_Unpickler):
        __module__ = '_pickle'
        __qualname__ = 'Unpickler'

        _running = False

        def __init__(self, file, *, fix_imports=True, encoding="ASCII", errors="strict",
                     buffers=()):
            if self._running:
                raise RuntimeError("Unpickler.__init__() called while the unpickler is "
                                   "loading")
            _Unpickler.__init__(self, file, fix_imports=fix_imports, encoding=encoding,
                                errors=errors, buffers=buffers)

        def load(self):
            if not hasattr(self, "_file_read"):
                raise UnpicklingError("Unpickler.__init__() was not called by "
                                      "%s.__init__()" % (self.__class__.__name__,))
            if self._running:
                raise RuntimeError("Unpickler.load() called while the unpickler is loading")
            self._running = True
            try:
                return _load(self, self._file_read, self._file_readline, None, _HELPERS,
                             None)
            finally:
                self._running = False

        @property
        def memo(self):
            return self._memo

        @memo.setter
        def memo(self, value):
            self._memo = _memo_arg(value, 'UnpicklerMemoProxy', _unpickler_memo_ok)

        @memo.deleter
        def memo(self):
            raise TypeError("attribute deletion is not supported")

    def dump(obj, file, protocol=None, *, fix_imports=True, buffer_callback=None):
        Pickler(file, protocol, fix_imports=fix_imports,
                buffer_callback=buffer_callback).dump(obj)

    def dumps(obj, protocol=None, *, fix_imports=True, buffer_callback=None):
        if buffer_callback is None and (protocol is None or type(protocol) is int
                                        and 0 <= protocol <= 5):
            # No Pickler object until an object other than the core types needs one.
            proto = 5 if protocol is None else protocol

            def upgrade(memo):
                f = _p.io.BytesIO()
                p = Pickler(f, proto, fix_imports=fix_imports)
                p.memo = memo
                p._native = True
                return p, p.framer, _pickler_save, f
            data = _dumps_fast(obj, proto, upgrade)
            if data is not None:
                return data
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
        if type(data) is not bytes:
            data = bytes(data)

        def make():
            return Unpickler(_EMPTY, fix_imports=fix_imports, buffers=buffers,
                             encoding=encoding, errors=errors)
        return _load(None, None, None, data, _HELPERS, make)

    made = locals()
    g = globals()
    for name in _LAZY:
        made[name].__qualname__ = name
        g[name] = made[name] if name[0].isupper() else _builtin(name, made[name])
