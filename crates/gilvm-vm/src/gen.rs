//! Generator objects: a suspended frame resumed by `next()`/`send()`.
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

/// What one resumption produced.
pub enum Step {
    Yield(Value),
    Return(Value),
}

/// A generator's state, stored in a native object.
pub struct GenState {
    /// The frame; `None` while running or after finishing.
    pub frame: Option<Box<Frame>>,
    pub finished: bool,
    pub name: Value,
    pub qualname: Value,
}

impl Interp {
    pub fn new_generator(&mut self, frame: Box<Frame>, f: &Function) -> Value {
        let name = f.name.with(self.py, |v| v.clone());
        let qualname = f.qualname.with(self.py, |v| v.clone());
        let st: Box<dyn std::any::Any> = Box::new(GenState {
            frame: Some(frame),
            finished: false,
            name,
            qualname,
        });
        Value::Obj(self.new_obj(Owned::Native(NativeObj {
            class: self.g.generator_type.clone(),
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
                    Err(true)
                } else {
                    st.frame.take().ok_or(false)
                }
            })
        };
        let mut frame = match taken {
            Ok(f) => f,
            Err(true) => {
                return match how {
                    Resume::Send(_) => Ok(Step::Return(Value::None)),
                    Resume::Throw(e) => Err(e),
                }
            }
            Err(false) => return Err(self.value_error("generator already executing")),
        };
        match how {
            Resume::Send(sent) => {
                if frame.started {
                    frame.stack.push(sent);
                } else if !sent.is_none() {
                    cell.with(self.py, |b| {
                        b.downcast_mut::<GenState>().unwrap().frame = Some(frame)
                    });
                    return Err(
                        self.type_error("can't send non-None value to a just-started generator")
                    );
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
                let sub = match frame.stack.last() {
                    Some(Value::Obj(o))
                        if in_yield_from
                            && self.is_generator(&frame.stack[frame.stack.len() - 1]) =>
                    {
                        Some(o.clone())
                    }
                    _ => None,
                };
                match sub {
                    // Delegating: the inner generator gets the exception first.
                    Some(sub) => match self.gen_throw_into(&sub, e) {
                        Ok(Step::Yield(v)) => {
                            cell.with(self.py, |b| {
                                b.downcast_mut::<GenState>().unwrap().frame = Some(frame)
                            });
                            return Ok(Step::Yield(v));
                        }
                        Ok(Step::Return(v)) => {
                            // The inner generator caught it and returned: `yield from`
                            // evaluates to that value and this frame runs on.
                            frame.stack.pop();
                            frame.stack.push(v);
                            frame.pc += 1;
                        }
                        Err(e2) => frame.throw = Some(e2),
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
        let r = self.eval(&mut frame);
        self.depth -= 1;
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
                if self.matches(&e, &self.g.exc.stop_iteration.clone()) {
                    let re = self.runtime_error("generator raised StopIteration");
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

    /// `yield from` step: send into a generator or any iterator.
    pub fn send_to(&mut self, sub: &Value, sent: Value) -> PyResult<Step> {
        if let Value::Obj(o) = sub {
            if self.is_generator(sub) {
                return self.gen_resume(o, sent);
            }
        }
        if sent.is_none() {
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
