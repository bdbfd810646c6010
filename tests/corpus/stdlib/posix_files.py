# The posix module's file-system calls: stat results, directory listing, descriptors,
# renames and links, and the OSError subclasses they raise (run in a fresh directory).
import posix
import errno

SEEK_CUR, SEEK_END = 1, 2  # os.py defines them; posix does not

base = "/tmp/gilvm_posix_files_%d" % posix.getpid()
posix.mkdir(base)
posix.chdir(base)
print(posix.getcwd() == base, posix.getcwdb() == base.encode())

# open/write/read/close, lseek, fstat
fd = posix.open("a.txt", posix.O_WRONLY | posix.O_CREAT | posix.O_TRUNC, 0o644)
print(type(fd).__name__, posix.write(fd, b"hello world"), posix.get_inheritable(fd))
posix.close(fd)
fd = posix.open("a.txt", posix.O_RDONLY)
print(posix.read(fd, 5), posix.lseek(fd, 0, SEEK_CUR), posix.read(fd, 100), posix.read(fd, 10))
print(posix.lseek(fd, -5, SEEK_END), posix.read(fd, 3))
st = posix.fstat(fd)
posix.close(fd)
print(st.st_size, oct(st.st_mode & 0o777), st.st_mode >> 12 == 0o10, st.st_nlink)

# stat_result: ten items, float and ns times as attributes
s = posix.stat("a.txt")
print(type(s).__name__, type(s).__module__, len(s), s.n_fields, s.n_sequence_fields, s.n_unnamed_fields)
print(s[6], s.st_size, s[0] == s.st_mode, isinstance(s, tuple), s[7] == int(s.st_atime))
print(type(s.st_mtime).__name__, type(s.st_mtime_ns).__name__, s.st_mtime_ns // 10**9 == s[8])
print(s.st_blksize > 0, s.st_blocks >= 0, type(s.st_rdev).__name__)
print(repr(s).startswith("os.stat_result(st_mode="), repr(s).count("="), "st_atime=" in repr(s))
r = posix.stat_result(range(10))
print(r, r.st_atime, r.st_blksize)
r = posix.stat_result(tuple(range(13)))
print(r.st_atime, r.st_mtime, r.st_ctime, r.st_atime_ns)
for bad in [(1, 2), tuple(range(20))]:
    try:
        posix.stat_result(bad)
    except TypeError as e:
        print("TypeError:", e)

# utime with ns, then stat reads the times back
posix.utime("a.txt", ns=(1_500_000_000_123_456_789, 1_600_000_000_987_654_321))
s = posix.stat("a.txt")
print(s.st_atime_ns, s.st_mtime_ns, s[8], s.st_mtime)
posix.utime("a.txt", (1000, 2000.5))
s = posix.stat("a.txt")
print(s.st_atime, s.st_mtime, s.st_mtime_ns)

# chmod and access
posix.chmod("a.txt", 0o600)
print(oct(posix.stat("a.txt").st_mode & 0o777), posix.access("a.txt", posix.R_OK), posix.access("nope", posix.F_OK))

# directories, listdir (str and bytes), scandir
posix.mkdir("sub")
posix.mkdir("sub/inner", 0o755)
fd = posix.open("sub/f.py", posix.O_WRONLY | posix.O_CREAT, 0o644)
posix.close(fd)
posix.symlink("a.txt", "link")
print(sorted(posix.listdir()), sorted(posix.listdir("sub")), sorted(posix.listdir(b".")))
print(posix.readlink("link"), posix.readlink(b"link"), posix.lstat("link").st_mode >> 12 == 0o12)
with posix.scandir(".") as it:
    entries = sorted(it, key=lambda e: e.name)
for e in entries:
    print(repr(e), e.name, e.path, e.is_dir(), e.is_file(), e.is_symlink(), e.is_file(follow_symlinks=False))
    print("  ", e.stat().st_size == posix.stat(e.path).st_size, e.inode() == posix.lstat(e.path).st_ino)
print(type(entries[0]).__name__, posix.fspath(entries[0]))
print([e.name for e in posix.scandir(b"sub")].__class__, sorted(e.name for e in posix.scandir(b"sub")))
print(sorted(e.path for e in posix.scandir("sub")))
print(sorted(e.name for e in posix.scandir()))

# path-like objects
class P:
    def __init__(self, p):
        self.p = p
    def __fspath__(self):
        return self.p
    def __repr__(self):
        return "P(%r)" % (self.p,)
print(posix.fspath(P("x")), posix.fspath(P(b"y")), posix.stat(P("a.txt")).st_size)
for bad in [P(3), 3.5, None]:
    try:
        print(posix.fspath(bad))
    except TypeError as e:
        print("TypeError:", e)

# rename, replace, link, unlink, rmdir
posix.rename("a.txt", "b.txt")
posix.link("b.txt", "c.txt")
print(posix.stat("b.txt").st_nlink, sorted(posix.listdir()))
posix.replace("c.txt", "b.txt")  # two links to one file: rename does nothing
posix.unlink("link")
posix.remove("sub/f.py")
posix.rmdir("sub/inner")
posix.rmdir("sub")
print(sorted(posix.listdir()))

# errors: the subclass by errno, with filename (and filename2)
def fails(f, *args):
    try:
        f(*args)
    except OSError as e:
        print(type(e).__name__, e.errno == getattr(errno, errno.errorcode[e.errno]), errno.errorcode[e.errno], e)
        print("   ", e.args, repr(e.filename), repr(e.filename2))
fails(posix.stat, "missing")
fails(posix.stat, b"missing")
fails(posix.mkdir, "b.txt")
fails(posix.listdir, "b.txt")
fails(posix.rmdir, "b.txt")
fails(posix.rename, "missing", "other")
fails(posix.open, "missing/x", posix.O_RDONLY)
fails(posix.close, 9999)
fails(posix.read, 9999, 1)
fails(posix.unlink, P("missing"))
fails(posix.readlink, "b.txt")
posix.mkdir("d")
fails(posix.open, "d", posix.O_WRONLY)
fails(posix.rmdir, ".")

# argument errors
for f, args in [(posix.stat, ()), (posix.stat, ("a", "b")), (posix.stat, ([],)),
                (posix.listdir, ([],)), (posix.mkdir, ("a\0b",)), (posix.read, (1,)),
                (posix.close, ("x",)), (posix.open, ("x",)), (posix.readlink, (3,))]:
    try:
        f(*args)
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
try:
    posix.stat("b.txt", x=1)
except TypeError as e:
    print("TypeError", e)

# pipes and descriptor flags
r, w = posix.pipe()
print(posix.get_inheritable(r), posix.get_blocking(r))
posix.set_inheritable(r, True)
posix.set_blocking(r, False)
print(posix.get_inheritable(r), posix.get_blocking(r))
try:
    posix.read(r, 1)
except BlockingIOError as e:
    print("BlockingIOError", e.errno == errno.EAGAIN)
posix.write(w, b"xyz")
d = posix.dup(r)
print(posix.read(d, 10), posix.isatty(r), d != r)
d2 = posix.dup2(w, d)
print(d2 == d, posix.get_inheritable(d2))
for x in (r, w, d):
    posix.close(x)

# truncate / ftruncate
fd = posix.open("b.txt", posix.O_RDWR)
posix.ftruncate(fd, 3)
posix.close(fd)
print(posix.stat("b.txt").st_size)
posix.truncate("b.txt", 1)
print(posix.stat("b.txt").st_size)

# clean up
posix.rmdir("d")
posix.unlink("b.txt")
posix.unlink("c.txt")
posix.chdir("/")
posix.rmdir(base)
print(posix.access(base, posix.F_OK))
