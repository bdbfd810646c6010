# The posix module's process calls: ids, fork/exec/waitpid and the wait-status macros,
# the environment, uname/times/urandom, and _posixsubprocess.fork_exec with pipes.
import posix
import errno
import _posixsubprocess

print(type(posix.getpid()).__name__, posix.getpid() > 0, posix.getppid() > 0)
print(posix.getuid() == posix.geteuid(), posix.getgid() == posix.getegid(), type(posix.getgroups()).__name__)

# fork, _exit, waitpid and the status macros
pid = posix.fork()
if pid == 0:
    posix._exit(3)
wpid, status = posix.waitpid(pid, 0)
print(wpid == pid, posix.WIFEXITED(status), posix.WEXITSTATUS(status), posix.WIFSIGNALED(status))
print(posix.waitstatus_to_exitcode(status), posix.WIFSTOPPED(status), posix.WCOREDUMP(status))
pid = posix.fork()
if pid == 0:
    posix.kill(posix.getpid(), 9)
    posix._exit(0)
_, status = posix.waitpid(pid, 0)
print(posix.WIFSIGNALED(status), posix.WTERMSIG(status), posix.waitstatus_to_exitcode(status))
try:
    posix.waitpid(-1, 0)
except ChildProcessError as e:
    print("ChildProcessError", e)
print(posix.waitpid(-1, posix.WNOHANG) if False else "skip")
try:
    posix.waitstatus_to_exitcode(0x7f)
except ValueError as e:
    print("ValueError", e)

# execv/execve in a child; putenv and unsetenv reach children
posix.putenv("GILVM_POSIX_TEST", "yes")
pid = posix.fork()
if pid == 0:
    posix.execv("/bin/sh", ["sh", "-c", 'test "$GILVM_POSIX_TEST" = yes && exit 7; exit 1'])
print(posix.waitstatus_to_exitcode(posix.waitpid(pid, 0)[1]))
posix.unsetenv("GILVM_POSIX_TEST")
pid = posix.fork()
if pid == 0:
    posix.execve("/bin/sh", ("sh", "-c", 'exit ${N:-0}'), {"N": "5"})
print(posix.waitstatus_to_exitcode(posix.waitpid(pid, 0)[1]))
for args in [("/bin/sh", []), ("/bin/sh", "x"), ("/bin/sh", [""])]:
    try:
        posix.execv(*args)
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
try:
    posix.putenv("A=B", "x")
except ValueError as e:
    print("ValueError", e)
try:
    posix.unsetenv("A=B")
except OSError as e:
    print(type(e).__name__, e)

# environ is bytes to bytes
print(all(type(k) is bytes and type(v) is bytes for k, v in posix.environ.items()))

# _posixsubprocess.fork_exec: a child with its stdout on a pipe
def run(argv, env=None, cwd=None):
    r, w = posix.pipe()
    er, ew = posix.pipe()
    pid = _posixsubprocess.fork_exec(
        [a.encode() for a in argv], [argv[0].encode()], True, (ew,), cwd,
        env, -1, -1, -1, w, -1, -1, er, ew, True, False, -1, None, None, None, -1, None)
    posix.close(w)
    posix.close(ew)
    out = b""
    while True:
        chunk = posix.read(r, 4096)
        if not chunk:
            break
        out += chunk
    err = posix.read(er, 100)
    posix.close(r)
    posix.close(er)
    _, status = posix.waitpid(pid, 0)
    return out, err, posix.waitstatus_to_exitcode(status)
print(run(["/bin/echo", "hello", "world"]))
print(run(["/bin/sh", "-c", "echo $X; exit 4"], env=[b"X=42"]))
print(run(["/bin/sh", "-c", "pwd"], cwd=b"/"))
out, err, code = run(["/nonexistent/program"])
print(out, err.split(b":")[0], int(err.split(b":")[1], 16) == errno.ENOENT, code)
out, err, code = run(["/bin/echo"], cwd=b"/nonexistent")
print(err.split(b":")[2], code)

# system information
u = posix.uname()
print(type(u).__name__, len(u), u.sysname, u[0] == u.sysname, type(u.release).__name__)
t = posix.times()
print(type(t).__name__, len(t), all(type(x) is float for x in t), t.user == t[0])
print(len(posix.urandom(0)), len(posix.urandom(16)), type(posix.urandom(1)).__name__)
try:
    posix.urandom(-1)
except ValueError as e:
    print("ValueError", e)
n = posix.cpu_count()
print(n is None or n >= 1)
print(posix.strerror(errno.ENOENT), posix.strerror(errno.EACCES))
old = posix.umask(0o22)
print(posix.umask(old) == 0o22)
print(posix.WNOHANG, posix.O_RDONLY, posix.F_OK, posix.R_OK | posix.W_OK | posix.X_OK, posix.EX_OK, posix.EX_USAGE)
print(posix.error is OSError, posix.sysconf("SC_PAGESIZE") > 0, "HAVE_FSTATAT" in posix._have_functions)
print(errno.ENOENT, errno.errorcode[errno.ENOENT], errno.errorcode[errno.EAGAIN], errno.EWOULDBLOCK == errno.EAGAIN)
print(errno.errorcode[errno.ENOTSUP], errno.errorcode[errno.EDEADLK], len(errno.errorcode) > 100)

# register_at_fork: before hooks newest first, after hooks in registration order
order = []
posix.register_at_fork(before=lambda: order.append("before1"),
                       after_in_parent=lambda: order.append("parent1"),
                       after_in_child=lambda: order.append("child1"))
posix.register_at_fork(before=lambda: order.append("before2"),
                       after_in_parent=lambda: order.append("parent2"),
                       after_in_child=lambda: order.append("child2"))
r, w = posix.pipe()
pid = posix.fork()
if pid == 0:
    posix.write(w, ",".join(order).encode())
    posix._exit(0)
posix.waitpid(pid, 0)
print(order, posix.read(r, 100))
posix.close(r)
posix.close(w)
for kw in [{}, {"before": 3}, {"x": 1}]:
    try:
        posix.register_at_fork(**kw)
    except TypeError as e:
        print("TypeError", e)
try:
    posix.register_at_fork(print)
except TypeError as e:
    print("TypeError", e)
