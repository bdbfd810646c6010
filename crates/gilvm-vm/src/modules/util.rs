//! Helpers shared by the native standard-library modules: native types (type objects whose
//! instances are `Payload::Native`), per-process tables of such types, argument binding with
//! CPython's messages, lazily stepped native iterators, and running embedded Python source
//! inside a native module.
use gilvm_object::Owned;
use std::any::Any;

use gilvm_object::payload::{BuiltinFn, ErasedFn, NativeObj};
use gilvm_object::types::{new_type, Layout};
use gilvm_object::{ObjCell, ObjRef, Payload, Value};

use crate::args::Args;
use crate::error::PyResult;
use crate::interp::{Interp, NativeFn};

/// A value kept in a `static` (a table of type objects). Only immortal objects (or values
/// that are only touched by attached threads) may be stored, as in `Globals`.
pub struct Statics<T>(pub T);
// SAFETY: the tables hold immortal type objects, whose counts are never written; their
// mutable state (the type dicts) is behind ObjCells that need a Py token. See `Globals`.
unsafe impl<T> Sync for Statics<T> {}
// SAFETY: as above.
unsafe impl<T> Send for Statics<T> {}

/// Creates an immortal native type `module.name` (instances are `Payload::Native`) with the
/// given methods. Like CPython's C types its internal name is dotted (`collections.deque`,
/// which error messages show), while `__name__`/`__qualname__` are the short name.
pub fn native_type(
    interp: &mut Interp,
    name: &str,
    module: &str,
    methods: &[(&'static str, NativeFn)],
) -> ObjRef {
    let dict = ObjRef::new_immortal(interp.py, Owned::Dict(gilvm_object::dict::PyDict::new()));
    let object = interp.g.types.object.clone();
    // A builtin type (`frame`, `traceback`) has no module prefix.
    let full = if module == "builtins" {
        name.to_string()
    } else {
        format!("{module}.{name}")
    };
    let t = new_type(
        interp.py,
        &full,
        vec![object.clone()],
        vec![object],
        dict,
        Layout::Builtin,
        false,
    );
    t.make_immortal();
    set_short_name(interp, &t, name, module);
    for (n, f) in methods {
        crate::builtins::add_method(interp, &t, n, *f);
    }
    t
}

/// Gives a type with a dotted internal name its short `__qualname__` and its `__module__`.
pub fn set_short_name(interp: &Interp, ty: &ObjRef, name: &str, module: &str) {
    if let Payload::Type(t) = ty.payload() {
        t.qualname
            .with(interp.py, |q| *q = Value::Obj(interp.intern(name)));
    }
    set_attr(interp, ty, "__module__", Value::Obj(interp.intern(module)));
}

/// The short name of a value's type (`deque` for `collections.deque`), as reprs show it.
pub fn short_type_name(interp: &Interp, v: &Value) -> String {
    let n = interp.type_name(v);
    match n.rfind('.') {
        Some(i) => n[i + 1..].to_string(),
        None => n,
    }
}

/// Sets an entry of a type's dict.
pub fn set_attr(interp: &Interp, ty: &ObjRef, name: &str, v: Value) {
    if let Payload::Type(t) = ty.payload() {
        t.dict().set_str(interp.py, interp.intern(name), v);
    }
}

/// Adds a read-only property computed by `getter(self)`.
pub fn add_property(interp: &mut Interp, ty: &ObjRef, name: &'static str, getter: NativeFn) {
    let g = interp.new_native(name, getter);
    let p = Value::Obj(interp.new_obj(Owned::Property(Box::new([g, Value::None, Value::None]))));
    set_attr(interp, ty, name, p);
}

/// A builtin function with `data` bound as its first argument (a native closure).
pub fn native_closure(interp: &Interp, name: &'static str, f: NativeFn, data: Value) -> Value {
    Value::Obj(interp.new_obj(Owned::BuiltinFunction(BuiltinFn {
        name,
        func: ErasedFn(f as *const ()),
        receiver: Some(data),
        data: Value::None,
    })))
}

/// A new native object of class `cls` holding `data`.
pub fn native_obj<T: Any>(interp: &Interp, cls: &ObjRef, data: T) -> Value {
    let data: Box<dyn Any> = Box::new(data);
    Value::Obj(interp.new_obj(Owned::Native(NativeObj {
        class: cls.clone(),
        data: ObjCell::new(data),
        tag: 0,
    })))
}

/// Runs `f` on the native data of `v` if it is a `T`. `f` must not run Python code.
pub fn with_data<T: Any, R>(interp: &Interp, v: &Value, f: impl FnOnce(&mut T) -> R) -> Option<R> {
    // An instance of a Python subclass of a native type holds the native object
    // (native_sub.rs).
    match v.base_value() {
        Value::Obj(o) => match o.payload() {
            Payload::Native(n) => n.data.with(interp.py, |b| b.downcast_mut::<T>().map(f)),
            _ => None,
        },
        _ => None,
    }
}

/// Is `v` a native object holding a `T`?
pub fn is_data<T: Any>(interp: &Interp, v: &Value) -> bool {
    with_data::<T, ()>(interp, v, |_| ()).is_some()
}

/// Binds positional-or-keyword parameters `names` of `fname`. The first `required` are
/// mandatory. Returns one slot per name.
pub fn bind(
    interp: &Interp,
    args: &Args<'_>,
    fname: &str,
    names: &[&str],
    required: usize,
) -> PyResult<Vec<Option<Value>>> {
    let pos = args.pos();
    if pos.len() > names.len() {
        let msg = if names.len() == 1 {
            format!("{fname}() takes at most 1 argument ({} given)", pos.len())
        } else {
            format!(
                "{fname}() takes at most {} arguments ({} given)",
                names.len(),
                pos.len()
            )
        };
        return Err(interp.type_error(msg));
    }
    let mut out: Vec<Option<Value>> = vec![None; names.len()];
    for (i, v) in pos.iter().enumerate() {
        out[i] = Some(v.clone());
    }
    for (k, v) in args.kwargs() {
        match names.iter().position(|n| *n == k) {
            Some(i) if out[i].is_some() => {
                return Err(interp.type_error(format!(
                    "argument for {fname}() given by name ('{k}') and position ({})",
                    i + 1
                )));
            }
            Some(i) => out[i] = Some(v.clone()),
            None => {
                return Err(interp.type_error(format!(
                    "{fname}() got an unexpected keyword argument '{k}'"
                )))
            }
        }
    }
    for i in 0..required {
        if out[i].is_none() {
            return Err(interp.type_error(format!(
                "{fname}() missing required argument '{}' (pos {})",
                names[i],
                i + 1
            )));
        }
    }
    Ok(out)
}

/// Executes embedded Python `source` in module `m`'s namespace (the Python half of a module
/// that is otherwise native). `filename` is what tracebacks show.
pub fn run_embedded(interp: &mut Interp, m: &ObjRef, filename: &str, source: &str) -> PyResult<()> {
    let Some(d) = Interp::module_dict(m).cloned() else {
        return Err(interp.type_error("run_embedded: not a module"));
    };
    interp.dict_set_str(
        &d,
        interp.g.names.builtins.clone(),
        Value::Obj(interp.g.builtins.clone()),
    );
    let code = interp.compile_source(source, filename)?;
    interp.run_code(code, &d)?;
    Ok(())
}

// ---- lazily stepped native iterators ----

/// One step of a native iterator (`me` is the iterator object): `Ok(None)` when exhausted.
pub trait Step: Any {
    fn step(&mut self, interp: &mut Interp, me: &Value) -> PyResult<Option<Value>>;
    /// A step that runs no Python code, done while holding the object's lock (so that
    /// e.g. a `count()` shared by threads never looks "already running"); None when this
    /// step needs [`Step::step`].
    fn fast(&mut self, _interp: &Interp) -> Option<Option<Value>> {
        None
    }
    fn as_any(&mut self) -> &mut dyn Any;
}

/// What a stepped iterator's native data is: the state, taken out while a step runs (so
/// that the step can run Python code without holding the object's lock).
pub struct Stepper(pub Option<Box<dyn Step>>);

/// A new iterator object of class `cls` with state `st`.
pub fn new_stepper(interp: &Interp, cls: &ObjRef, st: impl Step) -> Value {
    native_obj(interp, cls, Stepper(Some(Box::new(st))))
}

/// Runs `f` on the state of stepped iterator `o` (taken out of the object meanwhile).
/// Returns None if `o` is not a stepped iterator; raises RuntimeError if it is running.
pub fn with_step_state<R>(
    interp: &mut Interp,
    o: &Value,
    f: impl FnOnce(&mut Interp, &mut dyn Step) -> PyResult<R>,
) -> PyResult<Option<R>> {
    let Value::Obj(obj) = o else { return Ok(None) };
    let Payload::Native(n) = obj.payload() else {
        return Ok(None);
    };
    let taken = n.data.with(interp.py, |b| {
        b.downcast_mut::<Stepper>().map(|s| s.0.take())
    });
    match taken {
        None => Ok(None),
        Some(None) => Err(interp.runtime_error(format!(
            "{} iterator is already running",
            interp.type_name(o)
        ))),
        Some(Some(mut st)) => {
            let r = f(interp, st.as_mut());
            n.data.with(interp.py, |b| {
                if let Some(s) = b.downcast_mut::<Stepper>() {
                    s.0 = Some(st);
                }
            });
            r.map(Some)
        }
    }
}

/// `__next__` of every stepped iterator type.
pub fn stepper_next(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let a = args.exact(interp, "__next__", 1, 1)?;
    match step_native(interp, &a[0])? {
        Some(Some(v)) => Ok(v),
        Some(None) => Err(interp.stop_iteration(Value::None)),
        None => Err(interp.type_error(format!(
            "'{}' object is not an iterator",
            interp.type_name(&a[0])
        ))),
    }
}

/// `next(o)` for a stepped iterator (the protocol's fast path, which skips the `__next__`
/// lookup and call): None if `o` is not one.
pub fn step_native(interp: &mut Interp, o: &Value) -> PyResult<Option<Option<Value>>> {
    let Value::Obj(obj) = o else { return Ok(None) };
    let Payload::Native(n) = obj.payload() else {
        return Ok(None);
    };
    let fast = {
        let i: &Interp = interp;
        n.data.with(i.py, |b| match b.downcast_mut::<Stepper>() {
            None => Some(None),
            Some(Stepper(Some(st))) => st.fast(i).map(Some),
            Some(Stepper(None)) => None,
        })
    };
    match fast {
        Some(None) => Ok(None),
        Some(Some(r)) => Ok(Some(r)),
        None => with_step_state(interp, o, |interp, st| st.step(interp, o)),
    }
}

/// `__iter__` returning self.
pub fn iter_self(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let a = args.exact(interp, "__iter__", 1, 1)?;
    Ok(a[0].clone())
}

/// Creates an iterator type: `__iter__`, `__next__` and the extra methods.
pub fn iterator_type(
    interp: &mut Interp,
    name: &str,
    module: &str,
    extra: &[(&'static str, NativeFn)],
) -> ObjRef {
    let t = native_type(
        interp,
        name,
        module,
        &[("__iter__", iter_self), ("__next__", stepper_next)],
    );
    for (n, f) in extra {
        crate::builtins::add_method(interp, &t, n, *f);
    }
    t
}

/// Downcasts a step state.
pub fn state_mut<T: Any>(st: &mut dyn Step) -> Option<&mut T> {
    st.as_any().downcast_mut::<T>()
}

/// Implements `Step::as_any` for a type.
#[macro_export]
macro_rules! impl_as_any {
    () => {
        fn as_any(&mut self) -> &mut dyn std::any::Any {
            self
        }
    };
}

/// The arguments after `cls` of a `__new__`.
pub fn after_cls<'a>(args: &Args<'a>) -> Args<'a> {
    Args {
        all: &args.all[1.min(args.all.len())..],
        kwnames: args.kwnames,
    }
}

/// The class a native type's `__new__` was called for. It must be one of the stdlib's native
/// types (dotted internal name, e.g. `itertools.count`): their instances must never get the
/// class of a builtin type whose methods expect another payload.
pub fn cls_of(interp: &Interp, args: &Args<'_>) -> PyResult<ObjRef> {
    match args.pos().first() {
        Some(Value::Obj(c)) => match c.payload() {
            gilvm_object::Payload::Type(t)
                if t.layout == gilvm_object::types::Layout::Builtin && t.name.contains('.') =>
            {
                Ok(c.clone())
            }
            gilvm_object::Payload::Type(t) => Err(interp.type_error(format!(
                "__new__({0}): {0} is not a subtype of the native type",
                t.name
            ))),
            _ => Err(interp.type_error("__new__(X): X is not a type object")),
        },
        _ => Err(interp.type_error("__new__(X): X is not a type object")),
    }
}

/// `name expected N arguments, got M` for positional-only constructors.
pub fn positional(
    interp: &Interp,
    args: &Args<'_>,
    fname: &str,
    min: usize,
    max: usize,
) -> PyResult<Vec<Value>> {
    if args.has_kwargs() {
        return Err(interp.type_error(format!("{fname}() takes no keyword arguments")));
    }
    let p = args.pos();
    if p.len() < min || p.len() > max {
        let msg = if min == max {
            format!(
                "{fname} expected {min} argument{}, got {}",
                if min == 1 { "" } else { "s" },
                p.len()
            )
        } else if p.len() < min {
            format!(
                "{fname} expected at least {min} argument{}, got {}",
                if min == 1 { "" } else { "s" },
                p.len()
            )
        } else {
            format!(
                "{fname} expected at most {max} argument{}, got {}",
                if max == 1 { "" } else { "s" },
                p.len()
            )
        };
        return Err(interp.type_error(msg));
    }
    Ok(p.to_vec())
}
