//! `sys.monitoring` events (PEP 669) and the profile function's `c_call` events, fired by
//! the traced copy of the interpreter loop.
//!
//! **What.** A frame whose code some tool monitors (globally or with `set_local_events`)
//! runs in the traced loop (`linetrace.rs` decides), which calls here:
//! - at entry: `PY_START` (a fresh frame), `PY_RESUME` (a resumed generator or coroutine),
//!   `PY_THROW` (resumed by `throw()`);
//! - before each instruction, first what the previous instruction left pending: `JUMP`
//!   (an unconditional jump; a chain of jumps is reported once, from the first to the
//!   last target, as CPython's compiler threads them; a jump to a small block that ends
//!   the function, which CPython's compiler copies into each jump to it, is not reported),
//!   `BRANCH_LEFT`/`BRANCH_RIGHT` (a conditional jump or `for` step not taken/taken, with
//!   its destination; a conditional jump whose target is backward, which CPython inverts
//!   because its conditional jumps only go forward, is reported as CPython's), `C_RETURN` (a call of anything but a Python function returned);
//!   then `LINE` when the instruction's line differs from the last one run in this frame
//!   (a jump back to the same line reports nothing, unlike `settrace`'s 'line'); then, for
//!   a call instruction, `CALL` with the callable and its first argument or `MISSING` (a
//!   bound Python method is reported as its function and receiver, as CPython 3.14 does);
//! - `PY_RETURN`, `PY_YIELD`, `STOP_ITERATION` (a `yield from`/`await` on a generator or
//!   coroutine that returned), `RAISE` (an exception raised in, or propagating into, the
//!   frame; also when a `for` loop's iterator raised StopIteration or a generator returned
//!   a value, as CPython), `RERAISE` (bare `raise`, the re-raise ending a `finally` or an
//!   unmatched `except`), `EXCEPTION_HANDLED`, `PY_UNWIND`, `C_RAISE`. A generator's or
//!   coroutine's frame that lets an exception out also reports `EXCEPTION_HANDLED` and
//!   `RERAISE` at the end of its code first: CPython wraps such bodies in a handler that
//!   converts StopIteration and re-raises.
//!
//! Offsets are gilvm's own: 2 × the instruction index, the unit of `co_lines()` and
//! `f_lasti`; lines are CPython's. Where CPython's instruction has no line (a handler's
//! clean-up, a generator's implicit handler) the offset reported is the one just past
//! the code, which has none either. A callback that returns `DISABLE` turns its event off at
//! that location (local events only; for others CPython's ValueError, and the callback is
//! removed) until `restart_events()`. While a callback runs, its thread reports nothing
//! (the hooks' `busy` flag, shared with `settrace`). Not delivered: `INSTRUCTION` (gilvm's
//! instructions are not CPython's). List, set and dict comprehensions are frames of their
//! own in gilvm but inlined in CPython: they report no `PY_START`/`PY_RETURN` and no
//! `LINE`; their jumps, branches and calls are reported with their own code object.
//!
//! Where gilvm's bytecode is laid out differently from CPython's, some destinations
//! differ; known: in a `match` statement a case's BRANCH_LEFT destination is the `case`
//! line (CPython: its body's first line) and `case _:` reports no LINE of its own; a
//! conditional jump to an inlined `finally` body reports that body's line as destination
//! (CPython: the `if` line).
//!
//! A frame already running in the untraced loop when monitoring starts (the module
//! calling `set_events`) moves to the traced loop, and reports, from its next backward
//! jump, call of anything but a Python function, or `with` statement; CPython instruments
//! it at once.
//!
//! **Profile events.** With a profile function set (`sys.setprofile`), frames also run
//! traced and a call of a builtin function or method descriptor gets `'c_call'` before and
//! `'c_return'`/`'c_exception'` after, with the builtin (a method descriptor bound to its
//! receiver) as argument, as CPython 3.14's; calls of classes and other callables get none.
//!
//! **Cost.** Nothing in the untraced loop. In the traced loop, one atomic load of the
//! state's version per instruction, and the work above only for the events asked for.
//!
//! **Invariants.** Only the thread running the frame calls here. The monitoring state's
//! lock is never held while a callback runs (`monitoring.rs`).
use gilvm_object::code::{CodeObject, Instr};
use gilvm_object::{ObjRef, Owned, Payload, Value};

use crate::error::{PyErr, PyResult};
use crate::frame::Frame;
use crate::interp::Interp;
use crate::modules::monitoring::{self, ev};

const TOOLS: usize = 6;

/// Mask bit (beyond the monitoring events): the profile function wants `c_call` events.
pub(crate) const PROFILE_C: u32 = 1 << 31;

/// What an instruction leaves to report before the next one runs.
pub(crate) enum Pending {
    None,
    /// An unconditional jump from `from`.
    Jump {
        from: usize,
    },
    /// A conditional jump at `at` whose taken destination is `target` (`for_iter`: a
    /// `for` loop's step, whose exit CPython never inverts).
    Branch {
        at: usize,
        target: usize,
        for_iter: bool,
    },
    /// A call at `at` of a callable that is not a Python function.
    Call {
        at: usize,
        callable: Value,
        arg0: Value,
        /// The profile function's argument (`c_call` was sent).
        profile: Option<Value>,
    },
}

/// A frame's monitoring state in the traced loop.
pub(crate) struct FrameMon {
    version: u64,
    /// The events each tool asked for in this frame's code.
    tools: [u32; TOOLS],
    /// The union of `tools`, plus [`PROFILE_C`].
    pub mask: u32,
    last_line: u32,
    pending: Pending,
    comprehension: bool,
}

impl FrameMon {
    /// The state of an untraced frame (never consulted).
    pub(crate) const OFF: FrameMon = FrameMon {
        version: 0,
        tools: [0; TOOLS],
        mask: 0,
        last_line: crate::linetrace::NO_LINE,
        pending: Pending::None,
        comprehension: false,
    };

    /// Is the monitoring state still the one `mask` was computed from?
    #[inline(always)]
    pub(crate) fn current(&self) -> bool {
        self.version == monitoring::version()
    }
}

/// The line CPython reports for instruction `pc` (0: none). CPython gives no line of
/// their own to a function's implicit `return None` (its compiler copies the block into
/// each predecessor, whose line it takes) nor to a handler's clean-up (`Swap(2)`,
/// `PopExcept`, `Reraise`: restore the outer exception and re-raise).
pub(crate) fn instr_line(code: &CodeObject, pc: usize) -> u32 {
    if is_implicit_return(code, pc) || (pc > 0 && is_implicit_return(code, pc - 1)) {
        return 0;
    }
    if in_cleanup(code, pc) {
        return 0;
    }
    code.lines.get(pc).copied().unwrap_or(0)
}

/// Is `pc` the `LoadConst(None)` of a function's implicit `return None` (on the `def`
/// line, `CodeBuilder::emit_implicit_return`)?
fn is_implicit_return(code: &CodeObject, pc: usize) -> bool {
    pc > 0
        && pc + 2 == code.instrs.len()
        && code.lines.get(pc) == Some(&code.firstlineno)
        && matches!(code.instrs[pc], Instr::LoadConst(_))
}

/// Where a chain of unconditional jumps from `t` ends.
fn thread_jumps(code: &CodeObject, mut t: usize) -> usize {
    for _ in 0..16 {
        match code.instrs.get(t) {
            Some(Instr::Jump(u)) => t = *u as usize,
            _ => break,
        }
    }
    t
}

/// Does a small block leaving the function start at `t` (at most 4 instructions, the last
/// a return or re-raise)? CPython's compiler copies such a block into each unconditional
/// jump to it, which then reports no JUMP.
fn is_small_exit(code: &CodeObject, t: usize) -> bool {
    for k in 0..4 {
        match code.instrs.get(t + k) {
            Some(Instr::ReturnValue | Instr::Reraise | Instr::Raise(_)) => return true,
            Some(
                Instr::Jump(_)
                | Instr::PopJumpIfFalse(_)
                | Instr::PopJumpIfTrue(_)
                | Instr::JumpIfFalseOrPop(_)
                | Instr::JumpIfTrueOrPop(_)
                | Instr::ForIter(_)
                | Instr::IsOpJumpIfFalse(..)
                | Instr::CompareOpJumpIfFalse(..)
                | Instr::YieldValue
                | Instr::YieldFrom,
            )
            | None => return false,
            _ => {}
        }
    }
    false
}

/// Is `pc` in a handler's clean-up block `Swap(2), PopExcept, Reraise`?
fn in_cleanup(code: &CodeObject, pc: usize) -> bool {
    let is_at = |start: usize| {
        matches!(
            code.instrs.get(start..start + 3),
            Some([Instr::Swap(2), Instr::PopExcept, Instr::Reraise])
        )
    };
    (0..3).any(|k| pc >= k && is_at(pc - k))
}

fn is_python_function(v: &Value) -> bool {
    matches!(v, Value::Obj(o) if matches!(o.payload(), Payload::Function(_)))
}

impl Interp {
    /// The monitoring state of frame `f` starting in the traced loop, and its entry event
    /// (`resumed`: the untraced loop handed the frame over mid-way, no entry event). An
    /// error of an entry callback is raised at the frame's first instruction.
    pub(crate) fn mon_start(&mut self, f: &Frame, resumed: bool) -> (FrameMon, Option<PyErr>) {
        let mut mon = FrameMon::OFF;
        mon.comprehension = crate::linetrace::is_comprehension(f.code());
        self.mon_refresh(f, &mut mon);
        mon.last_line = if f.pc == 0 {
            crate::linetrace::NO_LINE
        } else {
            instr_line(f.code(), f.pc - 1)
        };
        if resumed || mon.mask & (ev::PY_START | ev::PY_RESUME | ev::PY_THROW) == 0 {
            return (mon, None);
        }
        let r = if let Some(e) = &f.throw {
            self.mon_fire(&mon, &f.code, ev::PY_THROW, f.pc, &[e.value()])
        } else if f.pc == 0 {
            if mon.comprehension {
                Ok(())
            } else {
                self.mon_fire(&mon, &f.code, ev::PY_START, 0, &[])
            }
        } else {
            self.mon_fire(&mon, &f.code, ev::PY_RESUME, f.pc, &[])
        };
        (mon, r.err())
    }

    /// Recomputes the events of frame `f` (the monitoring state changed).
    #[inline(never)]
    pub(crate) fn mon_refresh(&mut self, f: &Frame, mon: &mut FrameMon) {
        mon.version = monitoring::version();
        let busy = self.hooks_busy();
        mon.tools = if monitoring::active() && !busy {
            monitoring::code_events(&f.code)
        } else {
            [0; TOOLS]
        };
        mon.mask = mon.tools.iter().fold(0, |a, b| a | b);
        if !busy && self.profile_set() {
            mon.mask |= PROFILE_C;
        }
        if mon.mask == 0 {
            // Nothing reports the previous instruction's outcome any more.
            mon.pending = Pending::None;
        }
    }

    /// Calls the callback of every tool that asked for event `bit` at instruction `at` of
    /// `code` with `(code, offset, *args)` (`(code, line)` for LINE).
    pub(crate) fn mon_fire(
        &mut self,
        mon: &FrameMon,
        code: &ObjRef,
        bit: u32,
        at: usize,
        args: &[Value],
    ) -> PyResult<()> {
        for tool in 0..TOOLS {
            if mon.tools[tool] & bit == 0 {
                continue;
            }
            // C_RETURN and C_RAISE follow their CALL's location.
            let loc_bit = if bit & (ev::C_RETURN | ev::C_RAISE) != 0 {
                ev::CALL
            } else {
                bit
            };
            if loc_bit & ev::LOCAL != 0 && monitoring::is_disabled(code, at, loc_bit, tool) {
                continue;
            }
            let Some(cb) = monitoring::callback(self, tool, bit) else {
                continue;
            };
            let mut all = Vec::with_capacity(2 + args.len());
            all.push(Value::Obj(code.clone()));
            if bit != ev::LINE {
                all.push(Value::Int(2 * at as i64));
            }
            all.extend(args.iter().cloned());
            let was = self.set_hooks_busy(true);
            let r = self.call1(&cb, &all);
            self.set_hooks_busy(was);
            let r = r?;
            let disabled = matches!((&r, monitoring::disable_sentinel()),
                (Value::Obj(o), Some(d)) if o.is(d));
            if disabled {
                if bit & ev::LOCAL != 0 {
                    monitoring::disable(code, at, bit, tool);
                } else {
                    monitoring::remove_callback(self, tool, bit);
                    return Err(self.value_error(format!(
                        "Cannot disable {} events. Callback removed.",
                        monitoring::event_name(bit)
                    )));
                }
            }
        }
        Ok(())
    }

    /// Before instruction `at` (`ins`) of frame `f` runs, `f.pc` already `at + 1`: the
    /// events the previous instruction left pending, LINE, and CALL.
    #[inline(never)]
    pub(crate) fn mon_before(
        &mut self,
        f: &Frame,
        mon: &mut FrameMon,
        at: usize,
        ins: Instr,
        stack: &[Value],
    ) -> PyResult<()> {
        let code = f.code();
        match std::mem::replace(&mut mon.pending, Pending::None) {
            Pending::None => {}
            Pending::Jump { from } => {
                if let Instr::Jump(_) = ins {
                    // Threaded: reported once the chain ends.
                    mon.pending = Pending::Jump { from };
                    return Ok(());
                }
                // CPython places exception handlers after the function's code, so a
                // jump over one (the end of a `try` body or `with` block) is not there.
                let over_handler = matches!(code.instrs.get(from + 1), Some(Instr::PushExcInfo));
                if !is_small_exit(code, at) && !over_handler {
                    self.mon_fire(mon, &f.code, ev::JUMP, from, &[Value::Int(2 * at as i64)])?;
                }
            }
            Pending::Branch {
                at: b,
                target,
                for_iter,
            } => {
                let taken = at == target;
                if !for_iter && thread_jumps(code, target) <= b {
                    // CPython's conditional jumps go forward only: one whose target is
                    // (through jumps) backward is inverted, with the jump back right after
                    // it on its line. Not taken there is taken here: BRANCH_LEFT to that
                    // jump (reported at the branch, whose line it has), then JUMP.
                    if taken {
                        if mon.mask & ev::BRANCH_LEFT != 0 {
                            let dest = [Value::Int(2 * b as i64)];
                            self.mon_fire(mon, &f.code, ev::BRANCH_LEFT, b, &dest)?;
                        }
                        if mon.mask & ev::JUMP != 0 {
                            mon.pending = Pending::Jump { from: b };
                        }
                        return Ok(());
                    }
                    if mon.mask & ev::BRANCH_RIGHT != 0 {
                        let dest = [Value::Int(2 * at as i64)];
                        self.mon_fire(mon, &f.code, ev::BRANCH_RIGHT, b, &dest)?;
                    }
                } else {
                    let bit = if taken {
                        ev::BRANCH_RIGHT
                    } else {
                        ev::BRANCH_LEFT
                    };
                    if mon.mask & bit != 0 {
                        self.mon_fire(mon, &f.code, bit, b, &[Value::Int(2 * at as i64)])?;
                    }
                }
            }
            Pending::Call {
                at: c,
                callable,
                arg0,
                profile,
            } => {
                if let Some(p) = profile {
                    self.profile_c_event(f, "c_return", p)?;
                }
                if mon.mask & ev::C_RETURN != 0 {
                    self.mon_fire(mon, &f.code, ev::C_RETURN, c, &[callable, arg0])?;
                }
            }
        }
        if mon.mask & ev::LINE != 0 && !mon.comprehension && !matches!(ins, Instr::Jump(_)) {
            let line = instr_line(code, at);
            if line != 0 && line != mon.last_line {
                mon.last_line = line;
                self.mon_fire(mon, &f.code, ev::LINE, at, &[Value::Int(line as i64)])?;
            }
        }
        match ins {
            Instr::Jump(_) if mon.mask & ev::JUMP != 0 => {
                mon.pending = Pending::Jump { from: at };
            }
            Instr::PopJumpIfFalse(t)
            | Instr::PopJumpIfTrue(t)
            | Instr::JumpIfFalseOrPop(t)
            | Instr::JumpIfTrueOrPop(t)
            | Instr::ForIter(t)
                if mon.mask & (ev::BRANCH_LEFT | ev::BRANCH_RIGHT) != 0 =>
            {
                mon.pending = Pending::Branch {
                    at,
                    target: t as usize,
                    for_iter: matches!(ins, Instr::ForIter(_)),
                };
            }
            // The fused test and jump: the jump is the next instruction.
            Instr::IsOpJumpIfFalse(_, t) | Instr::CompareOpJumpIfFalse(_, t)
                if mon.mask & (ev::BRANCH_LEFT | ev::BRANCH_RIGHT) != 0 =>
            {
                mon.pending = Pending::Branch {
                    at: at + 1,
                    target: t as usize,
                    for_iter: false,
                };
            }
            Instr::Call(_) | Instr::CallMethod(_) | Instr::CallKw(_) | Instr::CallEx(_)
                if mon.mask & (ev::CALL | PROFILE_C) != 0 =>
            {
                self.mon_call(f, mon, at, ins, stack)?;
            }
            // CPython 3.14 calls `__enter__` with a CALL instruction.
            Instr::BeforeWith if mon.mask & ev::CALL != 0 => {
                if let Some(mgr) = stack.last() {
                    let name = gilvm_object::static_name!(self.py, "__enter__");
                    if let Some(enter) = self.lookup_special_name(mgr, &name) {
                        self.mon_fire(mon, &f.code, ev::CALL, at, &[enter, mgr.clone()])?;
                    }
                }
            }
            _ => {}
        }
        Ok(())
    }

    /// A call instruction is about to run: CALL, and what its return will report.
    fn mon_call(
        &mut self,
        f: &Frame,
        mon: &mut FrameMon,
        at: usize,
        ins: Instr,
        stack: &[Value],
    ) -> PyResult<()> {
        let len = stack.len();
        let (mut callable, mut arg0) = match ins {
            Instr::Call(n) => {
                let base = len - n as usize - 1;
                (stack[base].clone(), stack.get(base + 1).cloned())
            }
            Instr::CallKw(n) => {
                let base = len - n as usize - 2;
                (
                    stack[base].clone(),
                    (n > 0).then(|| stack[base + 1].clone()),
                )
            }
            Instr::CallMethod(n) => {
                let base = len - n as usize - 2;
                let recv = &stack[base + 1];
                let a = if !recv.is_undef() {
                    Some(recv.clone())
                } else {
                    (n > 0).then(|| stack[base + 2].clone())
                };
                (stack[base].clone(), a)
            }
            Instr::CallEx(k) => {
                let base = len - 2 - k as usize;
                let first = match &stack[base + 1] {
                    Value::Obj(o) => match o.payload() {
                        Payload::Tuple(t) => t.first().cloned(),
                        Payload::List(l) => l.get(self.py, 0),
                        _ => None,
                    },
                    _ => None,
                };
                (stack[base].clone(), first)
            }
            _ => return Ok(()),
        };
        // A bound Python method is its function and receiver (CPython 3.14's CALL).
        if let Value::Obj(o) = &callable {
            if let Payload::BoundMethod(m) = o.payload() {
                if is_python_function(&m.func) {
                    let (func, recv) = (m.func.clone(), m.receiver.clone());
                    callable = func;
                    arg0 = Some(recv);
                }
            }
        }
        let arg0 = arg0.unwrap_or_else(monitoring::missing);
        if mon.mask & ev::CALL != 0 {
            self.mon_fire(
                mon,
                &f.code,
                ev::CALL,
                at,
                &[callable.clone(), arg0.clone()],
            )?;
        }
        if is_python_function(&callable) {
            return Ok(());
        }
        let profile = if mon.mask & PROFILE_C != 0 {
            let p = self.profile_c_arg(&callable, &arg0);
            if let Some(p) = &p {
                self.profile_c_event(f, "c_call", p.clone())?;
            }
            p
        } else {
            None
        };
        if profile.is_some() || mon.mask & (ev::C_RETURN | ev::C_RAISE) != 0 {
            mon.pending = Pending::Call {
                at,
                callable,
                arg0,
                profile,
            };
        }
        Ok(())
    }

    /// The profile function's argument for a call of `callable`: a builtin function, or a
    /// method descriptor bound to its first argument; None for other callables.
    fn profile_c_arg(&mut self, callable: &Value, arg0: &Value) -> Option<Value> {
        let Value::Obj(o) = callable else { return None };
        match o.payload() {
            Payload::BuiltinFunction(b) if gilvm_object::payload::is_method_descriptor(b) => {
                if arg0.is(&monitoring::missing()) {
                    return None;
                }
                Some(Value::Obj(self.new_obj(Owned::BoundMethod(
                    gilvm_object::payload::BoundMethod {
                        func: callable.clone(),
                        receiver: arg0.clone(),
                    },
                ))))
            }
            Payload::BuiltinFunction(_) => Some(callable.clone()),
            Payload::BoundMethod(m) if matches!(&m.func, Value::Obj(fo) if matches!(fo.payload(), Payload::BuiltinFunction(_))) => {
                Some(callable.clone())
            }
            _ => None,
        }
    }

    /// The frame's instruction at `at` raised `err`: C_RAISE (and 'c_exception') for a
    /// pending call, then RAISE. Returns the exception to handle (a callback's error
    /// replaces it).
    #[inline(never)]
    pub(crate) fn mon_raise(
        &mut self,
        f: &Frame,
        mon: &mut FrameMon,
        at: usize,
        err: PyErr,
    ) -> PyErr {
        if !mon.current() {
            self.mon_refresh(f, mon);
        }
        if let Pending::Call {
            at: c,
            callable,
            arg0,
            profile,
        } = std::mem::replace(&mut mon.pending, Pending::None)
        {
            if let Some(p) = profile {
                if let Err(e) = self.profile_c_event(f, "c_exception", p) {
                    return e;
                }
            }
            if mon.mask & ev::C_RAISE != 0 {
                if let Err(e) = self.mon_fire(mon, &f.code, ev::C_RAISE, c, &[callable, arg0]) {
                    return e;
                }
            }
        }
        if mon.mask & ev::RAISE != 0 {
            if let Err(e) = self.mon_fire(mon, &f.code, ev::RAISE, at, &[err.value()]) {
                return e;
            }
        }
        err
    }

    /// Bare `raise` or `Reraise` at `at`: RERAISE.
    #[inline(never)]
    pub(crate) fn mon_reraise(
        &mut self,
        f: &Frame,
        mon: &mut FrameMon,
        at: usize,
        err: PyErr,
    ) -> PyErr {
        mon.pending = Pending::None;
        if mon.mask & ev::RERAISE != 0 {
            if let Err(e) = self.mon_fire(mon, &f.code, ev::RERAISE, at, &[err.value()]) {
                return e;
            }
        }
        err
    }

    /// An exception raised at `at` found its handler at `target`: EXCEPTION_HANDLED (a
    /// callback's error is reported as unraisable: the handler runs).
    #[inline(never)]
    pub(crate) fn mon_handled(&mut self, f: &Frame, mon: &mut FrameMon, target: usize, exc: Value) {
        mon.pending = Pending::None;
        if mon.mask & ev::EXCEPTION_HANDLED != 0 {
            if let Err(e) = self.mon_fire(mon, &f.code, ev::EXCEPTION_HANDLED, target, &[exc]) {
                self.mon_unraisable(&e);
            }
        }
    }

    /// The exception `err` raised at `at` leaves the frame: PY_UNWIND (preceded, for a
    /// generator or coroutine, by the EXCEPTION_HANDLED and RERAISE of CPython's implicit
    /// handler). A callback's error replaces the exception.
    #[inline(never)]
    pub(crate) fn mon_unwind(
        &mut self,
        f: &Frame,
        mon: &mut FrameMon,
        at: usize,
        err: PyErr,
    ) -> PyErr {
        mon.pending = Pending::None;
        let code = f.code();
        // The offset just past the code has no line, as CPython's handlers and
        // clean-ups have none.
        let end = code.instrs.len();
        let mut at = at;
        if in_cleanup(code, at) {
            at = end;
        }
        if code.is_generator()
            || code.flags
                & (gilvm_object::code::flags::COROUTINE
                    | gilvm_object::code::flags::ASYNC_GENERATOR)
                != 0
        {
            self.mon_handled(f, mon, end, err.value());
            if mon.mask & ev::RERAISE != 0 {
                if let Err(e) = self.mon_fire(mon, &f.code, ev::RERAISE, end, &[err.value()]) {
                    return e;
                }
            }
            at = end;
        }
        if mon.mask & ev::PY_UNWIND != 0 {
            if let Err(e) = self.mon_fire(mon, &f.code, ev::PY_UNWIND, at, &[err.value()]) {
                return e;
            }
        }
        err
    }

    /// PY_RETURN or PY_YIELD (`bit`) of `v` at `at`.
    #[inline(never)]
    pub(crate) fn mon_exit(
        &mut self,
        f: &Frame,
        mon: &mut FrameMon,
        bit: u32,
        at: usize,
        v: &Value,
    ) -> PyResult<()> {
        mon.pending = Pending::None;
        if mon.mask & bit == 0 || (mon.comprehension && bit == ev::PY_RETURN) {
            return Ok(());
        }
        self.mon_fire(mon, &f.code, bit, at, std::slice::from_ref(v))
    }

    /// STOP_ITERATION at `at`: a `yield from`/`await` of generator or coroutine `sub`
    /// received its return value `v`.
    #[inline(never)]
    pub(crate) fn mon_stop_iteration(
        &mut self,
        f: &Frame,
        mon: &mut FrameMon,
        at: usize,
        sub: &Value,
        v: &Value,
    ) -> PyResult<()> {
        if mon.mask & ev::STOP_ITERATION == 0 || !self.is_generator_like(sub) {
            return Ok(());
        }
        let stop = self.g.exc.stop_iteration.clone();
        let args = if v.is_none() {
            Vec::new()
        } else {
            vec![v.clone()]
        };
        let exc = Value::Obj(self.new_exception(&stop, args));
        self.mon_fire(mon, &f.code, ev::STOP_ITERATION, at, &[exc])
    }

    fn is_generator_like(&self, v: &Value) -> bool {
        self.is_generator(v) || self.is_coroutine(v)
    }

    /// `next(it)` for a `for` loop whose frame reports RAISE: also the StopIteration that
    /// ended it, when CPython has one (a Python `__next__` raised it, or a generator
    /// returned a value other than None).
    pub(crate) fn mon_next(&mut self, it: &Value) -> PyResult<(Option<Value>, Option<Value>)> {
        if self.is_generator(it) {
            if let Value::Obj(o) = it {
                return match self.gen_resume(o, Value::None)? {
                    crate::gen::Step::Yield(v) => Ok((Some(v), None)),
                    crate::gen::Step::Return(v) if v.is_none() => Ok((None, None)),
                    crate::gen::Step::Return(v) => {
                        let stop = self.g.exc.stop_iteration.clone();
                        Ok((None, Some(Value::Obj(self.new_exception(&stop, vec![v])))))
                    }
                };
            }
        }
        if let Value::Obj(o) = it {
            if let Payload::Instance(_) = o.payload() {
                if let Some(m) =
                    self.lookup_special_name(it, &gilvm_object::static_name!(self.py, "__next__"))
                {
                    return match self.call_method_value(&m, it, &[]) {
                        Ok(v) => Ok((Some(v), None)),
                        Err(e) if self.matches(&e, &self.g.exc.stop_iteration.clone()) => {
                            Ok((None, Some(e.value())))
                        }
                        Err(e) => Err(e),
                    };
                }
            }
        }
        Ok((self.next(it)?, None))
    }

    fn mon_unraisable(&mut self, e: &PyErr) {
        let text = crate::traceback::format_exception(self, e);
        crate::modules::io::write_stderr(&format!(
            "Exception ignored in sys.monitoring callback:\n{text}"
        ));
    }
}
