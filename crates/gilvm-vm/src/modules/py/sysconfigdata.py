"""gilvm's build-time configuration, for `sysconfig`.

CPython generates this module when it is built (its name carries `sys.abiflags`, the
platform and the multiarch triplet) with the variables of its Makefile and pyconfig.h;
`sysconfig.get_config_var()` reads them. gilvm is not built by a Makefile and loads no C
extension modules, so only the variables that describe it are here: what the standard
library and CPython's test support ask (`Py_GIL_DISABLED`, `Py_DEBUG`, `SOABI`, the
directories, ...). The others are None, as an unset variable is on CPython.
"""
import sys

_prefix = sys.prefix
_multiarch = sys.implementation._multiarch
_version = '%d.%d' % sys.version_info[:2]
_abiflags = sys.abiflags
_soabi = 'gilvm-%d%d%s-%s' % (sys.version_info[0], sys.version_info[1], _abiflags,
                              _multiarch)

build_time_vars = {
    'ABIFLAGS': _abiflags,
    'BINDIR': _prefix + '/bin',
    'CC': 'cc',
    'CCSHARED': '',
    'CFLAGS': '',
    'CONFIG_ARGS': '',
    'EXE': '',
    'EXT_SUFFIX': '.' + _soabi + '.so',
    'HAVE_DYNAMIC_LOADING': 0,
    'HAVE_FORK': 1,
    'HOST_GNU_TYPE': _multiarch,
    'INCLUDEPY': _prefix + '/include/python' + _version + _abiflags,
    'LDFLAGS': '',
    'LDLIBRARY': '',
    'LIBDEST': _prefix + '/lib/python' + _version,
    'LIBDIR': _prefix + '/lib',
    'MACHDEP': sys.platform,
    'MULTIARCH': _multiarch,
    'PY_CFLAGS': '',
    'PY_CFLAGS_NODIST': '',
    'PY_CORE_CFLAGS': '',
    'PY_LDFLAGS_NODIST': '',
    'PY_STDMODULE_CFLAGS': '',
    'Py_DEBUG': 0,
    'Py_ENABLE_SHARED': 0,
    'Py_GIL_DISABLED': 1 if 't' in _abiflags else 0,
    'Py_REF_DEBUG': 0,
    'Py_STATS': 0,
    'Py_TRACE_REFS': 0,
    'SHLIB_SUFFIX': '.so',
    'SOABI': _soabi,
    'TZPATH': '/usr/share/zoneinfo:/usr/lib/zoneinfo:/usr/share/lib/zoneinfo:/etc/zoneinfo',
    'VERSION': _version,
    'WITH_DOC_STRINGS': 1,
    'WITH_PYMALLOC': 0,
    'prefix': _prefix,
    'exec_prefix': _prefix,
}
