# gilvm's start-up step `site` (main_program.rs imports this module unless -S).
#
# It runs the standard library's own site.py, with one correction: the Lib gilvm embeds
# is RustPython's copy of CPython's, whose site.py names the site-packages directories
# after RustPython ('<prefix>/lib/rustpython3.14/site-packages'). The file is left as it
# is; its module is imported without running its main() (as under -S), the two functions
# that make those names are replaced by CPython's computations ('python3.14'), and main()
# then runs as CPython's start-up runs it.
import sys


def _get_implementation():
    return 'Python'


def _get_path(userbase):
    version = sys.version_info
    abi_thread = 't' if 't' in getattr(sys, 'abiflags', '') else ''
    return f'{userbase}/lib/python{version[0]}.{version[1]}{abi_thread}/site-packages'


def run(has_path0):
    # sys.path[0] is CPython's to compute after site: site.main() makes every entry
    # absolute ('' for -c would become the current directory).
    path0 = sys.path.pop(0) if has_path0 and sys.path else None
    try:
        _run()
    finally:
        if path0 is not None:
            sys.path.insert(0, path0)


def _run():
    flags = sys.flags
    fields = list(flags)
    fields[6] = 1  # no_site: site.py's module body does not call main()
    sys.flags = type(flags)(*fields)
    try:
        import site
    finally:
        sys.flags = flags
    site._get_implementation = _get_implementation
    site._get_path = _get_path
    site.main()
