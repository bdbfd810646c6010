//! Generator objects: a suspended frame resumed by `next()`/`send()`.
//!
//! Coroutines and async generators (`coro.rs`, `asyncgen.rs`) are the same object with
//! another class and [`GenKind`]: one state, entered the same way (the frame is taken out
//! of the per-object cell while it runs, so a second thread or a re-entrant call finds no
//! frame and gets CPython's "… already executing" ValueError).
use gilvm_object::code::Instr;
use gilvm_object::payload::{Function, NativeObj};
use gilvm_object::Owned;
use gilvm_object::{ObjCell, ObjRef, Payload, Value};

use crate::args::Args;
use crate::error::{PyErr, PyResult};
use crate::eval::Exit;
use crate::frame::Frame;
use crate::interp::Interp;

/// How a generator is resumed.
enum Resume {
    /// `next()` / `send(v)`.
    Send(Value),
    /// `throw(e)` / `close()`.
    Throw(PyErr),
}

/// What throwing into a delegate iterator produced.
enum Delegated {
    Yield(Value),
    Return(Value),
    Raise(PyErr),
}

/// What one resumption produced.
pub enum Step {
    Yield(Value),
    Return(Value),
}

/// Which of the three frame-suspending objects a state belongs to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum GenKind {
    Generator,
    Coroutine,
    AsyncGenerator,
}

impl GenKind {
    /// The noun of CPython's messages ("coroutine already executing").
    pub fn noun(self) -> &'static str {
        match self {
            GenKind::Generator => "generator",
            GenKind::Coroutine => "coroutine",
            GenKind::AsyncGenerator => "async generator",
        }
    }
}

/// The async generator's own flags (CPython's `ag_running_async`, `ag_hooks_inited`,
/// `ag_closed`) and the finalizer hook recorded at its first iteration.
#[derive(Default)]
pub struct AgState {
    pub running_async: bool,
    pub hooks_inited: bool,
    pub closed: bool,
    pub finalizer: Option<Value>,
    /// The finalizer hook was called (once per object, as PEP 442's finalizers).
    pub finalized: bool,
}

/// A generator's state, stored in a native object.
pub struct GenState {
    /// The frame; `None` while running or after finishing.
    pub frame: Option<Box<Frame>>,
    pub finished: bool,
    pub name: Value,
    pub qualname: Value,
    pub kind: GenKind,
    /// The code object (`gi_code`/`cr_code`/`ag_code`, kept after the frame is gone).
    pub code: ObjRef,
    pub ag: AgState,
    /// The exception being handled where the frame is suspended (a `yield` inside an
    /// `except` block), None if it handles none: the frame's `sys.exception()` while it
    /// runs, never seen by the code that resumes it (CPython's `gi_exc_state`).
    pub exc_state: Value,
    /// A coroutine's `cr_origin` (None unless `sys.set_coroutine_origin_tracking_depth`
    /// was on when it was created).
    pub origin: Value,
    /// The address of the frame's box (stable while the generator is unfinished, moved
    /// in and out of `frame` as it runs): `gi_frame` of a running generator.
    pub frame_addr: usize,
}

impl Interp {
    pub fn new_generator(&mut self, frame: Box<Frame>, f: &Function) -> Value {
        let class = self.g.generator_type.clone();
        self.new_gen_object(frame, f, GenKind::Generator, class)
    }

    /// A generator, coroutine or async generator (by `kind`, of class `class`) running
    /// `frame`, named after `f`.
    pub fn new_gen_object(
        &mut self,
        frame: Box<Frame>,
        f: &Function,
        kind: GenKind,
        class: ObjRef,
    ) -> Value {
        let name = f.name.with(self.py, |v| v.clone());
        let qualname = f.qualname.with(self.py, |v| v.clone());
        let code = frame.code.clone();
        let frame_addr = &*frame as *const Frame as usize;
        let st: Box<dyn std::any::Any> = Box::new(GenState {
            frame: Some(frame),
            finished: false,
            name,
            qualname,
            kind,
            code,
            ag: AgState::default(),
            exc_state: Value::None,
            origin: Value::None,
            frame_addr,
        });
        Value::Obj(self.new_obj(Owned::Native(NativeObj {
            class,
            data: ObjCell::new(st),
            tag: 0,
        })))
    }

    pub fn is_generator(&self, v: &Value) -> bool {
        matches!(v, Value::Obj(o) if matches!(o.payload(), Payload::Native(n) if n.class.is(&self.g.generator_type)))
    }

    fn gen_cell(o: &ObjRef) -> Option<&ObjCell<Box<dyn std::any::Any>>> {
        match o.payload() {
            Payload::Native(n) => Some(&n.data),
            _ => None,
        }
    }

    /// Resumes generator `g` with `sent` (None for `next`).
    pub fn gen_resume(&mut self, g: &ObjRef, sent: Value) -> PyResult<Step> {
        self.gen_resume_with(g, Resume::Send(sent))
    }

    /// `generator.throw(e)`: raises `e` at the point where `g` is suspended (inside a
    /// `yield from`, first in the generator it delegates to), then runs `g` on: what it
    /// yields or returns next, or the exception it lets out.
    pub fn gen_throw_into(&mut self, g: &ObjRef, e: PyErr) -> PyResult<Step> {
        self.gen_resume_with(g, Resume::Throw(e))
    }

    fn gen_resume_with(&mut self, g: &ObjRef, how: Resume) -> PyResult<Step> {
        let cell = Self::gen_cell(g).expect("generator");
        let py = self.py;
        // A generator referenced only by the caller (the common `for x in gen()`) is entered
        // without its lock: no other thread can reach it. Re-checked at every entry, since
        // the generator's own code may hand out references while it runs.
        // SAFETY: `is_exclusive` is the contract of `with_exclusive`.
        let taken = unsafe {
            cell.with_exclusive(py, g.is_exclusive(), |b| {
                let st = b.downcast_mut::<GenState>().expect("generator state");
                if st.finished {
                    Err((true, st.kind))
                } else {
                    st.frame
                        .take()
                        .map(|f| (f, st.kind))
                        .ok_or((false, st.kind))
                }
            })
        };
        let (mut frame, kind) = match taken {
            Ok(f) => f,
            Err((true, GenKind::Coroutine)) => {
                return Err(self.runtime_error("cannot reuse already awaited coroutine"))
            }
            Err((true, _)) => {
                return match how {
                    Resume::Send(_) => Ok(Step::Return(Value::None)),
                    Resume::Throw(e) => Err(e),
                }
            }
            Err((false, k)) => {
                return Err(self.value_error(format!("{} already executing", k.noun())))
            }
        };
        match how {
            Resume::Send(sent) => {
                if frame.started {
                    frame.stack.push(sent);
                } else if !sent.is_none() {
                    cell.with(self.py, |b| {
                        b.downcast_mut::<GenState>().unwrap().frame = Some(frame)
                    });
                    return Err(self.type_error(format!(
                        "can't send non-None value to a just-started {}",
                        kind.noun()
                    )));
                }
            }
            Resume::Throw(e) if !frame.started => {
                // Thrown before the first `next()`: no code of the generator has run, so
                // nothing can catch it; the generator is finished.
                cell.with(self.py, |b| {
                    b.downcast_mut::<GenState>().unwrap().finished = true
                });
                self.recycle_frame(frame);
                return Err(e);
            }
            Resume::Throw(e) => {
                let code = crate::frame::code_of(&frame.code);
                let in_yield_from = matches!(code.instrs.get(frame.pc), Some(Instr::YieldFrom));
                let sub = if in_yield_from {
                    frame.stack.last().cloned()
                } else {
                    None
                };
                match sub {
                    // Delegating (`yield from`, `await`): the inner iterator gets the
                    // exception first.
                    Some(sub) => match self.throw_into_delegate(&sub, e) {
                        Delegated::Yield(v) => {
                            cell.with(self.py, |b| {
                                b.downcast_mut::<GenState>().unwrap().frame = Some(frame)
                            });
                            return Ok(Step::Yield(v));
                        }
                        Delegated::Return(v) => {
                            // The inner iterator caught it and returned: `yield from`
                            // evaluates to that value and this frame runs on.
                            frame.stack.pop();
                            frame.stack.push(v);
                            frame.pc += 1;
                        }
                        Delegated::Raise(e2) => frame.throw = Some(e2),
                    },
                    None => frame.throw = Some(e),
                }
            }
        }
        frame.started = true;
        if self.depth >= self.recursion_limit || self.stack_exhausted() {
            cell.with(self.py, |b| {
                b.downcast_mut::<GenState>().unwrap().frame = Some(frame)
            });
            return Err(self.recursion_error());
        }
        self.depth += 1;
        // The frame's own handled exception while it runs; the resumer's afterwards.
        let own = cell.with(self.py, |b| {
            std::mem::replace(
                &mut b.downcast_mut::<GenState>().unwrap().exc_state,
                Value::None,
            )
        });
        let outer = if own.is_none() {
            self.handled.clone()
        } else {
            std::mem::replace(&mut self.handled, own)
        };
        // `sys.settrace`: a resumption is a 'call', a yield a 'return' (`tracing.rs`).
        let r = if self.thread_state.eval_breaker.is_set() && self.tracing_active() {
            self.run_frame_traced(&mut frame, |s, f| s.eval(f))
        } else {
            self.eval(&mut frame)
        };
        let inner = std::mem::replace(&mut self.handled, outer);
        self.depth -= 1;
        if let (Ok(Exit::Yield(_)), Value::Obj(i)) = (&r, &inner) {
            if !matches!(&self.handled, Value::Obj(o) if o.is(i)) {
                cell.with(self.py, |b| {
                    b.downcast_mut::<GenState>().unwrap().exc_state = inner.clone()
                });
            }
        }
        match r {
            Ok(Exit::Yield(v)) => {
                // SAFETY: as above.
                unsafe {
                    cell.with_exclusive(py, g.is_exclusive(), |b| {
                        b.downcast_mut::<GenState>().unwrap().frame = Some(frame)
                    })
                };
                Ok(Step::Yield(v))
            }
            Ok(Exit::Retrace) => unreachable!("Exit::Retrace never leaves Interp::eval"),
            Ok(Exit::Return(v)) => {
                // SAFETY: as above.
                unsafe {
                    cell.with_exclusive(py, g.is_exclusive(), |b| {
                        b.downcast_mut::<GenState>().unwrap().finished = true
                    })
                };
                self.recycle_frame(frame);
                Ok(Step::Return(v))
            }
            Err(e) => {
                cell.with(self.py, |b| {
                    b.downcast_mut::<GenState>().unwrap().finished = true
                });
                self.recycle_frame(frame);
                let stop = if self.matches(&e, &self.g.exc.stop_iteration.clone()) {
                    Some("StopIteration")
                } else if kind == GenKind::AsyncGenerator
                    && self.matches(&e, &self.g.exc.stop_async_iteration.clone())
                {
                    Some("StopAsyncIteration")
                } else {
                    None
                };
                if let Some(what) = stop {
                    let re = self.runtime_error(format!("{} raised {what}", kind.noun()));
                    let cause = e.value();
                    re.data().with(self.py, |d| {
                        d.cause = cause.clone();
                        d.context = cause;
                        d.suppress_context = true;
                    });
                    return Err(re);
                }
                Err(e)
            }
        }
    }

    /// Throws `e` into `sub`, the iterator a suspended `yield from`/`await` delegates to
    /// (CPython's `_gen_throw`): GeneratorExit closes it and is then raised in the
    /// delegating frame; other exceptions go to its `throw()` if it has one.
    fn throw_into_delegate(&mut self, sub: &Value, e: PyErr) -> Delegated {
        if self.matches(&e, &self.g.exc.generator_exit.clone()) {
            return match self.close_iter(sub) {
                Ok(()) => Delegated::Raise(e),
                Err(e2) => Delegated::Raise(e2),
            };
        }
        let r = match sub {
            Value::Obj(o) if self.is_gen_like(sub) => self.gen_throw_into(o, e),
            _ => {
                let throw = match self.getattr_str(sub, "throw") {
                    Ok(t) => t,
                    Err(x) if self.matches(&x, &self.g.exc.attribute_error.clone()) => {
                        return Delegated::Raise(e)
                    }
                    Err(x) => return Delegated::Raise(x),
                };
                match self.call(&throw, Args::new(&[e.value()])) {
                    Ok(v) => Ok(Step::Yield(v)),
                    Err(x) if self.matches(&x, &self.g.exc.stop_iteration.clone()) => {
                        Ok(Step::Return(self.stop_iteration_value(&x)))
                    }
                    Err(x) => Err(x),
                }
            }
        };
        match r {
            Ok(Step::Yield(v)) => Delegated::Yield(v),
            Ok(Step::Return(v)) => Delegated::Return(v),
            Err(x) => Delegated::Raise(x),
        }
    }

    /// Closes an iterator a frame delegates to: `close()` of a generator or coroutine, or
    /// the object's own `close` method if it has one.
    pub fn close_iter(&mut self, sub: &Value) -> PyResult<()> {
        if self.is_gen_like(sub) {
            crate::builtins::core::gen_close(self, Args::new(std::slice::from_ref(sub)))?;
            return Ok(());
        }
        match self.getattr_str(sub, "close") {
            Ok(c) => {
                self.call(&c, Args::new(&[]))?;
                Ok(())
            }
            Err(x) if self.matches(&x, &self.g.exc.attribute_error.clone()) => Ok(()),
            Err(x) => Err(x),
        }
    }

    /// `yield from` / `await` step: send into a generator, a coroutine or any iterator.
    pub fn send_to(&mut self, sub: &Value, sent: Value) -> PyResult<Step> {
        if let Value::Obj(o) = sub {
            if self.is_gen_like(sub) {
                return self.gen_resume(o, sent);
            }
        }
        // An iterator with a Python-visible `__next__` (a class's, or a native type's such
        // as an async generator's `asend`): its StopIteration's value is the result.
        let own_next = match sub {
            Value::Obj(o) if matches!(o.payload(), Payload::Native(_) | Payload::Instance(_)) => {
                self.lookup_special(sub, "__next__")
            }
            _ => None,
        };
        if let (true, Some(m)) = (sent.is_none(), own_next) {
            match self.call_method_value(&m, sub, &[]) {
                Ok(v) => Ok(Step::Yield(v)),
                Err(e) if self.matches(&e, &self.g.exc.stop_iteration.clone()) => {
                    Ok(Step::Return(self.stop_iteration_value(&e)))
                }
                Err(e) => Err(e),
            }
        } else if sent.is_none() {
            match self.next(sub)? {
                Some(v) => Ok(Step::Yield(v)),
                None => Ok(Step::Return(Value::None)),
            }
        } else {
            let send = self.getattr_str(sub, "send")?;
            match self.call(&send, Args::new(&[sent])) {
                Ok(v) => Ok(Step::Yield(v)),
                Err(e) if self.matches(&e, &self.g.exc.stop_iteration.clone()) => {
                    Ok(Step::Return(self.stop_iteration_value(&e)))
                }
                Err(e) => Err(e),
            }
        }
    }

    /// The value carried by a StopIteration.
    pub fn stop_iteration_value(&self, e: &crate::error::PyErr) -> Value {
        e.data().with(self.py, |d| match &d.args {
            Value::Obj(t) => match t.payload() {
                Payload::Tuple(items) if !items.is_empty() => items[0].clone(),
                _ => Value::None,
            },
            _ => Value::None,
        })
    }
}
