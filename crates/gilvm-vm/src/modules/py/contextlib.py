"""Helpers for with-statement context managers (gilvm's implementation).

Provided: contextmanager, ContextDecorator, closing, nullcontext, suppress,
redirect_stdout, redirect_stderr and ExitStack.  gilvm has no async functions,
no abc module and no os.chdir, so the asynchronous helpers,
AbstractContextManager and chdir are absent.
"""

import sys
from functools import wraps

__all__ = ['contextmanager', 'closing', 'nullcontext', 'ContextDecorator',
           'ExitStack', 'suppress', 'redirect_stdout', 'redirect_stderr']


class ContextDecorator:
    """Base class letting a context manager be used as a function decorator.

    The decorated function runs inside `with cm:` on every call.
    """

    def _recreate_cm(self):
        # A context manager usable only once returns a fresh copy here.
        return self

    def __call__(self, func):
        @wraps(func)
        def run_inside(*args, **kwds):
            with self._recreate_cm():
                return func(*args, **kwds)
        return run_inside


class _GeneratorContextManager(ContextDecorator):
    """The context manager built by @contextmanager from a generator."""

    def __init__(self, func, args, kwds):
        self.gen = func(*args, **kwds)
        self.func = func
        self.args = args
        self.kwds = kwds
        doc = getattr(func, '__doc__', None)
        self.__doc__ = doc if doc is not None else type(self).__doc__

    def _recreate_cm(self):
        # Each decorated call needs its own generator.
        return type(self)(self.func, self.args, self.kwds)

    def __enter__(self):
        try:
            return next(self.gen)
        except StopIteration:
            raise RuntimeError("generator didn't yield") from None

    def __exit__(self, typ, value, traceback):
        if typ is None:
            # Normal exit: the generator must finish after its single yield.
            try:
                next(self.gen)
            except StopIteration:
                return False
            try:
                raise RuntimeError("generator didn't stop")
            finally:
                self.gen.close()
        if value is None:
            # __exit__ called by hand with only an exception type.
            value = typ()
        try:
            self.gen.throw(value)
        except StopIteration as stop:
            # The generator swallowed the exception (suppressed) unless the
            # StopIteration is the block's own exception coming back.
            return stop is not value
        except RuntimeError as err:
            if err is value:
                _restore_traceback(err, traceback)
                return False
            if isinstance(value, StopIteration) and err.__cause__ is value:
                # A StopIteration thrown in was turned into RuntimeError by
                # the generator machinery: report the original one.
                _restore_traceback(value, traceback)
                return False
            raise
        except BaseException as err:
            if err is not value:
                raise
            _restore_traceback(err, traceback)
            return False
        try:
            raise RuntimeError("generator didn't stop after throw()")
        finally:
            self.gen.close()


def _restore_traceback(exc, traceback):
    # Drop the frames that the trip through the generator added.  gilvm's
    # with statement passes None (it has no traceback objects): keep the
    # exception's own traceback then.
    if traceback is not None:
        exc.__traceback__ = traceback


def contextmanager(func):
    """Decorator turning a generator function into a context manager factory.

    The generator must yield exactly once: the code before the yield runs on
    entering the with-block, the yielded value is bound by `as`, and an
    exception raised in the block is raised inside the generator at the yield.
    """
    @wraps(func)
    def helper(*args, **kwds):
        return _GeneratorContextManager(func, args, kwds)
    return helper


class closing:
    """Context manager calling thing.close() at the end of the block."""

    def __init__(self, thing):
        self.thing = thing

    def __enter__(self):
        return self.thing

    def __exit__(self, *exc_info):
        self.thing.close()


class nullcontext:
    """Context manager doing nothing; `as` binds enter_result."""

    def __init__(self, enter_result=None):
        self.enter_result = enter_result

    def __enter__(self):
        return self.enter_result

    def __exit__(self, *excinfo):
        pass


class suppress:
    """Context manager silencing the given exception types in its block."""

    def __init__(self, *exceptions):
        self._exceptions = exceptions

    def __enter__(self):
        pass

    def __exit__(self, exctype, excinst, exctb):
        if exctype is None:
            return None
        return issubclass(exctype, self._exceptions)


class _Redirect:
    """Points sys.<stream> at another file object for the duration of a with block; the
    previous targets are kept on a stack, so one instance can be entered again inside
    itself."""

    _stream = None

    def __init__(self, new_target):
        self._new_target = new_target
        self._old_targets = []

    def __enter__(self):
        self._old_targets.append(getattr(sys, self._stream))
        setattr(sys, self._stream, self._new_target)
        return self._new_target

    def __exit__(self, exctype, excinst, exctb):
        setattr(sys, self._stream, self._old_targets.pop())


class redirect_stdout(_Redirect):
    """with redirect_stdout(f): print() and sys.stdout.write() go to f."""

    _stream = 'stdout'


class redirect_stderr(_Redirect):
    """with redirect_stderr(f): sys.stderr is f."""

    _stream = 'stderr'


def _cm_protocol_error(cls):
    return TypeError("'%s.%s' object does not support the context manager protocol"
                     % (cls.__module__, cls.__qualname__))


class ExitStack:
    """Context manager running a dynamic stack of exit callbacks.

    Callbacks run last-in first-out when the stack is closed or its with-block
    ends; each sees the exception left by the ones run before it, and one that
    returns a true value suppresses that exception.
    """

    def __init__(self):
        self._exit_callbacks = []

    def __enter__(self):
        return self

    def pop_all(self):
        """Move every callback to a new stack of the same type and return it."""
        other = type(self)()
        other._exit_callbacks = self._exit_callbacks
        self._exit_callbacks = []
        return other

    def push(self, exit):
        """Add an __exit__-like callable, or the __exit__ of a context manager.

        The callback receives (exc_type, exc, tb) and may return True to
        suppress the exception.  Returns `exit` so it can serve as decorator.
        """
        try:
            method = type(exit).__exit__
        except AttributeError:
            self._exit_callbacks.append(exit)
        else:
            self._push_cm_exit(exit, method)
        return exit

    def enter_context(self, cm):
        """Enter cm, schedule its __exit__ and return what __enter__ gave."""
        cls = type(cm)
        try:
            enter = cls.__enter__
            exit = cls.__exit__
        except AttributeError:
            raise _cm_protocol_error(cls) from None
        result = enter(cm)
        self._push_cm_exit(cm, exit)
        return result

    def callback(self, callback, /, *args, **kwds):
        """Schedule callback(*args, **kwds); it cannot suppress exceptions."""
        def call_it(exc_type, exc, tb):
            callback(*args, **kwds)
        call_it.__wrapped__ = callback
        self._exit_callbacks.append(call_it)
        return callback

    def _push_cm_exit(self, cm, method):
        def call_exit(exc_type, exc, tb):
            return method(cm, exc_type, exc, tb)
        call_exit.__self__ = cm
        self._exit_callbacks.append(call_exit)

    def close(self):
        """Run all the callbacks now, as at the end of a with-block."""
        self.__exit__(None, None, None)

    def __exit__(self, *exc_details):
        exc = exc_details[1]
        received = exc is not None
        # The exception being handled around this call (if any): exceptions
        # raised by callbacks will chain to it unless fixed below.
        outer = sys.exception()
        suppressed = False
        failing = False
        callbacks = self._exit_callbacks
        while callbacks:
            cb = callbacks.pop()
            if exc is None:
                details = (None, None, None)
            else:
                details = (type(exc), exc, exc.__traceback__)
            try:
                if cb(*details):
                    suppressed = True
                    failing = False
                    exc = None
            except BaseException as new_exc:
                _chain_to(new_exc, exc, outer)
                failing = True
                exc = new_exc
        if failing:
            # Raising here would chain exc to the exception being handled;
            # keep the context computed above instead.
            context = exc.__context__
            try:
                raise exc
            except BaseException:
                exc.__context__ = context
                raise
        return received and suppressed


def _chain_to(new_exc, previous, outer):
    """Make `previous` the context of new_exc's chain.

    A callback runs outside the except clause of the exception left by the
    previous callback, so implicit chaining links new_exc's chain to `outer`
    (the exception handled around __exit__) instead: replace that link.  A
    chain that ends without reaching `outer` is left alone, as CPython does.
    """
    while True:
        ctx = new_exc.__context__
        if ctx is None or ctx is previous:
            return
        if ctx is outer:
            break
        new_exc = ctx
    new_exc.__context__ = previous
