# The Lib's `re` for the re_*/sre_* corpus programs. `import re` when it works; otherwise
# (while gilvm cannot import `enum`, which `re/__init__.py` needs) the Lib's own
# re/_constants.py, _casefix.py, _parser.py and _compiler.py, run unchanged in a stand-in
# for the package `re`, with the few module-level wrappers of `re/__init__.py` the programs
# use. Either way the compiled patterns are `_sre`'s.
import sys

try:
    import re
except ImportError:
    for _k in [k for k in sys.modules if k == 're' or k.startswith('re.')]:
        del sys.modules[_k]
    _dir = None
    for _p in sys.path:
        try:
            open(_p + '/re/_compiler.py').close()
            _dir = _p + '/re'
            break
        except OSError:
            pass
    # Plain objects stand for the package and its modules (gilvm cannot yet instantiate
    # the module type); `from ._constants import *` is served by giving every module the
    # constants up front.
    class _Module:
        pass
    re = _Module()
    re.__name__ = 're'
    re.__path__ = [_dir]
    re.__package__ = 're'
    sys.modules['re'] = re
    _consts = {}
    for _name in ('_constants', '_casefix', '_parser', '_compiler'):
        _m = _Module()
        _m.__dict__.update(_consts)
        _m.__name__ = 're.' + _name
        _m.__package__ = 're'
        _m.__file__ = _dir + '/' + _name + '.py'
        sys.modules['re.' + _name] = _m
        with open(_m.__file__) as _f:
            exec(compile(_f.read(), _m.__file__, 'exec'), _m.__dict__)
        if _name == '_constants':
            _consts = {k: v for k, v in _m.__dict__.items() if not k.startswith('_')}
        setattr(re, _name, _m)
    import _sre
    _c = re._compiler
    re.error = re._constants.error
    re.I = re.IGNORECASE = 2
    re.L = re.LOCALE = 4
    re.M = re.MULTILINE = 8
    re.S = re.DOTALL = 16
    re.U = re.UNICODE = 32
    re.X = re.VERBOSE = 64
    re.A = re.ASCII = 256
    _cache = {}

    def _compile(pattern, flags=0):
        if isinstance(pattern, re.Pattern):
            return pattern
        key = (type(pattern), pattern, flags)
        p = _cache.get(key)
        if p is None:
            p = _cache[key] = _c.compile(pattern, flags)
        return p

    def _compile_template(pattern, repl):
        return _sre.template(pattern, re._parser.parse_template(repl, pattern))

    re._compile = _compile
    re._compile_template = _compile_template
    re.compile = _compile
    re.match = lambda p, s, flags=0: _compile(p, flags).match(s)
    re.fullmatch = lambda p, s, flags=0: _compile(p, flags).fullmatch(s)
    re.search = lambda p, s, flags=0: _compile(p, flags).search(s)
    re.sub = lambda p, r, s, count=0, flags=0: _compile(p, flags).sub(r, s, count)
    re.subn = lambda p, r, s, count=0, flags=0: _compile(p, flags).subn(r, s, count)
    re.split = lambda p, s, maxsplit=0, flags=0: _compile(p, flags).split(s, maxsplit)
    re.findall = lambda p, s, flags=0: _compile(p, flags).findall(s)
    re.finditer = lambda p, s, flags=0: _compile(p, flags).finditer(s)
    re.Pattern = type(_c.compile('', 0))
    re.Match = type(_c.compile('', 0).match(''))
