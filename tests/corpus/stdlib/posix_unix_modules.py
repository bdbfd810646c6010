# pwd, grp, resource, fcntl and select: the Unix modules beside posix.
import posix
import pwd
import grp
import resource
import fcntl
import select

root = pwd.getpwuid(0)
print(type(root).__name__, type(root).__module__, len(root), root.pw_uid, root[2], root.pw_name == root[0])
print(pwd.getpwnam(root.pw_name) == root, root in pwd.getpwall(), pwd.struct_passwd.n_fields)
for f, arg in [(pwd.getpwuid, 123456789), (pwd.getpwnam, "no_such_user_gilvm"), (pwd.getpwuid, "x"),
               (grp.getgrgid, 123456789), (grp.getgrnam, "no_such_group_gilvm")]:
    try:
        f(arg)
    except (KeyError, TypeError) as e:
        print(type(e).__name__, e)
g = grp.getgrgid(0)
print(type(g).__name__, len(g), g.gr_gid, type(g.gr_mem).__name__, grp.getgrnam(g.gr_name).gr_gid)
print(any(x.gr_gid == 0 for x in grp.getgrall()))

soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
print(type(soft).__name__, soft <= hard or hard == resource.RLIM_INFINITY, resource.RLIM_INFINITY)
resource.setrlimit(resource.RLIMIT_NOFILE, (soft, hard))
print(resource.getrlimit(resource.RLIMIT_NOFILE) == (soft, hard))
try:
    resource.getrlimit(999)
except ValueError as e:
    print("ValueError", e)
try:
    resource.setrlimit(resource.RLIMIT_NOFILE, (1,))
except ValueError as e:
    print("ValueError", e)
u = resource.getrusage(resource.RUSAGE_SELF)
print(type(u).__name__, len(u), type(u.ru_utime).__name__, u.ru_maxrss > 0, resource.getpagesize() > 0)
print(resource.error is OSError)

# fcntl on a pipe
r, w = posix.pipe()
fl = fcntl.fcntl(r, fcntl.F_GETFL)
fcntl.fcntl(r, fcntl.F_SETFL, fl | posix.O_NONBLOCK)
print(fcntl.fcntl(r, fcntl.F_GETFL) & posix.O_NONBLOCK != 0, fcntl.fcntl(r, fcntl.F_GETFD) & fcntl.FD_CLOEXEC)
class F:
    def fileno(self):
        return w
print(fcntl.fcntl(F(), fcntl.F_GETFD) & fcntl.FD_CLOEXEC)
for bad in ["x", -1]:
    try:
        fcntl.fcntl(bad, fcntl.F_GETFD)
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)

# select and poll
print(select.select([r], [w], [], 0) == ([], [w], []))
posix.write(w, b"x")
rr, ww, xx = select.select([r, F()], [], [], 1.0)
print(rr == [r], ww, xx)
p = select.poll()
p.register(r, select.POLLIN)
p.register(w, select.POLLOUT)
print(sorted(p.poll(0)) == sorted([(r, select.POLLIN), (w, select.POLLOUT)]))
posix.read(r, 1)
print(p.poll(0) == [(w, select.POLLOUT)])
p.modify(w, select.POLLIN)
print(p.poll(10))
p.unregister(w)
try:
    p.unregister(w)
except KeyError as e:
    print("KeyError", type(e.args[0]).__name__)
try:
    p.modify(w, select.POLLIN)
except OSError as e:
    print(type(e).__name__, e.errno)
try:
    select.select([], [], [], -1)
except ValueError as e:
    print("ValueError", e)
posix.close(w)
print(select.select([r], [], [], 5)[0] == [r], p.poll(0) == [(r, select.POLLHUP)])
posix.close(r)
fcntl.flock  # exists
print(select.PIPE_BUF, select.POLLIN, select.POLLOUT, select.error is OSError)
