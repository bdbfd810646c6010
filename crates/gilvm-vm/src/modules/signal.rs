//! The `signal` module, and the interpreter side of signal handling.
//!
//! The mechanism (C-level handler, tripped flags, eval-breaker bit `SIGNALS`, interruptible
//! waits) is `gilvm_sync::signals`; see its module docs. This file keeps the Python handler
//! of each signal and runs the handlers in the main thread ([`run_pending`], called at an
//! eval-breaker check and by blocking calls that a signal interrupted).
//!
//! Differences from CPython: the `frame` argument passed to a handler is `None` (gilvm has
//! no frame objects), and the signal numbers and `SIG_DFL`/`SIG_IGN` are plain ints (gilvm
//! has no `enum` module, so there is no `signal.Signals`/`signal.Handlers`).
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::OnceLock;

use gilvm_object::{ObjRef, Payload, Value};
use gilvm_sync::signals::{self as sig, Disposition, NSIG};

use crate::args::Args;
use crate::error::{PyErr, PyResult};
use crate::interp::Interp;

/// `signal.SIG_DFL` and `signal.SIG_IGN`.
const SIG_DFL: i64 = 0;
const SIG_IGN: i64 = 1;

/// The SIGINT number (for the exit after an uncaught `KeyboardInterrupt`).
pub const SIGINT: i32 = sig::SIGINT;

/// The Python-level state: an immortal list of `NSIG` handlers (`None` when the handler
/// was not set from Python, as CPython's `getsignal`), and `default_int_handler`.
struct State {
    handlers: ObjRef,
    default_int_handler: Value,
}
struct StateHolder(State);
// SAFETY: both objects are immortal (their counts are never written); the list's items are
// behind its ObjCell, which requires a Py token (the GIL, or the list's lock in the
// free-threaded build).
unsafe impl Sync for StateHolder {}
// SAFETY: as above.
unsafe impl Send for StateHolder {}
static STATE: OnceLock<StateHolder> = OnceLock::new();

/// Set when the main module ended with an uncaught `KeyboardInterrupt`: the process then
/// exits as killed by SIGINT ([`exit_if_interrupted`]).
static UNHANDLED_KEYBOARD_INTERRUPT: AtomicBool = AtomicBool::new(false);

fn state(interp: &Interp) -> &'static State {
    if let Some(s) = STATE.get() {
        return &s.0;
    }
    let mut items = Vec::with_capacity(NSIG);
    items.push(Value::None);
    for n in 1..NSIG as i32 {
        items.push(match sig::disposition(n) {
            Ok(Disposition::Default) => Value::Int(SIG_DFL),
            Ok(Disposition::Ignore) => Value::Int(SIG_IGN),
            _ => Value::None,
        });
    }
    let Value::Obj(handlers) = interp.new_list(items) else {
        unreachable!("new_list returns an object")
    };
    handlers.make_immortal();
    let dih = interp.new_native("default_int_handler", default_int_handler);
    if let Value::Obj(o) = &dih {
        o.make_immortal();
    }
    let _ = STATE.set(StateHolder(State {
        handlers,
        default_int_handler: dih,
    }));
    &STATE.get().expect("just set").0
}

fn get_handler(interp: &Interp, n: i32) -> Value {
    let st = state(interp);
    match st.handlers.payload() {
        Payload::List(l) => l.get_at(interp.py, n as usize),
        _ => None,
    }
    .unwrap_or(Value::None)
}

fn set_handler(interp: &Interp, n: i32, h: Value) -> Value {
    let st = state(interp);
    let old = match st.handlers.payload() {
        Payload::List(l) if n >= 0 => l.set(interp.py, n as i64, h).ok(),
        _ => None,
    };
    old.unwrap_or(Value::None)
}

/// Start-up (the command line, as CPython's `install_signal_handlers`): SIGINT raises
/// `KeyboardInterrupt` unless the process inherited it ignored.
pub fn install_default_handlers(interp: &mut Interp) {
    let st = state(interp);
    if matches!(sig::disposition(SIGINT), Ok(Disposition::Default))
        && sig::set_disposition(SIGINT, Disposition::Handler).is_ok()
    {
        set_handler(interp, SIGINT, st.default_int_handler.clone());
    }
}

/// Runs the Python handlers of the signals that tripped (main thread only; elsewhere it
/// does nothing). An exception raised by a handler is returned; the signals not handled
/// yet stay tripped for the next check.
pub fn run_pending(interp: &mut Interp) -> PyResult<()> {
    if !sig::is_main_thread() {
        return Ok(());
    }
    let tripped = sig::take_tripped();
    for (i, &n) in tripped.iter().enumerate() {
        let h = get_handler(interp, n);
        let callable =
            matches!(&h, Value::Obj(_)) && crate::modules::collections::is_callable(interp, &h);
        if !callable {
            continue;
        }
        if let Err(e) = interp.call1(&h, &[Value::Int(n as i64), Value::None]) {
            for &rest in &tripped[i + 1..] {
                sig::retrip(rest);
            }
            return Err(e);
        }
    }
    Ok(())
}

/// After the main module ended: if it ended with an uncaught `KeyboardInterrupt`, flush
/// and end the process as killed by SIGINT (so a shell sees status 130), as CPython does.
pub fn exit_if_interrupted() {
    if UNHANDLED_KEYBOARD_INTERRUPT.load(Ordering::SeqCst) {
        crate::modules::io::flush_stdout();
        sig::exit_by_signal(SIGINT);
    }
}

/// For a thread of the embedding program that runs no Python code (the command line's
/// first thread, which waits for the main thread): signals sent to the process go to the
/// threads that run Python code instead (see `gilvm_sync::signals::block_async_signals_here`).
pub fn block_async_signals_here() {
    sig::block_async_signals_here();
}

/// Records that the main module ended with an uncaught `KeyboardInterrupt`.
pub fn note_unhandled_keyboard_interrupt() {
    UNHANDLED_KEYBOARD_INTERRUPT.store(true, Ordering::SeqCst);
}

fn default_int_handler(interp: &mut Interp, _args: Args<'_>) -> PyResult {
    let e = interp.new_exception(&interp.g.exc.keyboard_interrupt.clone(), vec![]);
    Err(PyErr(e))
}

/// A signal-number argument: an int (TypeError otherwise), in 1..NSIG (ValueError).
fn signum(interp: &mut Interp, v: &Value) -> PyResult<i32> {
    let n = interp.index_value(v)?;
    if !sig::in_range(n) {
        return Err(interp.value_error("signal number out of range"));
    }
    Ok(n as i32)
}

fn main_thread_only(interp: &Interp, what: &str) -> PyResult<()> {
    if sig::is_main_thread() {
        Ok(())
    } else {
        Err(interp.value_error(format!(
            "{what} only works in main thread of the main interpreter"
        )))
    }
}

fn os_err(interp: &mut Interp, e: std::io::Error) -> PyErr {
    crate::io::io_err(interp, &e, None)
}

fn signal_fn(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let a = args.exact(interp, "signal", 2, 2)?;
    let n = signum(interp, &a[0])?;
    main_thread_only(interp, "signal")?;
    let handler = a[1].clone();
    let disp =
        if matches!(&handler, Value::Obj(_))
            && crate::modules::collections::is_callable(interp, &handler)
        {
            Disposition::Handler
        } else {
            match handler {
                Value::Int(SIG_IGN) | Value::Bool(true) => Disposition::Ignore,
                Value::Int(SIG_DFL) | Value::Bool(false) => Disposition::Default,
                _ => return Err(interp.type_error(
                    "signal handler must be signal.SIG_IGN, signal.SIG_DFL, or a callable object",
                )),
            }
        };
    // As CPython: handle what is already pending before the handler changes.
    run_pending(interp)?;
    sig::set_disposition(n, disp).map_err(|e| os_err(interp, e))?;
    let stored = match disp {
        Disposition::Ignore => Value::Int(SIG_IGN),
        Disposition::Default => Value::Int(SIG_DFL),
        _ => handler,
    };
    Ok(set_handler(interp, n, stored))
}

fn getsignal(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let a = args.exact(interp, "getsignal", 1, 1)?;
    let n = signum(interp, &a[0])?;
    Ok(get_handler(interp, n))
}

fn raise_signal(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let a = args.exact(interp, "raise_signal", 1, 1)?;
    let n = interp.index_value(&a[0])?;
    let n = i32::try_from(n).map_err(|_| interp.overflow_error("signal number is too large"))?;
    sig::raise(n).map_err(|e| os_err(interp, e))?;
    // The handler ran on this thread before `raise` returned; run the Python handler now.
    run_pending(interp)?;
    Ok(Value::None)
}

fn strsignal(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let a = args.exact(interp, "strsignal", 1, 1)?;
    let n = signum(interp, &a[0])?;
    Ok(match sig::description(n) {
        Some(s) => interp.new_str(s),
        None => Value::None,
    })
}

fn valid_signals(interp: &mut Interp, args: Args<'_>) -> PyResult {
    args.exact(interp, "valid_signals", 0, 0)?;
    let items = sig::valid_signals()
        .into_iter()
        .map(|n| Value::Int(n as i64))
        .collect();
    Ok(Value::Obj(interp.new_set_from(items, false)?))
}

fn alarm(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let a = args.exact(interp, "alarm", 1, 1)?;
    let secs = interp.index_value(&a[0])?;
    let secs = u32::try_from(secs)
        .map_err(|_| interp.overflow_error("Python int too large to convert to C unsigned int"))?;
    Ok(Value::Int(sig::alarm(secs) as i64))
}

fn pthread_kill(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let a = args.exact(interp, "pthread_kill", 2, 2)?;
    let ident = interp.index_value(&a[0])?;
    let n = interp.index_value(&a[1])?;
    let n = i32::try_from(n).map_err(|_| interp.overflow_error("signal number is too large"))?;
    sig::pthread_kill(ident as u64, n).map_err(|e| os_err(interp, e))?;
    run_pending(interp)?;
    Ok(Value::None)
}

fn set_wakeup_fd(interp: &mut Interp, args: Args<'_>) -> PyResult {
    args.check_kw(interp, "set_wakeup_fd", &["warn_on_full_buffer"])?;
    let a = args.pos();
    if a.len() != 1 {
        return Err(interp.type_error(format!(
            "set_wakeup_fd() takes exactly 1 positional argument ({} given)",
            a.len()
        )));
    }
    let fd = interp.index_value(&a[0])?;
    let fd = i32::try_from(fd).map_err(|_| interp.value_error("fd is out of range"))?;
    main_thread_only(interp, "set_wakeup_fd")?;
    if fd != -1 {
        match sig::fd_is_nonblocking(fd) {
            Err(e) => return Err(os_err(interp, e)),
            Ok(false) => {
                return Err(interp.value_error(format!("the fd {fd} must be in non-blocking mode")))
            }
            Ok(true) => {}
        }
    }
    Ok(Value::Int(sig::set_wakeup_fd(fd) as i64))
}

pub fn init(interp: &mut Interp, m: &ObjRef) -> PyResult<()> {
    let st = state(interp);
    interp.add_function(m, "signal", signal_fn);
    interp.add_function(m, "getsignal", getsignal);
    interp.add_function(m, "raise_signal", raise_signal);
    interp.add_function(m, "strsignal", strsignal);
    interp.add_function(m, "valid_signals", valid_signals);
    interp.add_function(m, "alarm", alarm);
    interp.add_function(m, "pthread_kill", pthread_kill);
    interp.add_function(m, "set_wakeup_fd", set_wakeup_fd);
    interp.add_value(m, "default_int_handler", st.default_int_handler.clone());
    interp.add_value(m, "SIG_DFL", Value::Int(SIG_DFL));
    interp.add_value(m, "SIG_IGN", Value::Int(SIG_IGN));
    interp.add_value(m, "NSIG", Value::Int(NSIG as i64));
    for &(name, n) in sig::SIGNAL_NAMES {
        interp.add_value(m, name, Value::Int(n as i64));
    }
    let (rtmin, rtmax) = sig::rt_range();
    interp.add_value(m, "SIGRTMIN", Value::Int(rtmin as i64));
    interp.add_value(m, "SIGRTMAX", Value::Int(rtmax as i64));
    Ok(())
}
