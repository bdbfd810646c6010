"""gilvm's import objects: module specs, loaders and the default finders.

gilvm imports in Rust (crates/gilvm-vm/src/import.rs): a search of sys.modules, the native
modules, the modules shipped in the binary and sys.path, with no Python code on the way.
What this module adds is what Python code sees of that machinery, with the attributes and
methods that CPython's importlib gives them, so that the standard library's importlib
(importlib.util.find_spec, import_module, module_from_spec, runpy, pkgutil, ...) works on
them:

- every imported module has ``__spec__`` (a ModuleSpec) and ``__loader__``;
- ``sys.meta_path`` holds BuiltinImporter and PathFinder; the Rust import recognises them
  and searches natively, and calls any other finder put on sys.meta_path, in order;
- PathFinder.find_spec and the loaders call back into the Rust search (``_imp``), so that
  both paths find the same files (also inside the standard library embedded in the binary).
"""

import sys
import _imp


class ModuleSpec:
    """The import-related facts of a module (importlib.machinery.ModuleSpec)."""

    def __init__(self, name, loader, *, origin=None, loader_state=None, is_package=None):
        self.name = name
        self.loader = loader
        self.origin = origin
        self.loader_state = loader_state
        self.submodule_search_locations = [] if is_package else None
        self._uninitialized_submodules = []
        self._set_fileattr = False
        self._cached = None

    def __repr__(self):
        args = [f'name={self.name!r}', f'loader={self.loader!r}']
        if self.origin is not None:
            args.append(f'origin={self.origin!r}')
        if self.submodule_search_locations is not None:
            args.append(f'submodule_search_locations={self.submodule_search_locations}')
        return f'{self.__class__.__name__}({", ".join(args)})'

    def __eq__(self, other):
        smsl = self.submodule_search_locations
        try:
            return (self.name == other.name and self.loader == other.loader
                    and self.origin == other.origin and smsl == other.submodule_search_locations
                    and self.cached == other.cached and self.has_location == other.has_location)
        except AttributeError:
            return NotImplemented

    @property
    def cached(self):
        return self._cached

    @cached.setter
    def cached(self, cached):
        self._cached = cached

    @property
    def parent(self):
        if self.submodule_search_locations is None:
            return self.name.rpartition('.')[0]
        return self.name

    @property
    def has_location(self):
        return self._set_fileattr

    @has_location.setter
    def has_location(self, value):
        self._set_fileattr = bool(value)


class BuiltinImporter:
    """Finds and loads the modules written in Rust (CPython's built-in modules)."""

    _ORIGIN = 'built-in'

    def __repr__(self):
        return "<class 'BuiltinImporter'>"

    @classmethod
    def find_spec(cls, fullname, path=None, target=None):
        if _imp.is_builtin(fullname):
            return ModuleSpec(fullname, cls, origin=cls._ORIGIN)
        return None

    @staticmethod
    def create_module(spec):
        return _imp.create_builtin(spec)

    @staticmethod
    def exec_module(module):
        pass

    @classmethod
    def is_package(cls, fullname):
        return False

    @classmethod
    def get_code(cls, fullname):
        return None

    @classmethod
    def get_source(cls, fullname):
        return None


class FrozenImporter:
    """Finds the Python modules of gilvm's own that are shipped in the binary."""

    _ORIGIN = 'frozen'

    @classmethod
    def find_spec(cls, fullname, path=None, target=None):
        found = _imp._gilvm_find_frozen(fullname)
        if found is None:
            return None
        return ModuleSpec(fullname, cls, origin=cls._ORIGIN, is_package=found)

    @staticmethod
    def create_module(spec):
        return None

    @staticmethod
    def exec_module(module):
        name = module.__spec__.name
        source = _imp._gilvm_frozen_source(name)
        exec(compile(source, f'<frozen {name}>', 'exec', dont_inherit=True), module.__dict__)

    @classmethod
    def is_package(cls, fullname):
        return bool(_imp._gilvm_find_frozen(fullname))

    @classmethod
    def get_source(cls, fullname):
        return _imp._gilvm_frozen_source(fullname)


class SourceFileLoader:
    """Loads a module from a .py file (on disk, or in the standard library embedded in the
    binary)."""

    def __init__(self, fullname, path):
        self.name = fullname
        self.path = path

    def __eq__(self, other):
        return (self.__class__ == other.__class__ and
                self.__dict__ == other.__dict__)

    def __hash__(self):
        return hash(self.name) ^ hash(self.path)

    def __repr__(self):
        return f'<{self.__class__.__name__} object for {self.name!r}>'

    def get_filename(self, fullname=None):
        return self.path

    def get_data(self, path):
        return _imp._gilvm_read(path)

    def is_package(self, fullname):
        filename = self.path.rpartition('/')[2]
        return filename.rpartition('.')[0] == '__init__'

    def get_source(self, fullname):
        data = self.get_data(self.path)
        import io
        return io.TextIOWrapper(io.BytesIO(data), encoding=_source_encoding(data),
                                newline=None).read() if _needs_decoder(data) else data.decode()

    def source_to_code(self, data, path, *, _optimize=-1):
        return compile(data, path, 'exec', dont_inherit=True, optimize=_optimize)

    def get_code(self, fullname):
        return self.source_to_code(self.get_data(self.path), self.path)

    def create_module(self, spec):
        return None

    def exec_module(self, module):
        code = self.get_code(module.__name__)
        exec(code, module.__dict__)

    def load_module(self, fullname):
        raise ImportError('load_module() is not supported by gilvm; use exec_module()',
                          name=fullname)

    def get_resource_reader(self, fullname):
        # importlib.resources: the files next to the module (CPython's FileLoader).
        from importlib.readers import FileReader
        return FileReader(self)


def _needs_decoder(data):
    # A coding cookie in the first two lines, or a BOM: let io decode.
    head = data[:200]
    return b'coding' in head or head.startswith(b'\xef\xbb\xbf')


def _source_encoding(data):
    import re
    for line in data.splitlines()[:2]:
        m = re.match(rb'^[ \t\f]*#.*?coding[:=][ \t]*([-\w.]+)', line)
        if m:
            return m.group(1).decode('ascii')
    return 'utf-8-sig'


class NamespaceLoader:
    """The loader of a namespace package (a directory without __init__.py)."""

    def __init__(self, name, path, path_finder=None):
        self._path = path

    def is_package(self, fullname):
        return True

    def get_source(self, fullname):
        return ''

    def get_code(self, fullname):
        return compile('', '<string>', 'exec', dont_inherit=True)

    def create_module(self, spec):
        return None

    def exec_module(self, module):
        pass

    def get_resource_reader(self, module):
        return None


def spec_from_file_location(name, location, *, is_package=False):
    loader = SourceFileLoader(name, location)
    spec = ModuleSpec(name, loader, origin=location, is_package=is_package)
    spec._set_fileattr = True
    if is_package:
        spec.submodule_search_locations = [location.rpartition('/')[0]]
    return spec


class PathFinder:
    """Finds modules on sys.path or a package's __path__ (the search gilvm does in Rust)."""

    @classmethod
    def invalidate_caches(cls):
        for finder in list(sys.path_importer_cache.values()):
            if finder is not None and hasattr(finder, 'invalidate_caches'):
                finder.invalidate_caches()

    @classmethod
    def find_spec(cls, fullname, path=None, target=None):
        found = _imp._gilvm_find_path(fullname, path)
        if found is None:
            return None
        kind, location = found
        if kind == 'namespace':
            spec = ModuleSpec(fullname, None, is_package=True)
            spec.submodule_search_locations = list(location)
            return spec
        if kind == 'spec':
            return location
        return spec_from_file_location(fullname, location, is_package=(kind == 'package'))


def _spec_for(name, kind, location):
    """The spec the Rust import gives a module it loaded itself."""
    if kind == 'builtin':
        return ModuleSpec(name, BuiltinImporter, origin='built-in')
    if kind == 'frozen':
        return ModuleSpec(name, FrozenImporter, origin='frozen', is_package=location)
    if kind == 'namespace':
        spec = ModuleSpec(name, NamespaceLoader(name, location), is_package=True)
        spec.submodule_search_locations = location
        return spec
    return spec_from_file_location(name, location, is_package=(kind == 'package'))


def _load(spec):
    """Loads a module from a spec found by a finder of sys.meta_path (or a path hook)."""
    loader = spec.loader
    module = None
    if loader is not None and hasattr(loader, 'create_module'):
        module = loader.create_module(spec)
    if module is None:
        module = type(sys)(spec.name)
    module.__spec__ = spec
    module.__loader__ = loader
    module.__package__ = spec.parent
    if spec.submodule_search_locations is not None:
        module.__path__ = spec.submodule_search_locations
    if spec.has_location and spec.origin is not None:
        module.__file__ = spec.origin
    sys.modules[spec.name] = module
    try:
        if loader is None:
            pass
        elif hasattr(loader, 'exec_module'):
            loader.exec_module(module)
        else:
            loader.load_module(spec.name)
    except BaseException:
        sys.modules.pop(spec.name, None)
        raise
    return sys.modules[spec.name]
