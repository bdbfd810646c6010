//! `'line'` and `'opcode'` trace events (`sys.settrace`, issue 18).
//!
//! **What.** A frame whose local trace function (`frame.f_trace`) is set gets `'line'`
//! when the interpreter is about to run an instruction whose source line differs from the
//! line of the instruction this frame ran last: a new line, a jump back to a loop's
//! header, the first instruction of another line after a call returned, the handler of
//! an exception raised on another line. That is CPython 3.12+'s rule: it marks the first
//! instruction of each line, every jump target and every handler, and then fires only if
//! the previous instruction's line differs; marking every instruction and comparing gives
//! the same events, plus CPython's one exception: after a jump back (a loop on one line, a
//! comprehension's filter) the target's line is reported even if it is the line being
//! left. No line starts at a `Jump` (the compiler's are synthetic: loop back-edges, the
//! end of an `if` body; `break` and `continue` begin with a `Nop` of their line), and the
//! instructions CPython gives no location of their own (clean-ups, the implicit return)
//! carry the line emitted before them. A fresh frame reports its first line; a resumed generator reports
//! nothing until its line changes after the `yield`. `frame.f_trace_lines = False` stops
//! the line events of that frame; `frame.f_trace_opcodes = True` adds an `'opcode'` event
//! before every instruction (gilvm's instructions, not CPython's). During an event
//! `frame.f_lineno` is the line about to run. What the local trace function returns
//! replaces `f_trace` unless it is None; if it raises, tracing stops (`sys.settrace(None)`,
//! `f_trace` cleared) and the exception is raised by the instruction about to run, so the
//! frame's own handlers see it, as in CPython.
//!
//! **Comprehensions.** CPython 3.12+ inlines list, set and dict comprehensions into their
//! function (PEP 709); gilvm runs them as functions of their own. So that tracing sees what
//! CPython's does, such a frame sends no 'call'/'return' events and reports its lines to
//! the frame that runs it (its `f_trace`, its frame object), starting from that frame's
//! line: one event for each jump back to the loop's header, none for the first instruction
//! on the statement's line. (Generator expressions are frames in CPython too.)
//!
//! **Zero cost when off.** The interpreter loop exists twice (`eval_frame::<TRACED>`):
//! `Interp::eval` picks the traced copy only when the thread has a hook (the persistent
//! eval-breaker bit `TRACE`: one relaxed load per frame, of a word already loaded by the
//! call path) and the frame has a local trace function. The untraced copy is the loop as it
//! was, with no per-instruction test. A frame running untraced whose trace function is set
//! later (`bdb`'s `set_trace` sets `f_trace` on its callers) moves to the traced loop at its
//! next backward jump, where the eval breaker is already tested (or after a call of a
//! builtin, or a `with` statement's `__enter__`: `sys.monitoring` turned on, `monitor.rs`).
//! The same loop fires `sys.monitoring`'s events (`monitor.rs`).
//!
//! **Invariants.** Only the thread running the frame calls here (the frame object and its
//! trace function are read under the object's lock, `frameobj.rs`). Hooks do not trace
//! themselves (`tracing.rs`'s `busy`).
use gilvm_object::code::CodeObject;
use gilvm_object::{ObjRef, Value};

use crate::error::PyResult;
use crate::frame::Frame;
use crate::interp::Interp;

/// "No line yet": the first traced instruction of a fresh frame always reports its line.
pub(crate) const NO_LINE: u32 = u32::MAX;

/// Is `code` a list, set or dict comprehension (inlined by CPython)?
pub(crate) fn is_comprehension(code: &CodeObject) -> bool {
    matches!(
        crate::eval::str_of(&code.name),
        "<listcomp>" | "<setcomp>" | "<dictcomp>"
    )
}

/// The frame object that gets frame `f`'s line events: its own, or for a comprehension
/// that of the frame running it (if it has one).
pub(crate) fn trace_target(f: &Frame) -> Option<ObjRef> {
    if is_comprehension(f.code()) && !f.back.is_null() {
        // SAFETY: `back` is the frame that called this running one: it is running too
        // (suspended in the call), on this thread.
        return unsafe { (*f.back).obj.clone() };
    }
    f.obj.clone()
}

/// The line a traced frame starts from: none for a fresh frame (its first line is
/// reported), the `yield`'s for a resumed generator, the caller's for a comprehension.
pub(crate) fn start_line(f: &Frame) -> u32 {
    let code = f.code();
    if is_comprehension(code) && f.pc == 0 && !f.back.is_null() {
        // SAFETY: as in `trace_target`.
        return unsafe { (*f.back).line() };
    }
    if f.pc == 0 {
        return NO_LINE;
    }
    code.lines.get(f.pc - 1).copied().unwrap_or(NO_LINE)
}

impl Interp {
    /// Whether frame `f` should run in the traced loop: `sys.monitoring` asks for events
    /// in its code (`monitor.rs`), or a hook is set on this thread and either it is a
    /// profile function ('c_call' events) or the frame (or, for a comprehension, the frame
    /// running it) has a local trace function. Called only when the eval breaker is set.
    #[inline(never)]
    pub(crate) fn wants_line_events(&self, f: &Frame) -> bool {
        let bits = self.thread_state.eval_breaker.get();
        if bits & gilvm_sync::EvalBreaker::MONITOR != 0
            && crate::modules::monitoring::active()
            && crate::modules::monitoring::code_events(&f.code)
                .iter()
                .any(|e| *e != 0)
        {
            return true;
        }
        if bits & gilvm_sync::EvalBreaker::TRACE == 0 {
            return false;
        }
        if self.profile_set() {
            return true;
        }
        match trace_target(f) {
            Some(o) => !crate::frameobj::frame_trace(self, &o).is_none(),
            None => false,
        }
    }

    /// `for` over a generator that just returned (traced loop only): CPython reports the
    /// implicit StopIteration to the loop's frame as an 'exception' event. gilvm's
    /// iteration does not keep the generator's return value: the event's StopIteration
    /// has no arguments.
    #[inline(never)]
    pub(crate) fn trace_generator_exhausted(&mut self, f: &Frame, it: Option<Value>) {
        let Some(it) = it else { return };
        if !self.is_generator(&it) || !self.tracing_active() {
            return;
        }
        let Some(fo) = f.obj.clone() else { return };
        let stop = self.g.exc.stop_iteration.clone();
        let err = crate::error::PyErr(self.new_exception(&stop, Vec::new()));
        self.trace_exception(&fo, &err);
    }

    /// Before the instruction at `pc` in the traced loop: the `'line'` event if its line
    /// differs from `last` (which it then becomes), and the `'opcode'` event if asked for.
    #[inline(never)]
    pub(crate) fn trace_instr(
        &mut self,
        code: &CodeObject,
        frame_pc: &mut usize,
        frame_obj: &Option<ObjRef>,
        pc: usize,
        last: &mut u32,
    ) -> PyResult<()> {
        // A function's implicit `return None` and a handler's clean-up have no line of
        // their own (`monitor::instr_line`).
        let line = crate::monitor::instr_line(code, pc);
        // Line 0: an instruction without a source position (none reports a line).
        let new_line = line != 0 && line != *last;
        if line != 0 {
            *last = line;
        }
        let Some(fo) = frame_obj.clone() else {
            return Ok(());
        };
        let (local, lines_on, opcodes_on) = crate::frameobj::trace_flags(self, &fo);
        if local.is_none() || !(new_line && lines_on || opcodes_on) || !self.tracing_active() {
            return Ok(());
        }
        // `f_lineno` and `f_lasti` name the instruction about to run.
        *frame_pc = pc + 1;
        if new_line && lines_on {
            self.call_local_trace(&fo, &local, "line", Value::None)?;
        }
        if opcodes_on {
            let local = crate::frameobj::frame_trace(self, &fo);
            if !local.is_none() && self.tracing_active() {
                self.call_local_trace(&fo, &local, "opcode", Value::None)?;
            }
        }
        Ok(())
    }
}
