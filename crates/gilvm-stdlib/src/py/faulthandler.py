# The Python half of `faulthandler` (see faulthandler.rs): argument handling, the
# traceback dumps and the watchdog of dump_traceback_later. The native half installs the
# fatal-signal handlers (`_enable_fatal(fd)`, `_disable_fatal()`).
#
# Tracebacks are written straight to the file descriptor in CPython's format:
#     Stack (most recent call first):
#       File "x.py", line 3 in f
# or, with all_threads, a "Current thread 0x... (most recent call first):" block first and
# a "Thread 0x..." block per other thread.

import sys as _sys

_enabled = False
_fatal_file = None
_MAX_DEPTH = 100


def _fd_of(file):
    if file is None:
        file = _sys.stderr
        if file is None:
            raise RuntimeError('sys.stderr is None')
    if isinstance(file, int):
        if file < 0:
            raise ValueError('file is not a valid file descriptor')
        return file, None
    fd = file.fileno()
    if not isinstance(fd, int):
        raise RuntimeError('file.fileno() is not a valid file descriptor')
    if fd < 0:
        raise ValueError('file is not a valid file descriptor')
    try:
        file.flush()
    except Exception:
        pass
    return fd, file


def _write(fd, text):
    import os
    os.write(fd, text.encode('utf-8', 'backslashreplace'))


def _frame_lines(frame):
    lines = []
    depth = 0
    while frame is not None:
        if depth >= _MAX_DEPTH:
            lines.append('  ...\n')
            break
        code = frame.f_code
        lines.append(f'  File "{code.co_filename}", line {frame.f_lineno} in {code.co_name}\n')
        frame = frame.f_back
        depth += 1
    if not lines:
        lines.append('  <no Python frame>\n')
    return lines


def _dump(fd, all_threads, frame, header_current):
    if not all_threads:
        _write(fd, 'Stack (most recent call first):\n' + ''.join(_frame_lines(frame)))
        return
    import _thread
    me = _thread.get_ident()
    out = [f'{header_current} 0x{me:016x} (most recent call first):\n']
    out += _frame_lines(frame)
    others = getattr(_sys, '_current_frames', None)
    if others is not None:
        for ident, f in others().items():
            if ident == me:
                continue
            out.append(f'\nThread 0x{ident:016x} (most recent call first):\n')
            out += _frame_lines(f)
    _write(fd, ''.join(out))


def dump_traceback(file=None, all_threads=True):
    """Dump the traceback of the current thread, or of all threads if all_threads is
True, into file."""
    fd, _ = _fd_of(file)
    _dump(fd, all_threads, _sys._getframe(1), 'Current thread')


def dump_c_stack(file=None):
    """Dump the C stack of the current thread."""
    fd, _ = _fd_of(file)
    _write(fd, '\nCurrent thread\'s C stack trace (most recent call first):\n'
               '  <cannot get C stack on this system>\n')


def enable(file=None, all_threads=True, c_stack=True):
    """Enable the fault handler."""
    global _enabled, _fatal_file
    fd, f = _fd_of(file)
    _enable_fatal(fd, bool(all_threads))
    _fatal_file = f
    _enabled = True


def disable():
    """Disable the fault handler."""
    global _enabled, _fatal_file
    if not _enabled:
        return False
    _disable_fatal()
    _enabled = False
    _fatal_file = None
    return True


def is_enabled():
    """Check if the handler is enabled."""
    return _enabled


_later = None


def dump_traceback_later(timeout, repeat=False, file=None, exit=False):
    """Dump the traceback of all threads in timeout seconds,
or each timeout seconds if repeat is True. If exit is True, call _exit(1) which is not
safe."""
    global _later
    if not isinstance(timeout, (int, float)):
        raise TypeError(f"'{type(timeout).__name__}' object cannot be interpreted as an integer or float")
    if timeout <= 0:
        raise ValueError('timeout must be greater than 0')
    fd, f = _fd_of(file)
    cancel_dump_traceback_later()
    import _thread
    import threading
    main = _thread.get_ident()
    stop = threading.Event()
    secs = int(timeout)
    frac = f'.{int(round((timeout - secs) * 1e6)):06d}' if timeout != secs else ''
    h, rem = divmod(secs, 3600)
    m, s = divmod(rem, 60)
    header = f'Timeout ({h}:{m:02d}:{s:02d}{frac})!\n'

    def watchdog():
        while not stop.wait(timeout):
            frames = _sys._current_frames() if hasattr(_sys, '_current_frames') else {}
            _write(fd, header)
            out = [f'Thread 0x{main:016x} (most recent call first):\n']
            out += _frame_lines(frames.get(main))
            _write(fd, ''.join(out))
            if exit:
                import os
                os._exit(1)
            if not repeat:
                break

    t = threading.Thread(target=watchdog, name='faulthandler watchdog', daemon=True)
    _later = (stop, t, f)
    t.start()


def cancel_dump_traceback_later():
    """Cancel the previous call to dump_traceback_later()."""
    global _later
    if _later is not None:
        stop, t, _ = _later
        _later = None
        stop.set()
        if t.is_alive():
            t.join()
