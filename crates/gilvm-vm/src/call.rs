//! Calling: dispatch on the callee's kind, and binding arguments to a Python function's
//! parameters with CPython's error messages.
use gilvm_object::code::{flags, CodeObject};
use gilvm_object::payload::{BoundMethod, Function};
use gilvm_object::Owned;
use gilvm_object::{ObjCell, ObjRef, Payload, Value};

use crate::args::Args;
use crate::error::{PyErr, PyResult};
use crate::eval::{str_of, Exit};
use crate::frame::{code_of, Frame};
use crate::interp::{native_fn, Interp};

impl Interp {
    /// Calls `func` with `args`.
    #[inline]
    pub fn call(&mut self, func: &Value, args: Args<'_>) -> PyResult {
        let Value::Obj(o) = func else {
            return Err(
                self.type_error(format!("'{}' object is not callable", self.type_name(func)))
            );
        };
        match o.payload() {
            Payload::Function(f) => self.call_function(f, args),
            Payload::BuiltinFunction(b) => match &b.receiver {
                None => native_fn(b.func)(self, args),
                Some(r) => {
                    let r = r.clone();
                    let f = native_fn(b.func);
                    self.with_prepended(r, args, |s, a| f(s, a))
                }
            },
            Payload::BoundMethod(BoundMethod { func, receiver }) => {
                let (func, receiver) = (func.clone(), receiver.clone());
                self.with_prepended(receiver, args, |s, a| s.call(&func, a))
            }
            // A class whose metaclass is `type` goes straight to `type.__call__`.
            Payload::Type(t) if t.metatype.is_none() => self.type_call(o, args),
            Payload::Type(_) => self.call_type(o, args),
            _ => self.call_object(func, args),
        }
    }

    /// `call` for the eval loop's call instructions: a Python function goes straight to
    /// `call_function` (inlined into the loop), everything else through `call`.
    #[inline(always)]
    pub fn call_inline(&mut self, func: &Value, args: Args<'_>) -> PyResult {
        if let Value::Obj(o) = func {
            if let Payload::Function(f) = o.payload() {
                return self.call_function(f, args);
            }
        }
        self.call(func, args)
    }

    /// The eval loop's call of the value at `stack[base]` with the positional arguments
    /// `stack[first..]` (`first` is `base + 1`, or `base + 2` past an `Undef` "no self"
    /// slot), when it is a plain Python function whose parameters they fill, its trailing
    /// parameters possibly from `__defaults__` (`defaults_needed`): the
    /// arguments move into the callee's frame, so none is counted by a binding copy and
    /// again by the stack's truncation, as in CPython, whose callee steals its arguments.
    /// The stack is cut to `base` afterwards. None, with the stack untouched, for any
    /// other call (generators, `*args`, keyword-only parameters, any code flag other than
    /// `NESTED`, other callables): the caller then takes the general path.
    #[inline(always)]
    pub(crate) fn call_exact_moving(
        &mut self,
        stack: &mut Vec<Value>,
        base: usize,
        first: usize,
    ) -> Option<PyResult> {
        let Value::Obj(o) = &stack[base] else {
            return None;
        };
        let Payload::Function(func) = o.payload() else {
            return None;
        };
        let func: *const Function = func;
        // SAFETY: the function object stays in `stack[base]` until the call returns (the
        // stack is cut to `base + 1` below, and only this frame's evaluator, which is
        // waiting for the call, changes its own stack), so the payload stays alive and
        // unmoved.
        let func = unsafe { &*func };
        let code = code_of(&func.code);
        let nargs = stack.len() - first;
        let ndef = defaults_needed(func, code, nargs)?;
        debug_assert!(first == base + 1 || (first == base + 2 && stack[base + 1].is_undef()));
        let mut frame = self.new_frame(func.code.clone(), func.globals.clone(), None);
        let nlocals = code.nlocals();
        frame.fast.reserve(nlocals + code.ncells());
        // SAFETY: `fast` is empty with room for `nargs` values; the arguments are moved
        // (copied, then given up by cutting the stack's length, so each is owned once).
        // The slot between `base` and `first`, if any, is an `Undef`, which has nothing
        // to drop.
        unsafe {
            std::ptr::copy_nonoverlapping(
                stack.as_ptr().add(first),
                frame.fast.as_mut_ptr(),
                nargs,
            );
            frame.fast.set_len(nargs);
            stack.set_len(base + 1);
        }
        if ndef > 0 {
            push_defaults(func, ndef, &mut frame.fast);
        }
        for _ in nargs + ndef..nlocals {
            frame.fast.push(Value::Undef);
        }
        if code.ncells() > 0 {
            self.bind_cells(func, code, &mut frame.fast);
        }
        let r = self.run_frame(frame);
        Value::truncate(stack, base);
        Some(r)
    }

    /// The eval loop's instantiation of the class at `stack[base]` with the positional
    /// arguments `stack[first..]` (as for `call_exact_moving`), when the class is plain
    /// (its metaclass is `type`), its `__new__` is `object.__new__` and its `__init__` a
    /// plain Python function whose parameters `self`, the arguments and possibly its
    /// defaults fill
    /// (CPython's CALL_ALLOC_AND_ENTER_INIT): the instance is made directly and the
    /// arguments move into `__init__`'s frame behind it, with no argument vector, no
    /// generic binding and no second lookup. The result is `type_call`'s: the instance,
    /// or the TypeError when `__init__` returns something other than None. None, with
    /// the stack untouched, for any other callee or call.
    #[inline]
    pub(crate) fn call_class_exact_moving(
        &mut self,
        stack: &mut Vec<Value>,
        base: usize,
        first: usize,
    ) -> Option<PyResult> {
        let Value::Obj(t) = &stack[base] else {
            return None;
        };
        let Payload::Type(tt) = t.payload() else {
            return None;
        };
        if tt.metatype.is_some() || t.is(&self.g.types.object) {
            return None;
        }
        let new = gilvm_object::types::lookup(self.py, t, &self.g.names.new)?;
        if !self.is_object_new(&new) {
            return None;
        }
        let init = gilvm_object::types::lookup(self.py, t, &self.g.names.init)?;
        let Value::Obj(init_obj) = &init else {
            return None;
        };
        let Payload::Function(func) = init_obj.payload() else {
            return None;
        };
        let code = code_of(&func.code);
        let nargs = stack.len() - first;
        let ndef = defaults_needed(func, code, nargs + 1)?;
        let t = t.clone();
        let obj = match self.new_instance(&t) {
            Ok(obj) => obj,
            Err(e) => {
                Value::truncate(stack, base);
                return Some(Err(e));
            }
        };
        let mut frame = self.new_frame(func.code.clone(), func.globals.clone(), None);
        let nlocals = code.nlocals();
        frame.fast.reserve(nlocals + code.ncells());
        frame.fast.push(obj.clone());
        // SAFETY: `fast` holds one value with room for `nargs` more; the arguments are
        // moved as in `call_exact_moving` (copied, then given up by cutting the stack).
        unsafe {
            std::ptr::copy_nonoverlapping(
                stack.as_ptr().add(first),
                frame.fast.as_mut_ptr().add(1),
                nargs,
            );
            frame.fast.set_len(nargs + 1);
            stack.set_len(base + 1);
        }
        if ndef > 0 {
            push_defaults(func, ndef, &mut frame.fast);
        }
        for _ in nargs + 1 + ndef..nlocals {
            frame.fast.push(Value::Undef);
        }
        if code.ncells() > 0 {
            self.bind_cells(func, code, &mut frame.fast);
        }
        let r = self.run_frame(frame);
        Value::truncate(stack, base);
        Some(match r {
            Ok(Value::None) => Ok(obj),
            Ok(r) => Err(self.type_error(format!(
                "__init__() should return None, not '{}'",
                self.type_name(&r)
            ))),
            Err(e) => Err(e),
        })
    }

    /// Calls `f` with `first` prepended to the positional arguments.
    pub fn with_prepended(
        &mut self,
        first: Value,
        args: Args<'_>,
        f: impl FnOnce(&mut Interp, Args<'_>) -> PyResult,
    ) -> PyResult {
        let mut v = self.take_vec(args.all.len() + 1);
        v.push(first);
        v.extend_from_slice(args.all);
        let r = f(
            self,
            Args {
                all: &v,
                kwnames: args.kwnames,
            },
        );
        self.give_vec(v);
        r
    }

    /// Calls with positional arguments only.
    pub fn call1(&mut self, func: &Value, args: &[Value]) -> PyResult {
        self.call(func, Args::new(args))
    }

    /// `f(*args, **kwargs)`.
    pub fn call_ex(&mut self, func: &Value, args: &Value, kwargs: Option<&Value>) -> PyResult {
        let mut all = match args {
            Value::Obj(o) => match o.payload() {
                Payload::Tuple(t) => t.to_vec(),
                _ => self.collect(args)?,
            },
            _ => self.collect(args)?,
        };
        let mut names = Vec::new();
        if let Some(Value::Obj(d)) = kwargs {
            for (k, v) in self.dict_items(d)? {
                if k.as_str().is_none() {
                    return Err(self.type_error("keywords must be strings"));
                }
                names.push(k);
                all.push(v);
            }
        }
        self.call(
            func,
            Args {
                all: &all,
                kwnames: &names,
            },
        )
    }

    /// Calls a Python function.
    pub fn call_function(&mut self, f: &Function, args: Args<'_>) -> PyResult {
        let code = code_of(&f.code);
        let mut frame = self.new_frame(f.code.clone(), f.globals.clone(), None);
        if let Err(e) = self.bind_args(f, code, args, &mut frame.fast) {
            self.recycle_frame(frame);
            return Err(e);
        }
        if code.flags
            & (flags::GENERATOR | flags::INHERIT_LOCALS | flags::COROUTINE | flags::ASYNC_GENERATOR)
            != 0
        {
            if code.flags & flags::GENERATOR != 0 {
                return Ok(self.new_generator(frame, f));
            }
            if code.flags & (flags::COROUTINE | flags::ASYNC_GENERATOR) != 0 {
                return Ok(self.new_coroutine(frame, f, code.flags));
            }
            frame.locals = self.caller_frame().and_then(|c| c.locals.clone());
        }
        self.run_frame(frame)
    }

    /// Runs a new frame to completion (with recursion checks) and recycles it.
    #[inline]
    pub fn run_frame(&mut self, mut frame: Box<Frame>) -> PyResult {
        let r = if self.depth >= self.recursion_limit || self.stack_exhausted() {
            Err(self.recursion_error())
        } else if self.thread_state.eval_breaker.is_set() {
            match self.handle_eval_breaker() {
                Err(e) => Err(e),
                // `sys.settrace`/`setprofile` hooks (`tracing.rs`).
                Ok(()) if self.tracing_active() => {
                    let r = self.run_frame_traced(&mut frame, |s, f| s.eval_counted(f));
                    self.exit_value(r)
                }
                Ok(()) => self.run_frame_eval(&mut frame),
            }
        } else {
            self.run_frame_eval(&mut frame)
        };
        self.recycle_frame(frame);
        r
    }

    #[inline(always)]
    fn run_frame_eval(&mut self, frame: &mut Frame) -> PyResult {
        let r = self.eval_counted(frame);
        self.exit_value(r)
    }

    /// `eval` one level deeper.
    #[inline(always)]
    fn eval_counted(&mut self, frame: &mut Frame) -> Result<Exit, PyErr> {
        self.depth += 1;
        let r = self.eval(frame);
        self.depth -= 1;
        r
    }

    /// The result of a function's frame.
    #[inline(always)]
    fn exit_value(&mut self, r: Result<Exit, PyErr>) -> PyResult {
        match r {
            Ok(Exit::Return(v)) => Ok(v),
            Ok(Exit::Yield(_) | Exit::Retrace) => {
                Err(self.runtime_error("yield from a non-generator frame"))
            }
            Err(e) => Err(e),
        }
    }

    /// Fills the (empty) fast-locals vector of a new frame for a call.
    #[inline(always)]
    fn bind_args(
        &mut self,
        f: &Function,
        code: &CodeObject,
        args: Args<'_>,
        fast: &mut Vec<Value>,
    ) -> PyResult<()> {
        let nlocals = code.nlocals();
        let ncells = code.ncells();
        let pos = args.pos();
        let argcount = code.argcount as usize;
        let simple = args.kwnames.is_empty()
            && code.flags & (flags::VARARGS | flags::VARKEYWORDS) == 0
            && code.kwonlyargcount == 0;
        let defaults = defaults_of(f);
        if simple && pos.len() <= argcount && argcount - pos.len() <= defaults.len() {
            fast.extend_from_slice(pos);
            fast.extend_from_slice(&defaults[defaults.len() - (argcount - pos.len())..]);
            for _ in argcount..nlocals {
                fast.push(Value::Undef);
            }
        } else {
            fast.resize(nlocals, Value::Undef);
            self.bind_general(f, code, args, fast)?;
        }
        if ncells > 0 {
            self.bind_cells(f, code, fast);
        }
        Ok(())
    }

    /// Appends the cell slots: cells created by this frame (a parameter that is a cell
    /// moves into its cell), then the closure's cells. The compiler reads cell parameters
    /// through Deref ops, so their fast slots are never read.
    #[inline(never)]
    fn bind_cells(&mut self, f: &Function, code: &CodeObject, fast: &mut Vec<Value>) {
        for c2a in code.cell2arg.iter() {
            let init = match c2a {
                Some(a) => std::mem::replace(&mut fast[*a as usize], Value::Undef),
                None => Value::Undef,
            };
            fast.push(Value::Obj(self.new_obj(Owned::Cell(ObjCell::new(init)))));
        }
        for c in f.closure.iter() {
            fast.push(Value::Obj(c.clone()));
        }
    }

    fn bind_general(
        &mut self,
        f: &Function,
        code: &CodeObject,
        args: Args<'_>,
        fast: &mut [Value],
    ) -> PyResult<()> {
        // The qualified name is made only for an error message.
        let qual = |s: &Interp| s.func_qualname(f);
        let argcount = code.argcount as usize;
        let kwonly = code.kwonlyargcount as usize;
        let posonly = code.posonlyargcount as usize;
        let has_varargs = code.flags & flags::VARARGS != 0;
        let has_varkw = code.flags & flags::VARKEYWORDS != 0;
        let pos = args.pos();
        // Positional.
        let n = pos.len().min(argcount);
        fast[..n].clone_from_slice(&pos[..n]);
        let varargs_slot = argcount + kwonly;
        let varkw_slot = varargs_slot + has_varargs as usize;
        if has_varargs {
            let extra = if pos.len() > argcount {
                pos[argcount..].to_vec()
            } else {
                Vec::new()
            };
            fast[varargs_slot] = self.new_tuple(extra);
        } else if pos.len() > argcount {
            let ndefaults = self.defaults_len(f);
            let given_kw = args
                .kwargs()
                .filter(|(k, _)| {
                    code.varnames[argcount..argcount + kwonly]
                        .iter()
                        .any(|v| str_of(v) == *k)
                })
                .count();
            let takes = if ndefaults > 0 {
                format!("from {} to {}", argcount - ndefaults, argcount)
            } else {
                argcount.to_string()
            };
            let plural = if argcount == 1 && ndefaults == 0 {
                ""
            } else {
                "s"
            };
            let given = pos.len();
            let msg = if given_kw > 0 {
                format!(
                    "{}() takes {takes} positional argument{plural} but {given} positional argument{} (and {given_kw} keyword-only argument{}) were given", qual(self),
                    if given == 1 { "" } else { "s" },
                    if given_kw == 1 { "" } else { "s" }
                )
            } else {
                format!(
                    "{}() takes {takes} positional argument{plural} but {given} {} given",
                    qual(self),
                    if given == 1 { "was" } else { "were" }
                )
            };
            return Err(self.type_error(msg));
        }
        // Keywords.
        let kwdict = if has_varkw {
            Some(self.new_dict_obj())
        } else {
            None
        };
        let mut posonly_as_kw = Vec::new();
        for (k, v) in args.kwargs() {
            let idx = code.varnames[posonly..argcount + kwonly]
                .iter()
                .position(|n| str_of(n) == k)
                .map(|i| i + posonly);
            match idx {
                Some(i) => {
                    if !fast[i].is_undef() {
                        return Err(self.type_error(format!(
                            "{}() got multiple values for argument '{k}'",
                            qual(self)
                        )));
                    }
                    fast[i] = v.clone();
                }
                None => match &kwdict {
                    Some(d) => {
                        let key = self.new_str(k);
                        self.dict_set(d, key, v.clone())?;
                    }
                    None => {
                        if code.varnames[..posonly].iter().any(|n| str_of(n) == k) {
                            posonly_as_kw.push(k.to_string());
                            continue;
                        }
                        return Err(self.type_error(format!(
                            "{}() got an unexpected keyword argument '{k}'",
                            qual(self)
                        )));
                    }
                },
            }
        }
        if !posonly_as_kw.is_empty() {
            return Err(self.type_error(format!(
                "{}() got some positional-only arguments passed as keyword arguments: '{}'",
                qual(self),
                posonly_as_kw.join(", ")
            )));
        }
        if let Some(d) = kwdict {
            fast[varkw_slot] = Value::Obj(d);
        }
        // Defaults.
        let defaults = defaults_of(f);
        let first_default = argcount - defaults.len();
        let mut missing = Vec::new();
        for i in 0..argcount {
            if fast[i].is_undef() {
                if i >= first_default {
                    fast[i] = defaults[i - first_default].clone();
                } else {
                    missing.push(str_of(&code.varnames[i]).to_string());
                }
            }
        }
        if !missing.is_empty() {
            return Err(self.type_error(format!(
                "{}() missing {} required positional argument{}: {}",
                qual(self),
                missing.len(),
                if missing.len() == 1 { "" } else { "s" },
                name_list(&missing)
            )));
        }
        for i in argcount..argcount + kwonly {
            if fast[i].is_undef() {
                let dv = match &*f.kwdefaults {
                    Some(d) => self.dict_get_str(d, &code.varnames[i]),
                    None => None,
                };
                match dv {
                    Some(v) => fast[i] = v,
                    None => missing.push(str_of(&code.varnames[i]).to_string()),
                }
            }
        }
        if !missing.is_empty() {
            return Err(self.type_error(format!(
                "{}() missing {} required keyword-only argument{}: {}",
                qual(self),
                missing.len(),
                if missing.len() == 1 { "" } else { "s" },
                name_list(&missing)
            )));
        }
        Ok(())
    }

    fn defaults_len(&self, f: &Function) -> usize {
        defaults_of(f).len()
    }

    pub fn func_qualname(&self, f: &Function) -> String {
        f.qualname
            .with(self.py, |q| q.as_str().unwrap_or("?").to_string())
    }

    /// Creates a function object (`MakeFunction`).
    pub fn make_function(
        &mut self,
        code_v: &Value,
        globals: &ObjRef,
        module: Value,
        defaults: Option<Value>,
        kwdefaults: Option<Value>,
        closure: Option<Value>,
    ) -> Value {
        let Value::Obj(code_o) = code_v else {
            unreachable!("code constant")
        };
        let code = code_of(code_o);
        let closure: Box<[ObjRef]> = match closure {
            Some(Value::Obj(t)) => match t.payload() {
                Payload::Tuple(items) => items.iter().filter_map(|v| v.as_obj().cloned()).collect(),
                _ => Box::new([]),
            },
            _ => Box::new([]),
        };
        Value::Obj(self.new_obj(Owned::Function(Function {
            code: gilvm_object::stwref::StwRef::new(code_o.clone()),
            globals: globals.clone(),
            name: ObjCell::new(Value::Obj(code.name.clone())),
            qualname: ObjCell::new(Value::Obj(code.qualname.clone())),
            defaults: gilvm_object::stwref::StwRef::new(defaults.and_then(|d| d.as_obj().cloned())),
            kwdefaults: gilvm_object::stwref::StwRef::new(
                kwdefaults.and_then(|d| d.as_obj().cloned()),
            ),
            closure,
            dict: ObjCell::new(None),
            module,
            doc: Value::None,
        })))
    }
}

/// A function's `__defaults__` as a slice (empty when None).
#[inline(always)]
fn defaults_of(f: &Function) -> &[Value] {
    match &*f.defaults {
        Some(d) => match d.payload() {
            Payload::Tuple(t) => t,
            _ => &[],
        },
        None => &[],
    }
}

/// For the moving calls: how many trailing positional parameters of the plain function
/// `func` its `__defaults__` fill when a call gives `given` positional arguments and no
/// keywords. `Some(0)` when the arguments fill the parameters exactly, `Some(k)` when the
/// last `k` come from the defaults, None when the call needs the general binding (a code
/// flag other than `NESTED`, keyword-only parameters, too many arguments, or too few for
/// the defaults: its error message is the general path's).
#[inline(always)]
fn defaults_needed(func: &Function, code: &CodeObject, given: usize) -> Option<usize> {
    if code.flags & !flags::NESTED != 0 || code.kwonlyargcount != 0 {
        return None;
    }
    let missing = (code.argcount as usize).checked_sub(given)?;
    (missing == 0 || missing <= defaults_of(func).len()).then_some(missing)
}

/// Appends the last `k` values of `func.__defaults__` (`defaults_needed` said there are
/// that many). Out of line, as the rarer case of the eval loop's inlined call path.
#[inline(never)]
fn push_defaults(func: &Function, k: usize, fast: &mut Vec<Value>) {
    let d = defaults_of(func);
    fast.extend_from_slice(&d[d.len() - k..]);
}

/// `'a'`, `'a' and 'b'`, `'a', 'b', and 'c'` as CPython lists missing arguments.
fn name_list(names: &[String]) -> String {
    let q: Vec<String> = names.iter().map(|n| format!("'{n}'")).collect();
    match q.len() {
        1 => q[0].clone(),
        2 => format!("{} and {}", q[0], q[1]),
        _ => format!("{}, and {}", q[..q.len() - 1].join(", "), q[q.len() - 1]),
    }
}
