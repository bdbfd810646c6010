# _stat (the C module under stat.py): constants, S_IS* tests, S_IMODE/S_IFMT, filemode.
import _stat
import os
import stat
import tempfile

names = sorted(k for k in dir(_stat) if not k.startswith('__'))
print(names)
for k in names:
    v = getattr(_stat, k)
    if isinstance(v, int):
        print(k, v, getattr(stat, k) == v)
print(stat.S_ISDIR is _stat.S_ISDIR, stat.filemode is _stat.filemode)
modes = [0o100644, 0o040755, 0o120777, 0o020666, 0o060660, 0o010600, 0o140755,
         0o104755, 0o102755, 0o041777, 0o041776, 0o106644, 0o170777, 0o7777, 0, 0o177777]
for m in modes:
    print(oct(m), _stat.filemode(m), _stat.S_IMODE(m), _stat.S_IFMT(m),
          [f.__name__ for f in (_stat.S_ISDIR, _stat.S_ISCHR, _stat.S_ISBLK, _stat.S_ISREG,
                                _stat.S_ISFIFO, _stat.S_ISLNK, _stat.S_ISSOCK, _stat.S_ISDOOR,
                                _stat.S_ISPORT, _stat.S_ISWHT) if f(m)])
with tempfile.TemporaryDirectory() as d:
    p = os.path.join(d, 'f')
    with open(p, 'w') as f:
        f.write('x')
    os.chmod(p, 0o640)
    st = os.stat(p)
    print(stat.filemode(st.st_mode), stat.S_ISREG(st.st_mode), stat.S_ISDIR(os.stat(d).st_mode))
    os.symlink(p, p + 'l')
    print(stat.filemode(os.lstat(p + 'l').st_mode)[0])
for a in ['x', -1, 2**70, 2**40, 1.5, None]:
    for f in (_stat.S_ISDIR, _stat.S_IMODE, _stat.filemode):
        try:
            print(f(a))
        except Exception as e:
            print(type(e).__name__, e)
try:
    _stat.S_ISDIR()
except TypeError as e:
    print(e)
