# os.fork in a process with running threads (what multiprocessing's 'fork' start
# method does): the child continues with the forking thread only, can compute, start
# and join its own threads, and exits with os._exit; register_at_fork hooks run in
# order; waitpid and waitstatus_to_exitcode report the child's status.
import os
import sys
import threading
import time
import warnings

warnings.simplefilter("ignore", DeprecationWarning)

stop = False


def spin():
    n = 0
    while not stop:
        n += 1


events = []
os.register_at_fork(before=lambda: events.append("before1"),
                    after_in_parent=lambda: events.append("parent1"),
                    after_in_child=lambda: events.append("child1"))
os.register_at_fork(before=lambda: events.append("before2"),
                    after_in_parent=lambda: events.append("parent2"),
                    after_in_child=lambda: events.append("child2"))

busy = [threading.Thread(target=spin) for _ in range(3)]
for t in busy:
    t.start()
time.sleep(0.02)

for i in range(4):
    events.clear()
    r, w = os.pipe()
    pid = os.fork()
    if pid == 0:
        os.close(r)
        total = sum(k * k for k in range(100000))
        out = []
        th = threading.Thread(target=lambda: out.append(threading.active_count()))
        th.start()
        th.join()
        msg = f"{i} {total} {threading.active_count()} {out} {events}"
        msg += f" {threading.current_thread() is threading.main_thread()}"
        os.write(w, msg.encode())
        os.close(w)
        os._exit(10 + i)
    os.close(w)
    data = b""
    while chunk := os.read(r, 4096):
        data += chunk
    os.close(r)
    got, status = os.waitpid(pid, 0)
    print("child said:", data.decode())
    print("parent:", got == pid, os.WIFEXITED(status), os.waitstatus_to_exitcode(status), events)

# a child that exits normally (sys.exit) runs its own exit path
pid = os.fork()
if pid == 0:
    sys.exit(5)
print("sys.exit status:", os.waitstatus_to_exitcode(os.waitpid(pid, 0)[1]))

# a child killed by a signal
import signal
pid = os.fork()
if pid == 0:
    os.kill(os.getpid(), signal.SIGKILL)
    time.sleep(10)
    os._exit(0)
print("killed status:", os.waitstatus_to_exitcode(os.waitpid(pid, 0)[1]))

stop = True
for t in busy:
    t.join()
print("threads after:", threading.active_count())
