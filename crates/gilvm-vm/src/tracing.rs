//! `sys.settrace` / `sys.setprofile`: per-thread hooks called at Python function calls.
//!
//! **What.** A thread's global trace function gets `(frame, 'call', None)` when a Python
//! function starts; what it returns becomes the frame's local trace function
//! (`frame.f_trace`), which gets `'exception'` (with `(type, value, traceback)`) when an
//! exception leaves the frame and `'return'` (with the return value, None after an
//! exception) when the frame ends; a generator's frame gets `'call'` at each resumption
//! and `'return'` (with the yielded value) at each `yield`. The profile function gets
//! `'call'` and `'return'`, and `'c_call'`/`'c_return'`/`'c_exception'` around calls
//! of builtins (`monitor.rs`). `'line'` and `'opcode'` events come from the traced copy
//! of the interpreter loop (`linetrace.rs`).
//!
//! **Cost when off.** Nothing on the fast path: setting a hook sets the persistent bit
//! `EvalBreaker::TRACE` of the thread's eval-breaker word, which `run_frame` already tests
//! before every call; only then does a call come here. The bit is per thread, as are the
//! hooks (`Interp::tracing`), so tracing works the same on both builds.
//!
//! **Invariants.** A hook does not trace itself (`Hooks::busy`). A hook that raises is
//! removed (as CPython does) and its exception propagates from the call.
use gilvm_object::Value;
use gilvm_sync::EvalBreaker;

use crate::args::Args;
use crate::error::{PyErr, PyResult};
use crate::eval::Exit;
use crate::frame::Frame;
use crate::interp::Interp;

#[derive(Default)]
pub struct Hooks {
    trace: Option<Value>,
    profile: Option<Value>,
    busy: bool,
}

fn hooks(interp: &mut Interp) -> &mut Hooks {
    interp.tracing.get_or_insert_with(Default::default)
}

fn update_bit(interp: &mut Interp) {
    let on = interp
        .tracing
        .as_ref()
        .is_some_and(|h| h.trace.is_some() || h.profile.is_some());
    if on {
        interp.thread_state.eval_breaker.set(EvalBreaker::TRACE);
    } else {
        interp.thread_state.eval_breaker.take(EvalBreaker::TRACE);
    }
}

fn hook_arg(interp: &Interp, args: &Args<'_>, name: &str) -> PyResult<Option<Value>> {
    let a = args.pos();
    if a.len() != 1 || args.has_kwargs() {
        return Err(interp.type_error(format!(
            "sys.{name}() takes exactly one argument ({} given)",
            a.len() + args.kwnames.len()
        )));
    }
    Ok((!a[0].is_none()).then(|| a[0].clone()))
}

/// `sys.settrace(function)`.
pub fn settrace(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let f = hook_arg(interp, &args, "settrace")?;
    let old = std::mem::replace(&mut hooks(interp).trace, f);
    drop(old);
    update_bit(interp);
    Ok(Value::None)
}

/// `sys.setprofile(function)`.
pub fn setprofile(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let f = hook_arg(interp, &args, "setprofile")?;
    let old = std::mem::replace(&mut hooks(interp).profile, f);
    drop(old);
    update_bit(interp);
    // Running traced frames pick up (or drop) the 'c_call' events (`monitor.rs`).
    crate::modules::monitoring::bump_version();
    Ok(Value::None)
}

/// `sys.gettrace()`.
pub fn gettrace(interp: &mut Interp, args: Args<'_>) -> PyResult {
    args.exact(interp, "gettrace", 0, 0)?;
    Ok(interp
        .tracing
        .as_ref()
        .and_then(|h| h.trace.clone())
        .unwrap_or(Value::None))
}

/// `sys.getprofile()`.
pub fn getprofile(interp: &mut Interp, args: Args<'_>) -> PyResult {
    args.exact(interp, "getprofile", 0, 0)?;
    Ok(interp
        .tracing
        .as_ref()
        .and_then(|h| h.profile.clone())
        .unwrap_or(Value::None))
}

impl Interp {
    /// Is a hook or a monitoring callback running on this thread (events are then not
    /// reported)?
    pub(crate) fn hooks_busy(&self) -> bool {
        self.tracing.as_ref().is_some_and(|h| h.busy)
    }

    /// Sets the busy flag; returns its previous value.
    pub(crate) fn set_hooks_busy(&mut self, busy: bool) -> bool {
        std::mem::replace(&mut hooks(self).busy, busy)
    }

    /// Is a profile function set on this thread?
    pub(crate) fn profile_set(&self) -> bool {
        self.tracing.as_ref().is_some_and(|h| h.profile.is_some())
    }

    /// Calls the profile function for `event` ('c_call', 'c_return', 'c_exception') of
    /// running frame `f`, with `arg` (the builtin). A profile function that raises is
    /// removed and its exception raised.
    pub(crate) fn profile_c_event(&mut self, f: &Frame, event: &str, arg: Value) -> PyResult<()> {
        let Some(p) = self.tracing.as_ref().and_then(|h| h.profile.clone()) else {
            return Ok(());
        };
        if self.hooks_busy() {
            return Ok(());
        }
        let fo = Value::Obj(self.frame_object(f as *const Frame));
        self.call_hook(false, &p, &fo, event, arg)?;
        Ok(())
    }

    /// The 'exception' event for frame object `fo`, whose local trace function (if any)
    /// sees `err` raised in or propagating into its frame (`tbobj.rs`). A hook that raises
    /// is removed; its exception is reported as unraisable, the original one propagates.
    pub(crate) fn trace_exception(&mut self, fo: &gilvm_object::ObjRef, err: &crate::error::PyErr) {
        if !self.tracing_active() {
            return;
        }
        let local = crate::frameobj::frame_trace(self, fo);
        if local.is_none() {
            return;
        }
        let exc = err.value();
        let ty = Value::Obj(gilvm_object::types::type_of(&exc).clone());
        let tb = err.data().with(self.py, |d| d.traceback.clone());
        let info = self.new_tuple(vec![ty, exc, tb]);
        let f = Value::Obj(fo.clone());
        if let Err(e) = self.call_hook(true, &local, &f, "exception", info) {
            let text = crate::traceback::format_exception(self, &e);
            crate::modules::io::write_stderr(&format!(
                "Exception ignored in trace function:\n{text}"
            ));
        }
    }

    /// Is a trace function set on this thread (running or not)?
    pub(crate) fn tracing_active_or_busy(&self) -> bool {
        self.tracing.as_ref().is_some_and(|h| h.trace.is_some())
    }

    /// Is a hook set on this thread (and not running)?
    pub(crate) fn tracing_active(&self) -> bool {
        self.tracing
            .as_ref()
            .is_some_and(|h| !h.busy && (h.trace.is_some() || h.profile.is_some()))
    }

    /// Calls `hook(frame, event, arg)` with tracing suspended; on error the hook is
    /// removed (`which`: true for the trace function).
    fn call_hook(
        &mut self,
        which: bool,
        hook: &Value,
        frame: &Value,
        event: &str,
        arg: Value,
    ) -> PyResult {
        let ev = Value::Obj(self.intern(event));
        hooks(self).busy = true;
        let r = self.call1(hook, &[frame.clone(), ev, arg]);
        hooks(self).busy = false;
        if r.is_err() {
            let h = hooks(self);
            let old = if which {
                h.trace.take()
            } else {
                h.profile.take()
            };
            drop(old);
            update_bit(self);
        }
        r
    }

    /// Calls frame object `fo`'s local trace function `local` for `event` (not 'call'):
    /// a result other than None becomes the new `f_trace`; an error clears `f_trace` (and,
    /// through `call_hook`, the thread's trace function) and propagates.
    pub(crate) fn call_local_trace(
        &mut self,
        fo: &gilvm_object::ObjRef,
        local: &Value,
        event: &str,
        arg: Value,
    ) -> PyResult<()> {
        let f = Value::Obj(fo.clone());
        match self.call_hook(true, local, &f, event, arg) {
            Ok(r) => {
                if !r.is_none() {
                    crate::frameobj::set_frame_trace(self, fo, r);
                }
                Ok(())
            }
            Err(e) => {
                crate::frameobj::set_frame_trace(self, fo, Value::None);
                Err(e)
            }
        }
    }

    /// Runs a frame (or resumes a generator's) with the 'call', 'exception' and 'return'
    /// events; `run` evaluates it.
    #[inline(never)]
    pub(crate) fn run_frame_traced(
        &mut self,
        frame: &mut Frame,
        run: impl FnOnce(&mut Interp, &mut Frame) -> Result<Exit, PyErr>,
    ) -> Result<Exit, PyErr> {
        // A comprehension is part of its function for tracing (`linetrace.rs`).
        if crate::linetrace::is_comprehension(crate::frame::code_of(&frame.code)) {
            return run(self, frame);
        }
        let (trace, profile) = {
            let h = hooks(self);
            (h.trace.clone(), h.profile.clone())
        };
        // The frame is the current one while its 'call' event runs (its `f_back` is the
        // caller), as in CPython.
        frame.back = self.cur_frame;
        let fo = Value::Obj(self.frame_object(frame as *const Frame));
        self.cur_frame = frame as *mut Frame as *const Frame;
        let r = (|| {
            if let Some(p) = &profile {
                self.call_hook(false, p, &fo, "call", Value::None)?;
            }
            if let Some(t) = &trace {
                let local = self.call_hook(true, t, &fo, "call", Value::None)?;
                if let Value::Obj(o) = &fo {
                    crate::frameobj::set_frame_trace(self, o, local);
                }
            }
            Ok(())
        })();
        self.cur_frame = frame.back;
        r?;
        let result = run(self, frame);
        let local = match &fo {
            Value::Obj(o) => crate::frameobj::frame_trace(self, o),
            _ => Value::None,
        };
        let ret = match &result {
            Ok(Exit::Return(v) | Exit::Yield(v)) => v.clone(),
            _ => Value::None,
        };
        if let (false, Value::Obj(o)) = (local.is_none(), &fo) {
            self.call_local_trace(o, &local, "return", ret.clone())?;
        }
        if let Some(p) = &profile {
            self.call_hook(false, p, &fo, "return", ret)?;
        }
        result
    }
}
