# The signal module: handlers, constants, errors (no timing; see tests/signals.rs for
# signals sent from outside).
import os
import signal
import threading

print(signal.SIGINT == 2, signal.SIGTERM == 15, signal.SIGKILL == 9, signal.SIGUSR1 == 10)
print(signal.SIGALRM == 14, signal.SIGCHLD == 17, signal.SIGHUP == 1, signal.SIGPIPE == 13)
print(signal.SIGQUIT == 3, signal.SIGUSR2 == 12, signal.NSIG)
print(signal.SIG_DFL == 0, signal.SIG_IGN == 1)
print(isinstance(signal.SIGINT, int), int(signal.SIGTERM) + 1)

# getsignal / signal return the previous handler.
print(signal.getsignal(signal.SIGUSR1) == signal.SIG_DFL)
print(signal.getsignal(signal.SIGPIPE) == signal.SIG_IGN)
got = []


def handler(signum, frame):
    got.append(signum)


old = signal.signal(signal.SIGUSR1, handler)
print(old == signal.SIG_DFL, signal.getsignal(signal.SIGUSR1) is handler)

# raise_signal runs the Python handler before it returns.
signal.raise_signal(signal.SIGUSR1)
print("after raise_signal", got)
os.kill(os.getpid(), signal.SIGUSR1)
print("after os.kill", got)
signal.pthread_kill(threading.get_ident(), signal.SIGUSR1)
print("after pthread_kill", got)

# A handler's exception propagates from raise_signal.
def boom(signum, frame):
    raise RuntimeError(f"handler for {signum}")


signal.signal(signal.SIGUSR2, boom)
try:
    signal.raise_signal(signal.SIGUSR2)
except RuntimeError as e:
    print("caught", e)

# SIG_IGN: the signal is ignored.
print(signal.signal(signal.SIGUSR2, signal.SIG_IGN) is boom)
signal.raise_signal(signal.SIGUSR2)
print("ignored", signal.getsignal(signal.SIGUSR2) == signal.SIG_IGN)
print(signal.signal(signal.SIGUSR2, signal.SIG_DFL) == signal.SIG_IGN)
print(signal.signal(signal.SIGUSR1, signal.SIG_DFL) is handler)

# default_int_handler raises KeyboardInterrupt.
try:
    signal.default_int_handler(signal.SIGINT, None)
except KeyboardInterrupt as e:
    print("KeyboardInterrupt", repr(e))
print(callable(signal.default_int_handler))

# A KeyboardInterrupt from a handler can be caught.
signal.signal(signal.SIGUSR1, signal.default_int_handler)
try:
    signal.raise_signal(signal.SIGUSR1)
except KeyboardInterrupt:
    print("caught KeyboardInterrupt")
signal.signal(signal.SIGUSR1, signal.SIG_DFL)

print(signal.strsignal(signal.SIGINT), "/", signal.strsignal(signal.SIGTERM))
print(signal.strsignal(signal.SIGKILL), "/", signal.strsignal(signal.SIGUSR1))
valid = signal.valid_signals()
print(type(valid).__name__, signal.SIGINT in valid, signal.SIGKILL in valid, 0 in valid)
print(signal.NSIG - 1 in valid, signal.NSIG in valid)
print(signal.alarm(0))
print(signal.set_wakeup_fd(-1), signal.set_wakeup_fd(-1))


def show(f, *args):
    try:
        f(*args)
    except Exception as e:
        print(f.__name__, type(e).__name__, e)


show(signal.signal, 0, signal.SIG_IGN)
show(signal.signal, signal.NSIG, signal.SIG_IGN)
show(signal.signal, signal.SIGKILL, signal.SIG_IGN)
show(signal.signal, signal.SIGSTOP, handler)
show(signal.signal, signal.SIGUSR1, 5)
show(signal.signal, signal.SIGUSR1, "handler")
show(signal.getsignal, 0)
show(signal.getsignal, -1)
show(signal.strsignal, 0)
show(signal.strsignal, 1000)
show(signal.raise_signal, 1000)
show(signal.set_wakeup_fd, 12345)

# signal.signal only works in the main thread.
def in_thread():
    show(signal.signal, signal.SIGUSR1, signal.SIG_IGN)
    show(signal.set_wakeup_fd, -1)
    print(signal.getsignal(signal.SIGUSR1) == signal.SIG_DFL)


t = threading.Thread(target=in_thread)
t.start()
t.join()
print("done")
