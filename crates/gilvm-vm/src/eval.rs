//! The interpreter loop.
//!
//! One `match` over [`Instr`] per instruction, with fast paths inline for small ints,
//! floats, lists, ranges and Python-to-Python calls. Errors jump to the exception table
//! lookup at the bottom of the loop. The eval breaker is checked at backward jumps and on
//! function entry.
use gilvm_object::code::{make_function, BinOp, CmpOp, Instr};
use gilvm_object::iterstate::{for_iter_fast, ForIterStep};
use gilvm_object::types::type_of;
use gilvm_object::Owned;
use gilvm_object::{ObjRef, Payload, Value};

use crate::args::Args;
use crate::error::{exc_data, PyErr, PyResult};
use crate::frame::{code_of, Frame};
use crate::interp::Interp;

/// Puts the value stack back into its frame on an exit. The frame's slot holds the empty
/// vector `mem::take` left there (no allocation), which is forgotten rather than dropped:
/// dropping it is an out-of-line call on every return.
#[inline(always)]
fn put_stack(f: &mut Frame, stack: Vec<Value>) {
    let empty = std::mem::replace(&mut f.stack, stack);
    debug_assert_eq!(empty.capacity(), 0);
    std::mem::forget(empty);
}

/// How a frame stopped.
pub enum Exit {
    Return(Value),
    Yield(Value),
    /// Internal to [`Interp::eval`]: the untraced loop stopped at a backward jump because
    /// the frame now wants line events; `eval` resumes it in the traced loop. Never
    /// leaves `eval`.
    Retrace,
}

impl Interp {
    /// Runs `f` until it returns, yields, or raises; `f` is the thread's current frame
    /// (`Interp::cur_frame`) meanwhile.
    #[inline(always)]
    pub fn eval(&mut self, f: &mut Frame) -> Result<Exit, PyErr> {
        // Frame objects: `back` chains the thread's running frames (`frameobj.rs`).
        f.back = std::mem::replace(&mut self.cur_frame, f as *mut Frame as *const Frame);
        // The running frame for finalizers' warnings (coro.rs).
        let outer_tls = crate::coro::RUNNING_FRAME.replace(f as *const Frame);
        // Line tracing (`linetrace.rs`): the traced copy of the loop runs a frame only when
        // its thread has a hook (the persistent eval-breaker bit, one relaxed load per
        // frame) and the frame a local trace function.
        let mut r = if self.thread_state.eval_breaker.is_set() && self.wants_line_events(f) {
            self.eval_frame::<true>(f, false)
        } else {
            self.eval_frame::<false>(f, false)
        };
        while let Ok(Exit::Retrace) = r {
            r = self.eval_frame::<true>(f, true);
        }
        self.cur_frame = f.back;
        crate::coro::RUNNING_FRAME.set(outer_tls);
        r
    }

    /// The interpreter loop proper. `TRACED` is the copy that reports line events
    /// (`linetrace.rs`) and monitoring events (`monitor.rs`) before each instruction; the
    /// untraced copy has no trace of it. `resumed`: the untraced loop handed the frame
    /// over mid-way (no entry event).
    fn eval_frame<const TRACED: bool>(
        &mut self,
        f: &mut Frame,
        resumed: bool,
    ) -> Result<Exit, PyErr> {
        // Borrowed, not cloned: no instruction reassigns `f.code` (a count increment and
        // decrement saved per call).
        let code = code_of(&f.code);
        let instrs = &*code.instrs;
        let mut pc = f.pc;
        // The value stack lives in a local while the frame runs (one indirection less on
        // every push and pop); every exit puts it back.
        let mut stack = std::mem::take(&mut f.stack);
        // Pops with two 8-byte loads (`Value::read_words`: no store-forwarding stall on a
        // value pushed a few instructions earlier).
        macro_rules! pop {
            () => {{
                let len = stack.len();
                if len == 0 {
                    unreachable!(
                        "value stack underflow in {} ({})",
                        str_of(&code.qualname),
                        str_of(&code.filename)
                    );
                }
                // SAFETY: `len - 1` is in bounds and initialised; `set_len` first gives the
                // value's ownership to us, so it is read exactly once.
                unsafe {
                    stack.set_len(len - 1);
                    Value::read_words(stack.as_ptr().add(len - 1))
                }
            }};
        }
        // `sys.monitoring` and the profile function's 'c_call' (traced loop only): the
        // frame's events, and its entry event (PY_START, PY_RESUME, PY_THROW).
        let mut mon = if TRACED {
            let (m, e) = self.mon_start(f, resumed);
            if let Some(e) = e {
                if f.pc == 0 && f.throw.is_none() {
                    // PY_START's callback raised: the frame ends before its first
                    // instruction.
                    put_stack(f, stack);
                    return Err(e);
                }
                f.throw.get_or_insert(e);
            }
            m
        } else {
            crate::monitor::FrameMon::OFF
        };
        // An exception thrown into a suspended generator (`generator.throw()`): raised by
        // the instruction the frame is suspended at, so its handlers see it.
        let mut thrown = f.throw.take();
        // The line of the instruction run last in this frame (traced loop only): a fresh
        // frame reports its first line, a resumed generator the first line change.
        let mut last_line = if TRACED {
            crate::linetrace::start_line(f)
        } else {
            crate::linetrace::NO_LINE
        };
        // The pc after the last instruction traced (traced loop only): a smaller one next
        // means a jump back.
        let mut last_pc = pc;
        // The frame object whose `f_trace` gets the line events (traced loop only).
        let trace_fo = if TRACED {
            crate::linetrace::trace_target(f)
        } else {
            None
        };
        loop {
            let err: PyErr = 'op: {
                if let Some(e) = thrown.take() {
                    // Suspended in `yield from`, the frame's pc is the YieldFrom itself
                    // (re-run on resumption); after a plain yield it is the next
                    // instruction. The dispatch below raises at pc - 1.
                    if matches!(instrs.get(pc), Some(Instr::YieldFrom)) {
                        pc += 1;
                    }
                    break 'op e;
                }
                macro_rules! tri {
                    ($e:expr) => {
                        match $e {
                            Ok(v) => v,
                            Err(e) => break 'op e,
                        }
                    };
                }
                // The bound local `i` (a `&Value`), or raise UnboundLocalError.
                macro_rules! fast {
                    ($i:expr) => {{
                        let i = $i as usize;
                        let v = &f.fast[i];
                        if v.is_undef() {
                            let name = code.varnames[i].clone();
                            break 'op self.unbound_local(&name);
                        }
                        v
                    }};
                }
                loop {
                    let ins = instrs[pc];
                    pc += 1;
                    // No line starts at a `Jump`: the compiler's are synthetic (loop
                    // back-edges, the end of an `if` body), `break`/`continue` start with
                    // a `Nop` of their line.
                    if TRACED && !matches!(ins, Instr::Jump(_)) {
                        // Any jump back (a loop's, a comprehension filter's) reports its
                        // target's line even when it is the line being left.
                        if pc <= last_pc {
                            last_line = crate::linetrace::NO_LINE;
                        }
                        last_pc = pc;
                        tri!(self.trace_instr(code, &mut f.pc, &trace_fo, pc - 1, &mut last_line));
                    }
                    if TRACED {
                        if !mon.current() {
                            self.mon_refresh(f, &mut mon);
                        }
                        if mon.mask != 0 {
                            f.pc = pc;
                            tri!(self.mon_before(f, &mut mon, pc - 1, ins, &stack));
                        }
                    }
                    match ins {
                        Instr::Nop => {}
                        Instr::Pop => {
                            stack.pop();
                        }
                        Instr::Copy(n) => {
                            let v = stack[stack.len() - n as usize].clone();
                            Value::push_words(&mut stack, v);
                        }
                        Instr::Swap(n) => {
                            let len = stack.len();
                            stack.swap(len - 1, len - n as usize);
                        }
                        Instr::LoadConst(i) => {
                            Value::push_words(&mut stack, code.consts[i as usize].clone())
                        }
                        Instr::LoadFast(i) => {
                            let v = fast!(i);
                            Value::push_words(&mut stack, v.clone());
                        }
                        Instr::StoreFast(i) => {
                            let v = pop!();
                            Value::set_words(&mut f.fast[i as usize], v);
                        }
                        Instr::DeleteFast(i) => {
                            fast!(i);
                            // What the old value's finalizer (`__del__`, a never-awaited
                            // coroutine's warning) reports is this line.
                            f.pc = pc;
                            f.fast[i as usize] = Value::Undef;
                        }
                        Instr::LoadDeref(i) => {
                            let slot = code.nlocals() + i as usize;
                            let v = tri!(self.cell_get(&f.fast[slot], code, i as usize));
                            Value::push_words(&mut stack, v);
                        }
                        Instr::StoreDeref(i) => {
                            let v = pop!();
                            let slot = code.nlocals() + i as usize;
                            self.cell_set(&f.fast[slot], v);
                        }
                        Instr::DeleteDeref(i) => {
                            f.pc = pc;
                            let slot = code.nlocals() + i as usize;
                            tri!(self.cell_get(&f.fast[slot], code, i as usize));
                            self.cell_set(&f.fast[slot], Value::Undef);
                        }
                        Instr::LoadClosure(i) => {
                            let slot = code.nlocals() + i as usize;
                            Value::push_words(&mut stack, f.fast[slot].clone());
                        }
                        Instr::LoadClassDeref(i) => {
                            let name = self.cell_name(code, i as usize);
                            let found = match &f.locals {
                                Some(l) => tri!(self.namespace_get(&l.clone(), &name)),
                                None => None,
                            };
                            let v = match found {
                                Some(v) => v,
                                None => {
                                    let slot = code.nlocals() + i as usize;
                                    tri!(self.cell_get(&f.fast[slot], code, i as usize))
                                }
                            };
                            Value::push_words(&mut stack, v);
                        }
                        Instr::LoadGlobal(i) => {
                            let v = if matches!(f.globals.payload(), Payload::Dict(_)) {
                                tri!(self.load_global_cached(&f.globals, code, i as usize))
                            } else {
                                let g = f.globals.clone();
                                tri!(self.load_global_mapping(&g, &code.names[i as usize]))
                            };
                            Value::push_words(&mut stack, v);
                        }
                        Instr::StoreGlobal(i) => {
                            let v = pop!();
                            f.pc = pc;
                            if let Value::Obj(o) = &v {
                                o.publish_shared();
                            }
                            self.dict_set_str(&f.globals, code.names[i as usize].clone(), v);
                        }
                        Instr::DeleteGlobal(i) => {
                            f.pc = pc;
                            let name = &code.names[i as usize];
                            if self.dict_del_str(&f.globals, name).is_none() {
                                break 'op self
                                    .name_error(format!("name '{}' is not defined", str_of(name)));
                            }
                        }
                        Instr::LoadName(i) => {
                            let name = &code.names[i as usize];
                            let found = match &f.locals {
                                Some(l) if matches!(l.payload(), Payload::Dict(_)) => {
                                    self.dict_get_str(l, name)
                                }
                                Some(l) => tri!(self.namespace_get_mapping(&l.clone(), name)),
                                None => None,
                            };
                            let v = match found {
                                Some(v) => v,
                                None if !matches!(f.globals.payload(), Payload::Dict(_)) => {
                                    let g = f.globals.clone();
                                    tri!(self.load_global_mapping(&g, name))
                                }
                                None => tri!(self.load_global(&f.globals, name)),
                            };
                            Value::push_words(&mut stack, v);
                        }
                        Instr::StoreName(i) => {
                            let v = pop!();
                            f.pc = pc;
                            if let Value::Obj(o) = &v {
                                o.publish_shared();
                            }
                            let ns = f.locals.clone().unwrap_or_else(|| f.globals.clone());
                            tri!(self.namespace_set(&ns, code.names[i as usize].clone(), v));
                        }
                        Instr::DeleteName(i) => {
                            f.pc = pc;
                            let name = &code.names[i as usize];
                            let ns = f.locals.clone().unwrap_or_else(|| f.globals.clone());
                            if !self.namespace_del(&ns, name) {
                                break 'op self
                                    .name_error(format!("name '{}' is not defined", str_of(name)));
                            }
                        }
                        Instr::LoadAttr(i) => {
                            let o = pop!();
                            // Inline: the attribute caches (`attrcache.rs`).
                            let v = tri!(self.load_attr_op(&o, code, i as usize));
                            Value::push_words(&mut stack, v);
                        }
                        Instr::StoreAttr(i) => {
                            let o = pop!();
                            let v = pop!();
                            let name = &code.names[i as usize];
                            // Inline: a plain instance attribute of a type without its own
                            // `__setattr__` (`attrcache.rs`).
                            let Err(v) = self.store_attr_cached(&o, code, i as usize, v) else {
                                continue;
                            };
                            tri!(self.setattr(&o, name, v));
                        }
                        Instr::DeleteAttr(i) => {
                            let o = pop!();
                            tri!(self.delattr(&o, &code.names[i as usize]));
                        }
                        Instr::LoadMethod(i) => {
                            let o = pop!();
                            if let Some(m) = self.load_method_cached(&o, code, i as usize) {
                                Value::push_words(&mut stack, m);
                                Value::push_words(&mut stack, o);
                                continue;
                            }
                            let (m, recv) = tri!(self.load_method_slow(o, code, i as usize));
                            Value::push_words(&mut stack, m);
                            Value::push_words(&mut stack, recv);
                        }
                        Instr::CallMethod(n) => {
                            // The line of the call, for the callee's view of its caller
                            // (`Frame::line`: warnings, `builtins/exec.rs`).
                            f.pc = pc;
                            let n = n as usize;
                            let len = stack.len();
                            let base = len - n - 2;
                            let first = base + 1 + stack[base + 1].is_undef() as usize;
                            if let Some(r) = self.call_exact_moving(&mut stack, base, first) {
                                Value::push_words(&mut stack, tri!(r));
                                continue;
                            }
                            if let Some(r) = self.call_class_exact_moving(&mut stack, base, first) {
                                Value::push_words(&mut stack, tri!(r));
                                continue;
                            }
                            let args = if stack[base + 1].is_undef() {
                                Args::new(&stack[base + 2..])
                            } else {
                                Args::new(&stack[base + 1..])
                            };
                            let r = self.call_inline(&stack[base], args);
                            Value::truncate(&mut stack, base);
                            Value::push_words(&mut stack, tri!(r));
                            // The call set a hook or asked for monitoring events (a
                            // module calling `sys.monitoring.set_events`): go on traced.
                            if !TRACED
                                && self.thread_state.eval_breaker.is_set()
                                && self.wants_line_events(f)
                            {
                                f.pc = pc;
                                put_stack(f, stack);
                                return Ok(Exit::Retrace);
                            }
                        }
                        Instr::Call(n) => {
                            // The line of the call, for the callee's view of its caller
                            // (`Frame::line`: warnings, `builtins/exec.rs`).
                            f.pc = pc;
                            let n = n as usize;
                            let base = stack.len() - n - 1;
                            if let Some(r) = self.call_exact_moving(&mut stack, base, base + 1) {
                                Value::push_words(&mut stack, tri!(r));
                                continue;
                            }
                            if let Some(r) =
                                self.call_class_exact_moving(&mut stack, base, base + 1)
                            {
                                Value::push_words(&mut stack, tri!(r));
                                continue;
                            }
                            let args = Args::new(&stack[base + 1..]);
                            let r = self.call_inline(&stack[base], args);
                            Value::truncate(&mut stack, base);
                            Value::push_words(&mut stack, tri!(r));
                            // The call set a hook or asked for monitoring events (a
                            // module calling `sys.monitoring.set_events`): go on traced.
                            if !TRACED
                                && self.thread_state.eval_breaker.is_set()
                                && self.wants_line_events(f)
                            {
                                f.pc = pc;
                                put_stack(f, stack);
                                return Ok(Exit::Retrace);
                            }
                        }
                        Instr::CallKw(n) => {
                            // The line of the call, for the callee's view of its caller
                            // (`Frame::line`: warnings, `builtins/exec.rs`).
                            f.pc = pc;
                            let names = pop!();
                            let n = n as usize;
                            let base = stack.len() - n - 1;
                            let kwnames: &[Value] = match &names {
                                Value::Obj(o) => match o.payload() {
                                    Payload::Tuple(t) => t,
                                    _ => &[],
                                },
                                _ => &[],
                            };
                            let r = self.call(
                                &stack[base],
                                Args {
                                    all: &stack[base + 1..],
                                    kwnames,
                                },
                            );
                            Value::truncate(&mut stack, base);
                            Value::push_words(&mut stack, tri!(r));
                        }
                        Instr::CallEx(has_kw) => {
                            // The line of the call, for the callee's view of its caller
                            // (`Frame::line`: warnings, `builtins/exec.rs`).
                            f.pc = pc;
                            let kwargs = if has_kw != 0 { Some(pop!()) } else { None };
                            let args = pop!();
                            let func = pop!();
                            let r = self.call_ex(&func, &args, kwargs.as_ref());
                            Value::push_words(&mut stack, tri!(r));
                        }
                        Instr::BinaryOp(op) | Instr::InplaceOp(op) => {
                            let b = pop!();
                            let a = pop!();
                            let v = match binop_fast(op, &a, &b) {
                                Some(v) => v,
                                None => {
                                    let inplace = matches!(ins, Instr::InplaceOp(_));
                                    tri!(self.binary_op(op, a, b, inplace))
                                }
                            };
                            Value::push_words(&mut stack, v);
                        }
                        Instr::BinaryOpStoreFast(op, i) | Instr::InplaceOpStoreFast(op, i) => {
                            let b = pop!();
                            let a = pop!();
                            let v = match binop_fast(op, &a, &b) {
                                Some(v) => v,
                                None => {
                                    let inplace = matches!(ins, Instr::InplaceOpStoreFast(..));
                                    tri!(self.binary_op(op, a, b, inplace))
                                }
                            };
                            Value::set_words(&mut f.fast[i as usize], v);
                            pc += 1;
                        }
                        Instr::LoadFastLoadFast(arg) => {
                            let (i, j) = (arg & 0xffff, arg >> 16);
                            let v = fast!(i);
                            Value::push_words(&mut stack, v.clone());
                            // The second load is the instruction at pc (raised from there).
                            pc += 1;
                            let w = fast!(j);
                            Value::push_words(&mut stack, w.clone());
                        }
                        Instr::LoadFastLoadAttr(arg) => {
                            let (a, n) = (arg & 0xffff, (arg >> 16) as usize);
                            let o = fast!(a);
                            // The attribute's errors belong to the LoadAttr at pc.
                            pc += 1;
                            let v = tri!(self.load_attr_op(o, code, n));
                            Value::push_words(&mut stack, v);
                        }
                        Instr::LoadFastLoadMethod(arg) => {
                            let (a, n) = (arg & 0xffff, (arg >> 16) as usize);
                            let o = fast!(a);
                            pc += 1;
                            if let Some(m) = self.load_method_cached(o, code, n) {
                                Value::push_words(&mut stack, m);
                                Value::push_words(&mut stack, o.clone());
                                continue;
                            }
                            let (m, recv) = tri!(self.load_method_slow(o.clone(), code, n));
                            Value::push_words(&mut stack, m);
                            Value::push_words(&mut stack, recv);
                        }
                        Instr::LoadFastStoreAttr(arg) => {
                            let (a, n) = (arg & 0xffff, (arg >> 16) as usize);
                            let o = fast!(a);
                            pc += 1;
                            let v = pop!();
                            let Err(v) = self.store_attr_cached(o, code, n, v) else {
                                continue;
                            };
                            tri!(self.setattr(o, &code.names[n], v));
                        }
                        Instr::IsOpJumpIfFalse(neg, t) => {
                            let b = pop!();
                            let a = pop!();
                            if a.is(&b) != (neg != 0) {
                                pc += 1;
                            } else {
                                pc = t as usize;
                            }
                        }
                        Instr::LoadFastLoadConst(arg) => {
                            let (i, c) = (arg & 0xffff, (arg >> 16) as usize);
                            let v = fast!(i);
                            Value::push_words(&mut stack, v.clone());
                            Value::push_words(&mut stack, code.consts[c].clone());
                            pc += 1;
                        }
                        Instr::CompareOpJumpIfFalse(op, t) => {
                            let b = pop!();
                            let a = pop!();
                            let truth = match compare_fast(op, &a, &b) {
                                Some(t) => t,
                                None => {
                                    // The comparison's line, for what it calls or warns
                                    // (`-b`'s BytesWarning, a Python `__eq__`).
                                    f.pc = pc;
                                    let v = tri!(self.compare(op, &a, &b));
                                    // Truth testing belongs to the jump at pc.
                                    pc += 1;
                                    let t = match v {
                                        Value::Bool(t) => t,
                                        other => tri!(self.truthy(&other)),
                                    };
                                    pc -= 1;
                                    t
                                }
                            };
                            if truth {
                                pc += 1;
                            } else {
                                pc = t as usize;
                            }
                        }
                        Instr::UnaryOp(op) => {
                            let a = pop!();
                            // The operation's line, for a warning (`~True`) or a Python
                            // `__neg__` that asks for it.
                            f.pc = pc;
                            let v = tri!(self.unary_op(op, a));
                            Value::push_words(&mut stack, v);
                        }
                        Instr::CompareOp(op) => {
                            let b = pop!();
                            let a = pop!();
                            let v = match compare_fast(op, &a, &b) {
                                Some(t) => Value::Bool(t),
                                None => {
                                    f.pc = pc;
                                    tri!(self.compare(op, &a, &b))
                                }
                            };
                            Value::push_words(&mut stack, v);
                        }
                        Instr::IsOp(neg) => {
                            let b = pop!();
                            let a = pop!();
                            Value::push_words(&mut stack, Value::Bool(a.is(&b) != (neg != 0)));
                        }
                        Instr::ContainsOp(neg) => {
                            let container = pop!();
                            let item = pop!();
                            let r = tri!(self.contains(&container, &item));
                            Value::push_words(&mut stack, Value::Bool(r != (neg != 0)));
                        }
                        Instr::BinarySubscr => {
                            let key = pop!();
                            let c = pop!();
                            if let Some(v) = subscr_inline(self.py, &c, &key) {
                                Value::push_words(&mut stack, v);
                                continue;
                            }
                            let v = tri!(self.getitem(&c, &key));
                            Value::push_words(&mut stack, v);
                        }
                        Instr::CheckFast(i) => {
                            fast!(i);
                        }
                        Instr::BinarySubscrFast(i) => {
                            let key = pop!();
                            // Borrowed from the local slot: no count on the container.
                            let c = fast!(i);
                            if let Some(v) = subscr_inline(self.py, c, &key) {
                                Value::push_words(&mut stack, v);
                                continue;
                            }
                            let v = tri!(self.getitem(c, &key));
                            Value::push_words(&mut stack, v);
                        }
                        Instr::StoreSubscr => {
                            let key = pop!();
                            let c = pop!();
                            let v = pop!();
                            // Inline: a list item at an in-range small int. The old item is
                            // dropped after the critical section (its destructor may run
                            // arbitrary code).
                            let (v, key) = match (&c, key) {
                                (Value::Obj(o), Value::Int(i)) => match o.payload() {
                                    Payload::List(l) => match l.set(self.py, i, v) {
                                        Ok(old) => {
                                            drop(old);
                                            continue;
                                        }
                                        Err(v) => (v, Value::Int(i)),
                                    },
                                    _ => (v, Value::Int(i)),
                                },
                                (_, key) => (v, key),
                            };
                            tri!(self.setitem(&c, key, v));
                        }
                        Instr::DeleteSubscr => {
                            let key = pop!();
                            let c = pop!();
                            tri!(self.delitem(&c, &key));
                        }
                        Instr::BuildTuple(n) => {
                            let items = stack.split_off(stack.len() - n as usize);
                            Value::push_words(&mut stack, self.new_tuple(items));
                        }
                        Instr::BuildList(n) => {
                            let items = stack.split_off(stack.len() - n as usize);
                            Value::push_words(&mut stack, self.new_list(items));
                        }
                        Instr::BuildSet(n) => {
                            let items = stack.split_off(stack.len() - n as usize);
                            let s = self.new_set();
                            for it in items {
                                tri!(self.set_add(&s, it));
                            }
                            Value::push_words(&mut stack, Value::Obj(s));
                        }
                        Instr::BuildMap(n) => {
                            let items = stack.split_off(stack.len() - 2 * n as usize);
                            let d = self.new_dict_obj();
                            let mut it = items.into_iter();
                            while let (Some(k), Some(v)) = (it.next(), it.next()) {
                                tri!(self.dict_set(&d, k, v));
                            }
                            Value::push_words(&mut stack, Value::Obj(d));
                        }
                        Instr::BuildString(n) => {
                            let items = stack.split_off(stack.len() - n as usize);
                            let mut s = String::new();
                            for it in &items {
                                s.push_str(it.as_str().unwrap_or(""));
                            }
                            Value::push_words(&mut stack, self.new_str(s));
                        }
                        Instr::BuildSlice(n) => {
                            let step = if n == 3 { pop!() } else { Value::None };
                            let stop = pop!();
                            let start = pop!();
                            Value::push_words(
                                &mut stack,
                                Value::Obj(
                                    self.new_obj(Owned::Slice(Box::new([start, stop, step]))),
                                ),
                            );
                        }
                        Instr::ListAppend(n) => {
                            let v = pop!();
                            let l = &stack[stack.len() - n as usize];
                            if let Value::Obj(o) = l {
                                if let Payload::List(cell) = o.payload() {
                                    cell.append(self.py, v);
                                }
                            }
                        }
                        Instr::SetAdd(n) => {
                            let v = pop!();
                            let s = stack[stack.len() - n as usize].clone();
                            if let Value::Obj(o) = &s {
                                tri!(self.set_add(o, v));
                            }
                        }
                        Instr::MapAdd(n) => {
                            let v = pop!();
                            let k = pop!();
                            let d = stack[stack.len() - n as usize].clone();
                            if let Value::Obj(o) = &d {
                                tri!(self.dict_set(o, k, v));
                            }
                        }
                        Instr::ListExtend(n) => {
                            let it = pop!();
                            let items = tri!(self.collect(&it));
                            let l = &stack[stack.len() - n as usize];
                            if let Value::Obj(o) = l {
                                if let Payload::List(cell) = o.payload() {
                                    cell.extend(self.py, items);
                                }
                            }
                        }
                        Instr::SetUpdate(n) => {
                            let it = pop!();
                            let items = tri!(self.collect(&it));
                            let s = stack[stack.len() - n as usize].clone();
                            if let Value::Obj(o) = &s {
                                for x in items {
                                    tri!(self.set_add(o, x));
                                }
                            }
                        }
                        Instr::DictUpdate(n) | Instr::DictMerge(n) => {
                            let m = pop!();
                            let d = stack[stack.len() - n as usize].clone();
                            let merge = matches!(ins, Instr::DictMerge(_));
                            let func = if merge {
                                Some(stack[stack.len() - n as usize - 2].clone())
                            } else {
                                None
                            };
                            if let Value::Obj(o) = &d {
                                tri!(self.dict_update_from(o, &m, func.as_ref()));
                            }
                        }
                        Instr::ListToTuple => {
                            let l = pop!();
                            let items = match &l {
                                Value::Obj(o) => match o.payload() {
                                    Payload::List(c) => c.clear(self.py),
                                    _ => Vec::new(),
                                },
                                _ => Vec::new(),
                            };
                            Value::push_words(&mut stack, self.new_tuple(items));
                        }
                        Instr::FormatValue(flags) => {
                            let spec = if flags & 4 != 0 { Some(pop!()) } else { None };
                            let v = pop!();
                            let v = match flags & 3 {
                                1 => tri!(self.str_value(&v)),
                                2 => {
                                    let s = tri!(self.repr(&v));
                                    self.new_str(s)
                                }
                                3 => {
                                    let s = tri!(self.ascii(&v));
                                    self.new_str(s)
                                }
                                _ => v,
                            };
                            let r = tri!(self
                                .format(&v, spec.as_ref().and_then(|s| s.as_str()).unwrap_or("")));
                            Value::push_words(&mut stack, r);
                        }
                        Instr::UnpackSequence(n) => {
                            let seq = pop!();
                            tri!(self.unpack_into(&seq, n as usize, None, &mut stack));
                        }
                        Instr::UnpackEx(arg) => {
                            let seq = pop!();
                            let before = (arg & 0xff) as usize;
                            let after = (arg >> 8) as usize;
                            tri!(self.unpack_into(&seq, before, Some(after), &mut stack));
                        }
                        Instr::Jump(t) => {
                            if (t as usize) < pc && self.thread_state.eval_breaker.is_set() {
                                f.pc = pc;
                                tri!(self.handle_eval_breaker());
                                // A trace function set since the frame started (`bdb`'s
                                // `set_trace`): go on in the traced loop.
                                if !TRACED && self.wants_line_events(f) {
                                    f.pc = t as usize;
                                    put_stack(f, stack);
                                    return Ok(Exit::Retrace);
                                }
                            }
                            // A jump back reports its target's line even when it is the
                            // line being left (a loop on one line), as CPython does.
                            if TRACED && (t as usize) < pc {
                                last_line = crate::linetrace::NO_LINE;
                            }
                            pc = t as usize;
                        }
                        Instr::PopJumpIfFalse(t) => {
                            let v = pop!();
                            let b = match truth_fast(&v) {
                                Some(b) => b,
                                None => tri!(self.truthy(&v)),
                            };
                            if !b {
                                pc = t as usize;
                            }
                        }
                        Instr::PopJumpIfTrue(t) => {
                            let v = pop!();
                            let b = match truth_fast(&v) {
                                Some(b) => b,
                                None => tri!(self.truthy(&v)),
                            };
                            if b {
                                pc = t as usize;
                            }
                        }
                        Instr::JumpIfFalseOrPop(t) => {
                            let b = tri!(self.truthy(stack.last().unwrap()));
                            if !b {
                                pc = t as usize;
                            } else {
                                stack.pop();
                            }
                        }
                        Instr::JumpIfTrueOrPop(t) => {
                            let b = tri!(self.truthy(stack.last().unwrap()));
                            if b {
                                pc = t as usize;
                            } else {
                                stack.pop();
                            }
                        }
                        Instr::GetIter => {
                            let v = pop!();
                            let it = tri!(self.iter(&v));
                            Value::push_words(&mut stack, it);
                        }
                        Instr::ForIter(t) => {
                            let it = stack.last().unwrap();
                            // Fast paths: range and sequence iterators. The value stack
                            // usually holds the only reference to the iterator; then no
                            // other thread can reach it and its cell is entered without
                            // the per-object lock (free-threaded build).
                            if let Value::Obj(o) = it {
                                match for_iter_fast(self.py, o) {
                                    ForIterStep::Int(v) => {
                                        Value::push_words(&mut stack, Value::Int(v));
                                        continue;
                                    }
                                    ForIterStep::Item(v) => {
                                        Value::push_words(&mut stack, v);
                                        continue;
                                    }
                                    ForIterStep::Done => {
                                        stack.pop();
                                        pc = t as usize;
                                        continue;
                                    }
                                    // Not over a range, list or tuple, or a shared
                                    // sequence iterator: the general path.
                                    ForIterStep::Slow => {}
                                }
                            }
                            // `for a, b in enumerate(…)/zip(x, y)/d.items()`: the pair
                            // straight onto the stack as UnpackSequence(2) leaves it, which
                            // is then skipped (`iters::next_iter_pair`; a jump to it still
                            // runs it alone).
                            if let (Instr::UnpackSequence(2), Value::Obj(o)) =
                                (instrs[pc], stack.last().unwrap())
                            {
                                if let Payload::Iter(_) = o.payload() {
                                    let mut second = None;
                                    match tri!(crate::iters::next_iter_pair(self, o, &mut second)) {
                                        Some(a) => {
                                            if let Some(b) = second {
                                                Value::push_words(&mut stack, b);
                                                pc += 1;
                                            }
                                            Value::push_words(&mut stack, a);
                                        }
                                        None => {
                                            stack.pop();
                                            pc = t as usize;
                                        }
                                    }
                                    continue;
                                }
                            }
                            // Not cloned: an iterator held only by this stack stays
                            // exclusive (see `ObjRef::is_exclusive`), which generators use.
                            let it = stack.last().unwrap();
                            let next = if TRACED
                                && mon.mask & crate::modules::monitoring::ev::RAISE != 0
                            {
                                // A StopIteration CPython sees is a RAISE event.
                                let (v, stop) = tri!(self.mon_next(it));
                                if let Some(Value::Obj(so)) = stop {
                                    f.pc = pc;
                                    let e = self.mon_raise(f, &mut mon, pc - 1, PyErr(so.clone()));
                                    // A callback's error replaces it.
                                    if !e.0.is(&so) {
                                        break 'op e;
                                    }
                                }
                                v
                            } else {
                                tri!(self.next(it))
                            };
                            match next {
                                Some(v) => Value::push_words(&mut stack, v),
                                None => {
                                    let it = stack.pop();
                                    if TRACED {
                                        f.pc = pc;
                                        self.trace_generator_exhausted(f, it);
                                    }
                                    pc = t as usize;
                                }
                            }
                        }
                        Instr::MakeFunction(flags) => {
                            let code_v = pop!();
                            let closure = if flags & make_function::CLOSURE != 0 {
                                Some(pop!())
                            } else {
                                None
                            };
                            let kwdefaults = if flags & make_function::KWDEFAULTS != 0 {
                                Some(pop!())
                            } else {
                                None
                            };
                            let defaults = if flags & make_function::DEFAULTS != 0 {
                                Some(pop!())
                            } else {
                                None
                            };
                            let module = self.module_name_cached(&f.globals, code);
                            let func = self.make_function(
                                &code_v, &f.globals, module, defaults, kwdefaults, closure,
                            );
                            Value::push_words(&mut stack, func);
                        }
                        Instr::ReturnValue => {
                            let v = pop!();
                            f.pc = pc;
                            if TRACED && mon.mask != 0 {
                                let bit = crate::modules::monitoring::ev::PY_RETURN;
                                tri!(self.mon_exit(f, &mut mon, bit, pc - 1, &v));
                            }
                            put_stack(f, stack);
                            return Ok(Exit::Return(v));
                        }
                        Instr::YieldValue => {
                            let v = pop!();
                            f.pc = pc;
                            if TRACED && mon.mask != 0 {
                                let bit = crate::modules::monitoring::ev::PY_YIELD;
                                tri!(self.mon_exit(f, &mut mon, bit, pc - 1, &v));
                            }
                            put_stack(f, stack);
                            return Ok(Exit::Yield(v));
                        }
                        Instr::GetYieldFromIter => {
                            let v = pop!();
                            let it = if self.is_generator(&v) {
                                v
                            } else {
                                tri!(self.iter(&v))
                            };
                            Value::push_words(&mut stack, it);
                        }
                        Instr::YieldFrom => {
                            let sent = pop!();
                            let sub = stack.last().unwrap().clone();
                            match tri!(self.send_to(&sub, sent)) {
                                crate::gen::Step::Yield(v) => {
                                    if TRACED && mon.mask != 0 {
                                        f.pc = pc;
                                        let bit = crate::modules::monitoring::ev::PY_YIELD;
                                        tri!(self.mon_exit(f, &mut mon, bit, pc - 1, &v));
                                    }
                                    f.pc = pc - 1;
                                    put_stack(f, stack);
                                    return Ok(Exit::Yield(v));
                                }
                                crate::gen::Step::Return(v) => {
                                    if TRACED && mon.mask != 0 {
                                        f.pc = pc;
                                        tri!(self.mon_stop_iteration(
                                            f,
                                            &mut mon,
                                            pc - 1,
                                            &sub,
                                            &v
                                        ));
                                    }
                                    stack.pop();
                                    Value::push_words(&mut stack, v);
                                }
                            }
                        }
                        Instr::Raise(n) => {
                            let e = match n {
                                0 => match &self.handled {
                                    Value::Obj(o) => PyErr(o.clone()),
                                    _ => self.runtime_error("No active exception to reraise"),
                                },
                                1 => {
                                    let exc = pop!();
                                    tri!(self.make_raisable(&exc))
                                }
                                _ => {
                                    let cause = pop!();
                                    let exc = pop!();
                                    let e = tri!(self.make_raisable(&exc));
                                    tri!(self.set_cause(&e, cause));
                                    e
                                }
                            };
                            if n == 0 {
                                // A bare `raise` keeps the traceback as it is.
                                f.pc = pc;
                                let e = if TRACED && mon.mask != 0 {
                                    self.mon_reraise(f, &mut mon, pc - 1, e)
                                } else {
                                    e
                                };
                                match self.find_handler(
                                    code,
                                    pc - 1,
                                    &f.code,
                                    &mut stack,
                                    &e,
                                    false,
                                ) {
                                    Some(t) => {
                                        if TRACED && mon.mask != 0 {
                                            self.mon_handled(f, &mut mon, t, e.value());
                                        }
                                        pc = t;
                                        continue;
                                    }
                                    None => {
                                        let e = if TRACED && mon.mask != 0 {
                                            self.mon_unwind(f, &mut mon, pc - 1, e)
                                        } else {
                                            e
                                        };
                                        put_stack(f, stack);
                                        return Err(e);
                                    }
                                }
                            }
                            // `raise e` while handling another exception sets the context,
                            // also when `e` was raised before (CPython's _PyErr_SetObject).
                            self.set_implicit_context(&e.0);
                            break 'op e;
                        }
                        Instr::Reraise => {
                            let exc = pop!();
                            let e = match exc {
                                Value::Obj(o) => PyErr(o),
                                _ => self.runtime_error("bad reraise"),
                            };
                            f.pc = pc;
                            let e = if TRACED && mon.mask != 0 {
                                self.mon_reraise(f, &mut mon, pc - 1, e)
                            } else {
                                e
                            };
                            // Propagate without a new traceback entry.
                            match self.find_handler(code, pc - 1, &f.code, &mut stack, &e, false) {
                                Some(t) => {
                                    if TRACED && mon.mask != 0 {
                                        self.mon_handled(f, &mut mon, t, e.value());
                                    }
                                    pc = t;
                                    continue;
                                }
                                None => {
                                    let e = if TRACED && mon.mask != 0 {
                                        self.mon_unwind(f, &mut mon, pc - 1, e)
                                    } else {
                                        e
                                    };
                                    put_stack(f, stack);
                                    return Err(e);
                                }
                            }
                        }
                        Instr::PushExcInfo => {
                            let exc = pop!();
                            let prev = std::mem::replace(&mut self.handled, exc.clone());
                            Value::push_words(&mut stack, prev);
                            Value::push_words(&mut stack, exc);
                        }
                        Instr::PopExcept => {
                            let prev = pop!();
                            self.handled = prev;
                        }
                        Instr::CheckExcMatch => {
                            let ty = pop!();
                            let exc = stack.last().unwrap().clone();
                            let r = tri!(self.exception_matches(&exc, &ty));
                            Value::push_words(&mut stack, Value::Bool(r));
                        }
                        Instr::WithExceptStart => {
                            let len = stack.len();
                            let exc = stack[len - 1].clone();
                            let exit = stack[len - 3].clone();
                            let ty = Value::Obj(type_of(&exc).clone());
                            // `__exit__(type, value, value.__traceback__)`.
                            let tb = match &exc {
                                Value::Obj(o) => crate::error::exc_data(o)
                                    .map(|d| d.with(self.py, |d| d.traceback.clone()))
                                    .unwrap_or(Value::None),
                                _ => Value::None,
                            };
                            let r = tri!(self.call(&exit, Args::new(&[ty, exc, tb])));
                            Value::push_words(&mut stack, r);
                        }
                        Instr::BeforeWith => {
                            let mgr = pop!();
                            let (exit, res) = tri!(self.before_with(&mgr));
                            Value::push_words(&mut stack, exit);
                            Value::push_words(&mut stack, res);
                            // `__enter__` turned monitoring on (a tool used as a context
                            // manager): go on traced.
                            if !TRACED
                                && self.thread_state.eval_breaker.is_set()
                                && self.wants_line_events(f)
                            {
                                f.pc = pc;
                                put_stack(f, stack);
                                return Ok(Exit::Retrace);
                            }
                        }
                        Instr::ImportName(i) => {
                            let fromlist = pop!();
                            let level = pop!();
                            let name = &code.names[i as usize];
                            // A replaced `__import__` (the builtins' or the globals' own
                            // builtins') is called as CPython's IMPORT_NAME does.
                            let m = match tri!(self.import_hook(&f.globals)) {
                                None => tri!(self.import_name(name, &fromlist, &level, &f.globals)),
                                Some(h) => {
                                    let locals = match &f.locals {
                                        Some(l) => Value::Obj(l.clone()),
                                        None => Value::None,
                                    };
                                    let a = [
                                        Value::Obj(name.clone()),
                                        Value::Obj(f.globals.clone()),
                                        locals,
                                        fromlist,
                                        level,
                                    ];
                                    tri!(self.call1(&h, &a))
                                }
                            };
                            Value::push_words(&mut stack, m);
                        }
                        Instr::ImportFrom(i) => {
                            let m = stack.last().unwrap().clone();
                            let v = tri!(self.import_from(&m, &code.names[i as usize]));
                            Value::push_words(&mut stack, v);
                        }
                        Instr::ImportStar => {
                            let m = pop!();
                            let ns = f.locals.clone().unwrap_or_else(|| f.globals.clone());
                            tri!(self.import_star(&m, &ns));
                        }
                        Instr::LoadBuildClass => {
                            Value::push_words(&mut stack, self.build_class_fn())
                        }
                        Instr::LoadAssertionError => Value::push_words(
                            &mut stack,
                            Value::Obj(self.g.exc.assertion_error.clone()),
                        ),
                        Instr::PrintExpr => {
                            let v = pop!();
                            tri!(crate::builtins::exec::print_expr(self, v));
                        }
                        // PEP 695 / 750 (branch `pep`): intrinsics, class-dict loads.
                        Instr::CallIntrinsic(arg) => {
                            let args = stack.split_off(stack.len() - (arg & 0xff) as usize);
                            let r = tri!(crate::intrinsics::call(self, arg >> 8, args));
                            Value::push_words(&mut stack, r);
                        }
                        Instr::LoadFromDictOrGlobals(i) => {
                            let m = pop!();
                            let name = code.names[i as usize].clone();
                            let v = tri!(self.load_from_dict_or(&m, &name));
                            let v = match v {
                                Some(v) => v,
                                None if !matches!(f.globals.payload(), Payload::Dict(_)) => {
                                    let g = f.globals.clone();
                                    tri!(self.load_global_mapping(&g, &name))
                                }
                                None => tri!(self.load_global(&f.globals, &name)),
                            };
                            Value::push_words(&mut stack, v);
                        }
                        Instr::LoadFromDictOrDeref(i) => {
                            let m = pop!();
                            let name = self.cell_name(code, i as usize);
                            let v = match tri!(self.load_from_dict_or(&m, &name)) {
                                Some(v) => v,
                                None => {
                                    let slot = code.nlocals() + i as usize;
                                    tri!(self.cell_get(&f.fast[slot], code, i as usize))
                                }
                            };
                            Value::push_words(&mut stack, v);
                        }
                        Instr::LoadLocals => {
                            let l = f.locals.clone().unwrap_or_else(|| f.globals.clone());
                            Value::push_words(&mut stack, Value::Obj(l));
                        }
                        Instr::GetLen => {
                            let n = tri!(self.len(stack.last().unwrap()));
                            Value::push_words(&mut stack, Value::Int(n as i64));
                        }
                        Instr::MatchSequence => {
                            let v = stack.last().unwrap().clone();
                            let r = self.match_sequence(&v);
                            Value::push_words(&mut stack, Value::Bool(r));
                        }
                        Instr::MatchMapping => {
                            let r = self.match_mapping(stack.last().unwrap());
                            Value::push_words(&mut stack, Value::Bool(r));
                        }
                        Instr::MatchKeys => {
                            let len = stack.len();
                            let (subject, keys) = (stack[len - 2].clone(), stack[len - 1].clone());
                            let r = tri!(self.match_keys(&subject, &keys));
                            Value::push_words(&mut stack, r);
                        }
                        Instr::MatchClass(n) => {
                            let names = pop!();
                            let cls = pop!();
                            let subject = pop!();
                            let r = tri!(self.match_class(&subject, &cls, n as usize, &names));
                            Value::push_words(&mut stack, r);
                        }
                        // Coroutines (coro.rs, asyncgen.rs).
                        Instr::GetAwaitable(k) => {
                            let v = pop!();
                            let it = tri!(self.get_awaitable(v, k));
                            Value::push_words(&mut stack, it);
                        }
                        Instr::GetAIter => {
                            let v = pop!();
                            let it = tri!(self.get_aiter(v));
                            Value::push_words(&mut stack, it);
                        }
                        Instr::GetANext => {
                            let aw = tri!(self.get_anext(stack.last().unwrap()));
                            Value::push_words(&mut stack, aw);
                        }
                        Instr::EndAsyncFor => {
                            let exc = pop!();
                            if self.ends_async_for(&exc) {
                                stack.pop();
                                continue;
                            }
                            let e = match exc {
                                Value::Obj(o) => PyErr(o),
                                _ => self.runtime_error("bad reraise"),
                            };
                            f.pc = pc;
                            match self.find_handler(code, pc - 1, &f.code, &mut stack, &e, false) {
                                Some(t) => pc = t,
                                None => {
                                    put_stack(f, stack);
                                    return Err(e);
                                }
                            }
                        }
                        Instr::BeforeAsyncWith => {
                            let mgr = pop!();
                            let (exit, res) = tri!(self.before_async_with(&mgr));
                            Value::push_words(&mut stack, exit);
                            Value::push_words(&mut stack, res);
                        }
                        Instr::AsyncGenWrap => {
                            let v = pop!();
                            let w = self.async_gen_wrap(v);
                            Value::push_words(&mut stack, w);
                        }
                        Instr::StoreClassCell(i) => {
                            let slot = code.nlocals() + i as usize;
                            let cell = f.fast[slot].clone();
                            if let Some(l) = f.locals.clone() {
                                tri!(self.namespace_set(&l, self.g.names.classcell.clone(), cell));
                            }
                        }
                    }
                }
            };
            // An exception was raised by the instruction at pc - 1.
            f.pc = pc;
            let err = if TRACED && (mon.mask != 0 || !mon.current()) {
                self.mon_raise(f, &mut mon, pc - 1, err)
            } else {
                err
            };
            match self.find_handler(code, pc - 1, &f.code, &mut stack, &err, true) {
                Some(t) => {
                    if TRACED && mon.mask != 0 {
                        self.mon_handled(f, &mut mon, t, err.value());
                    }
                    pc = t
                }
                None => {
                    let err = if TRACED && mon.mask != 0 {
                        self.mon_unwind(f, &mut mon, pc - 1, err)
                    } else {
                        err
                    };
                    put_stack(f, stack);
                    return Err(err);
                }
            }
        }
    }

    /// Records the traceback entry (when `record`), sets the implicit context, and finds
    /// the handler for an exception raised at `at`. On success the stack is unwound and the
    /// exception pushed; returns the handler's pc.
    fn find_handler(
        &mut self,
        code: &gilvm_object::code::CodeObject,
        at: usize,
        frame_code: &ObjRef,
        stack: &mut Vec<Value>,
        err: &PyErr,
        record: bool,
    ) -> Option<usize> {
        if record {
            // Traceback objects (`tbobj.rs`): the running frame is `cur_frame`.
            let _ = frame_code;
            let fresh = self.push_traceback(err, self.cur_frame, at);
            let d = err.data();
            // An error raised by an operation: its context is the handled exception, unless
            // the raiser set one (`raise` statements set it in `Instr::Raise`).
            if fresh && d.with(self.py, |d| d.context.is_none()) {
                self.set_implicit_context(&err.0);
            }
        }
        let h = code.handler_for(at)?;
        stack.truncate(h.depth as usize);
        stack.push(err.value());
        Some(h.target as usize)
    }

    /// Sets the `__context__` of `exc`, being raised, to the exception being handled (if any
    /// and not `exc` itself). As CPython does, first removes `exc` from the handled exception's
    /// context chain, so that the chain gets no cycle; a cycle already in the chain (set by
    /// assigning `__context__`) ends the walk (Floyd's cycle detection).
    fn set_implicit_context(&self, exc: &ObjRef) {
        let py = self.py;
        let Value::Obj(h) = &self.handled else { return };
        if h.is(exc) {
            return;
        }
        let Some(d) = exc_data(exc) else { return };
        let context_of = |o: &ObjRef| match exc_data(o).map(|d| d.with(py, |d| d.context.clone())) {
            Some(Value::Obj(c)) => Some(c),
            _ => None,
        };
        let mut o = h.clone();
        let mut slow = h.clone();
        let mut advance_slow = false;
        while let Some(c) = context_of(&o) {
            if c.is(exc) {
                if let Some(od) = exc_data(&o) {
                    let old = od.with(py, |od| std::mem::replace(&mut od.context, Value::None));
                    drop(old);
                }
                break;
            }
            o = c;
            if o.is(&slow) {
                break;
            }
            if advance_slow {
                match context_of(&slow) {
                    Some(s) => slow = s,
                    None => break,
                }
            }
            advance_slow = !advance_slow;
        }
        let h = h.clone();
        let old = d.with(py, |d| std::mem::replace(&mut d.context, Value::Obj(h)));
        drop(old);
    }

    fn unbound_local(&self, name: &ObjRef) -> PyErr {
        let n = str_of(name);
        self.err(
            &self.g.exc.unbound_local_error,
            format!("cannot access local variable '{n}' where it is not associated with a value"),
        )
    }

    fn cell_name(&self, code: &gilvm_object::code::CodeObject, i: usize) -> ObjRef {
        if i < code.cellvars.len() {
            code.cellvars[i].clone()
        } else {
            code.freevars[i - code.cellvars.len()].clone()
        }
    }

    fn cell_get(&self, cell: &Value, code: &gilvm_object::code::CodeObject, i: usize) -> PyResult {
        if let Value::Obj(o) = cell {
            if let Payload::Cell(c) = o.payload() {
                let v = c.with(self.py, |v| v.clone());
                if !v.is_undef() {
                    return Ok(v);
                }
            }
        }
        let name = self.cell_name(code, i);
        let n = str_of(&name);
        if i < code.cellvars.len() {
            Err(self.unbound_local(&name))
        } else {
            Err(self.name_error(format!("cannot access free variable '{n}' where it is not associated with a value in enclosing scope")))
        }
    }

    fn cell_set(&self, cell: &Value, v: Value) {
        if let Value::Obj(o) = cell {
            if let Payload::Cell(c) = o.payload() {
                let old = c.with(self.py, |c| std::mem::replace(c, v));
                drop(old);
            }
        }
    }

    /// `LoadGlobal` through the code object's lock-free cache: a hit needs no dict lookup
    /// and no lock, valid while neither the globals nor the builtins dict has changed.
    #[inline]
    fn load_global_cached(
        &self,
        globals: &ObjRef,
        code: &gilvm_object::code::CodeObject,
        i: usize,
    ) -> PyResult {
        let (Payload::Dict(gd), Payload::Dict(bd)) =
            (globals.payload(), self.g.builtins_dict.payload())
        else {
            return self.load_global(globals, &code.names[i]);
        };
        let slot = &code.global_cache[i];
        let gv = gd.version();
        let bv = bd.version();
        if let Some(w) = slot.read() {
            if w[0] == globals.addr() as u64 && w[1] == gv && w[2] == bv {
                // SAFETY: the entry was validated by unchanged dict versions, so the globals or
                // builtins dict still references the cached object (see CACHE_MORTAL).
                return Ok(unsafe { Value::from_cache_words([w[3] & 0xff, w[4]]) });
            }
        }
        self.load_global_miss(globals, gd, code, i, gv, bv)
    }

    /// `load_global_cached` when the entry is not current. The globals change on every
    /// store (pyperformance's go assigns a module global on every move), but the name is
    /// usually still at the entry index it was found at, which the entry keeps as a hint
    /// and `value_at_if_key` checks under the dict's lock (CPython's LOAD_GLOBAL_MODULE
    /// keeps the index the same way, validated by the keys' version); then the full
    /// lookup. The versions were read before the lookups: a concurrent write bumps them,
    /// so a stale entry is never validated later.
    #[inline(never)]
    fn load_global_miss(
        &self,
        globals: &ObjRef,
        gd: &gilvm_object::dict::PyDict,
        code: &gilvm_object::code::CodeObject,
        i: usize,
        gv: u64,
        bv: u64,
    ) -> PyResult {
        let slot = &code.global_cache[i];
        let addr = globals.addr() as u64;
        let name = &code.names[i];
        let entry = |hint: u64, v: &Value| match v.to_cache_words() {
            Some(w) => [addr, gv, bv, w[0] | hint << 8, w[1]],
            None => [addr, u64::MAX, bv, hint << 8, 0],
        };
        if let Some(w) = slot.read() {
            let hint = w[3] >> 8;
            if w[0] == addr && hint != 0 {
                if let Some(v) = gd.value_at_if_key(self.py, (hint - 1) as usize, name) {
                    slot.write(entry(hint, &v));
                    return Ok(v);
                }
            }
        }
        if let Some((idx, v)) = gd.get_str_indexed(self.py, name) {
            slot.write(entry(idx as u64 + 1, &v));
            return Ok(v);
        }
        let v = self.load_global(globals, name)?;
        // Not with builtins of the globals' own (exec'd code): no version here covers
        // them.
        if v.to_cache_words().is_some() && self.custom_builtins(globals).is_none() {
            slot.write(entry(0, &v));
        }
        Ok(v)
    }

    /// The builtins of code running in `globals` when they are not the interpreter's:
    /// `globals['__builtins__']`, a dict or a module (CPython takes a frame's builtins from
    /// its globals; `eval(expr, {'__builtins__': {}})` runs without builtins).
    pub(crate) fn custom_builtins(&self, globals: &ObjRef) -> Option<ObjRef> {
        let Value::Obj(o) = self.dict_get_str(globals, &self.g.names.builtins)? else {
            return None;
        };
        if o.is(&self.g.builtins_dict) || o.is(&self.g.builtins) {
            return None;
        }
        match o.payload() {
            Payload::Dict(_) => Some(o),
            Payload::Module(m) => Some(m.dict.clone()),
            _ => None,
        }
    }

    /// `globals['__name__']` (None when missing), through the code object's
    /// `module_name_cache` (validated like the global-name cache).
    fn module_name_cached(&self, globals: &ObjRef, code: &gilvm_object::code::CodeObject) -> Value {
        let name = &self.g.names.name;
        let Payload::Dict(gd) = globals.payload() else {
            return self.dict_get_str(globals, name).unwrap_or(Value::None);
        };
        let slot = &code.module_name_cache;
        let gv = gd.version();
        if let Some(w) = slot.read() {
            if w[0] == globals.addr() as u64 && w[1] == gv {
                // SAFETY: validated by the unchanged globals version, so the dict still
                // references the cached object (see CACHE_MORTAL).
                return unsafe { Value::from_cache_words([w[3], w[4]]) };
            }
        }
        let v = self.dict_get_str(globals, name).unwrap_or(Value::None);
        if let Some(words) = v.to_cache_words() {
            // The version was read before the lookup (see `load_global_cached`).
            slot.write([globals.addr() as u64, gv, 0, words[0], words[1]]);
        }
        v
    }

    /// Looks a name up in globals, then builtins.
    #[inline]
    pub fn load_global(&self, globals: &ObjRef, name: &ObjRef) -> PyResult {
        if let Some(v) = self.dict_get_str(globals, name) {
            return Ok(v);
        }
        let own = self.custom_builtins(globals);
        if let Some(v) = self.dict_get_str(own.as_ref().unwrap_or(&self.g.builtins_dict), name) {
            return Ok(v);
        }
        // The compiler loads the `...` literal by this name: a constant, whatever the
        // builtins.
        if own.is_some() && str_of(name) == "Ellipsis" {
            return Ok(Value::Obj(self.g.ellipsis.clone()));
        }
        Err(self.name_error(format!("name '{}' is not defined", str_of(name))))
    }

    /// `LoadGlobal` when the globals are an instance of a dict subclass (annotationlib's
    /// fake globals): as CPython's `PyMapping_GetOptionalItem`, a miss in the dict calls the
    /// class's `__missing__` before the builtins are searched.
    #[inline(never)]
    fn load_global_mapping(&mut self, globals: &ObjRef, name: &ObjRef) -> PyResult {
        if let Some(v) = self.dict_get_str(globals, name) {
            return Ok(v);
        }
        let gv = Value::Obj(globals.clone());
        let missing = gilvm_object::types::lookup(
            self.py,
            gilvm_object::types::type_of(&gv),
            &self.intern("__missing__"),
        );
        if let Some(m) = missing {
            let ty = gilvm_object::types::type_of(&gv).clone();
            match self.call_bound_to(
                &m,
                &ty,
                gv,
                crate::args::Args::new(&[Value::Obj(name.clone())]),
            ) {
                Ok(v) => return Ok(v),
                Err(e) if self.matches(&e, &self.g.exc.key_error.clone()) => {}
                Err(e) => return Err(e),
            }
        }
        self.load_global(globals, name)
    }

    /// Called when the eval breaker is set (drop requests etc.: see gilvm-sync).
    pub fn handle_eval_breaker(&mut self) -> PyResult<()> {
        crate::threads::eval_breaker(self)
    }
}

/// The text of a str object (empty for others).
pub fn str_of(o: &ObjRef) -> &str {
    match o.payload() {
        Payload::Str(s) => s.as_str(),
        _ => "",
    }
}

/// The inline fast paths of binary operators: small ints (unless they overflow) and floats.
#[inline(always)]
fn binop_fast(op: BinOp, a: &Value, b: &Value) -> Option<Value> {
    match (a, b) {
        (Value::Int(x), Value::Int(y)) => match op {
            BinOp::Add => x.checked_add(*y).map(Value::Int),
            BinOp::Sub => x.checked_sub(*y).map(Value::Int),
            BinOp::Mul => x.checked_mul(*y).map(Value::Int),
            BinOp::FloorDiv if *y > 0 => Some(Value::Int(x.div_euclid(*y))),
            BinOp::Mod if *y > 0 => Some(Value::Int(x.rem_euclid(*y))),
            BinOp::And => Some(Value::Int(x & y)),
            BinOp::Or => Some(Value::Int(x | y)),
            BinOp::Xor => Some(Value::Int(x ^ y)),
            // Both exactly representable as floats: one correctly rounded division, as
            // CPython's `long_true_divide` does for small operands.
            BinOp::TrueDiv if *y != 0 && exact_in_f64(*x) && exact_in_f64(*y) => {
                Some(Value::Float(*x as f64 / *y as f64))
            }
            BinOp::RShift if (0..64).contains(y) => Some(Value::Int(x >> y)),
            BinOp::LShift if (0..63).contains(y) && (x << y) >> y == *x => Some(Value::Int(x << y)),
            _ => None,
        },
        (Value::Float(x), Value::Float(y)) => match op {
            BinOp::Add => Some(Value::Float(x + y)),
            BinOp::Sub => Some(Value::Float(x - y)),
            BinOp::Mul => Some(Value::Float(x * y)),
            BinOp::TrueDiv if *y != 0.0 => Some(Value::Float(x / y)),
            _ => None,
        },
        // An int operand is converted as `float(int)` does (`as` rounds to nearest, ties
        // to even, as CPython's PyLong_AsDouble); dividing by zero takes the slow path,
        // which raises.
        (Value::Float(x), Value::Int(y)) => match op {
            BinOp::Add => Some(Value::Float(x + *y as f64)),
            BinOp::Sub => Some(Value::Float(x - *y as f64)),
            BinOp::Mul => Some(Value::Float(x * *y as f64)),
            BinOp::TrueDiv if *y != 0 => Some(Value::Float(x / *y as f64)),
            _ => None,
        },
        (Value::Int(x), Value::Float(y)) => match op {
            BinOp::Add => Some(Value::Float(*x as f64 + y)),
            BinOp::Sub => Some(Value::Float(*x as f64 - y)),
            BinOp::Mul => Some(Value::Float(*x as f64 * y)),
            BinOp::TrueDiv if *y != 0.0 => Some(Value::Float(*x as f64 / y)),
            _ => None,
        },
        _ => None,
    }
}

/// The inline fast paths of comparisons: small ints and floats.
#[inline(always)]
fn compare_fast(op: CmpOp, a: &Value, b: &Value) -> Option<bool> {
    macro_rules! cmp {
        ($x:expr, $y:expr) => {
            match op {
                CmpOp::Lt => $x < $y,
                CmpOp::Le => $x <= $y,
                CmpOp::Eq => $x == $y,
                CmpOp::Ne => $x != $y,
                CmpOp::Gt => $x > $y,
                CmpOp::Ge => $x >= $y,
            }
        };
    }
    match (a, b) {
        (Value::Int(x), Value::Int(y)) => Some(cmp!(x, y)),
        (Value::Float(x), Value::Float(y)) => Some(cmp!(x, y)),
        // An int that converts to a float exactly compares as that float (NaN included:
        // every comparison false but `!=`); larger ones take CPython's exact path.
        (Value::Int(x), Value::Float(y)) if exact_in_f64(*x) => Some(cmp!(*x as f64, *y)),
        (Value::Float(x), Value::Int(y)) if exact_in_f64(*y) => Some(cmp!(*x, *y as f64)),
        _ => None,
    }
}

/// Whether the int converts to a float without rounding (|x| <= 2**53).
#[inline(always)]
fn exact_in_f64(x: i64) -> bool {
    x.unsigned_abs() <= 1 << 53
}

/// The truth of a value that needs no call (`None`, bools, small ints, floats); `None`
/// means: ask `Interp::truthy`.
#[inline(always)]
fn truth_fast(v: &Value) -> Option<bool> {
    match v {
        Value::Bool(b) => Some(*b),
        Value::None => Some(false),
        Value::Int(i) => Some(*i != 0),
        Value::Float(f) => Some(*f != 0.0),
        _ => None,
    }
}

/// The position of index `i` (negative counts from the end) in a sequence of `len` items,
/// if in range.
#[inline(always)]
fn resolve_index(len: usize, i: i64) -> Option<usize> {
    let j = if i < 0 { i + len as i64 } else { i };
    (j >= 0 && (j as usize) < len).then_some(j as usize)
}

/// `items[i]` with Python's negative indexing, if in range.
#[inline(always)]
fn index_in(items: &[Value], i: i64) -> Option<&Value> {
    resolve_index(items.len(), i).map(|j| &items[j])
}

/// The inline path of `c[key]`: a list or tuple indexed by an in-range small int.
#[inline(always)]
fn subscr_inline(py: gilvm_object::Py<'_>, c: &Value, key: &Value) -> Option<Value> {
    let (Value::Obj(o), Value::Int(i)) = (c, key) else {
        return None;
    };
    match o.payload() {
        Payload::List(l) => l.get(py, *i),
        Payload::Tuple(t) => index_in(t, *i).cloned(),
        _ => None,
    }
}
