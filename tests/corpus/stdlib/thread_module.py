# _thread's CPython 3.14 API (what the Lib's threading.py is built on).
import _thread
import signal

out = []
h = _thread.start_joinable_thread(lambda: out.append(_thread.get_ident()), daemon=False)
print(type(h).__name__, type(h).__module__)
h.join()
print(h.is_done(), out == [h.ident], h.ident != _thread.get_ident())
h.join()  # joining again is fine
h.join(0.5)

h2 = _thread._ThreadHandle()
print(h2.is_done(), h2.ident)
try:
    h2.join()
except RuntimeError as e:
    print("RuntimeError:", e)
_thread.start_joinable_thread(lambda: None, handle=h2)
h2.join()
print(h2.is_done())
try:
    _thread.start_joinable_thread(lambda: None, handle=h2)
except RuntimeError as e:
    print("RuntimeError:", e)
try:
    _thread.start_joinable_thread(1)
except TypeError as e:
    print("TypeError:", e)
try:
    _thread.start_new_thread(1, ())
except TypeError as e:
    print("TypeError:", e)
try:
    _thread.start_new_thread(print, [])
except TypeError as e:
    print("TypeError:", e)

# A handle that joins itself, and a made handle.
me = _thread._make_thread_handle(_thread.get_ident())
try:
    me.join()
except RuntimeError as e:
    print("RuntimeError:", e)
me._set_done()
print(me.is_done(), me.ident == _thread.get_ident())
print(_thread._get_main_thread_ident() == _thread.get_ident(), _thread._is_main_interpreter(),
      _thread.daemon_threads_allowed())

# Locks
lk = _thread.allocate_lock()
print(type(lk) is _thread.LockType, type(_thread.LockType()) is _thread.LockType)
print(lk.acquire(True, 0.01), lk.acquire(False), lk.acquire(timeout=0))
for args, kw in [((False, 1), {}), ((True, -2), {}), ((), {"timeout": 1e300})]:
    try:
        lk.acquire(*args, **kw)
    except (ValueError, OverflowError) as e:
        print(type(e).__name__ + ":", e)
lk.release()
lk._at_fork_reinit()
print(lk.locked())
r = _thread.RLock()
print(type(r).__name__, r.acquire(), r.acquire(), r._recursion_count(), r.locked())
r.release()
r.release()
print(r.locked(), r._recursion_count())

# stack_size
print(_thread.stack_size())
for bad in (100, -1):
    try:
        _thread.stack_size(bad)
    except ValueError as e:
        print("ValueError:", e)
print(_thread.stack_size(1 << 20), _thread.stack_size(0), _thread.stack_size())

# set_name, get_native_id
done = []


def named():
    _thread.set_name("worker thread")
    done.append(_thread.get_native_id() > 0)


h = _thread.start_joinable_thread(named)
h.join()
print(done)

# interrupt_main runs the main thread's SIGINT handler
got = []
old = signal.signal(signal.SIGINT, lambda s, f: got.append(s))
_thread.interrupt_main()
for _ in range(100):
    if got:
        break
print(got == [signal.SIGINT])
# default_int_handler explicitly: `old` is SIG_IGN when the process started with SIGINT
# ignored (a background job of a non-interactive shell), and then interrupt_main does
# nothing, in CPython as in gilvm.
signal.signal(signal.SIGINT, signal.default_int_handler)
try:
    _thread.interrupt_main()
except KeyboardInterrupt:
    print("KeyboardInterrupt")
signal.signal(signal.SIGINT, old)
try:
    _thread.interrupt_main(1000)
except ValueError as e:
    print("ValueError:", e)
print(_thread.TIMEOUT_MAX > 1e6, _thread.error is RuntimeError, _thread._count() >= 0)
# A non-daemon thread is joined at exit (by threading, when imported).
import threading
import time
def late():
    time.sleep(0.05)
    print("non-daemon thread finished")
_thread.start_joinable_thread(late, daemon=False)
print("main done")
