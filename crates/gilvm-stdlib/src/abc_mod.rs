//! The `_abc` module (CPython's `Modules/_abc.c`): the native half of the Lib's `abc`,
//! whose `ABCMeta` calls `_abc_init`, `_abc_register`, `_abc_instancecheck` and
//! `_abc_subclasscheck`. Without it `abc` falls back on `_py_abc`, which is slower and
//! changes who calls `__subclasscheck__` (typing's runtime protocols allow class checks
//! only from `abc`).
//!
//! # State
//! Each ABC has an `_abc_impl` attribute, an `_abc._abc_data` object holding its registry
//! of virtual subclasses, its positive and negative caches, and the version of the
//! negative cache. The three sets hold weak references to classes (as CPython's sets of
//! weak references do), keyed by the class's address; an entry counts only while its
//! weak reference still reaches that very class, so a dead class's address reused by a
//! new class is never mistaken for it, and dead entries are dropped when met. The state
//! is behind the object's lock; every critical section is short and runs no Python code
//! (the weak references are made and the subclass hooks called outside it), as CPython's
//! free-threaded build keeps these sets under the object's critical section. The global
//! invalidation counter (`get_cache_token()`) is an atomic.
use std::collections::HashMap;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::OnceLock;

use gilvm_object::{ObjRef, Payload, Value};
use gilvm_vm::args::Args;
use gilvm_vm::builtins::core::issubclass_of;
use gilvm_vm::error::PyResult;
use gilvm_vm::interp::Interp;
use gilvm_vm::modules::util::{native_obj, native_type, with_data, Statics};
use gilvm_vm::modules::weakref::{new_ref, ref_target};

/// Bumped by every `register()`: a negative cache older than it is stale.
static INVALIDATION: AtomicU64 = AtomicU64::new(0);

static DATA_T: OnceLock<Statics<ObjRef>> = OnceLock::new();

/// Which of an ABC's three sets.
#[derive(Clone, Copy)]
enum Which {
    Registry,
    Cache,
    Negative,
}

#[derive(Default)]
struct AbcData {
    registry: HashMap<usize, Value>,
    cache: HashMap<usize, Value>,
    negative: HashMap<usize, Value>,
    negative_version: u64,
}

impl AbcData {
    fn set(&mut self, w: Which) -> &mut HashMap<usize, Value> {
        match w {
            Which::Registry => &mut self.registry,
            Which::Cache => &mut self.cache,
            Which::Negative => &mut self.negative,
        }
    }
}

fn data_type(interp: &Interp) -> PyResult<ObjRef> {
    DATA_T
        .get()
        .map(|t| t.0.clone())
        .ok_or_else(|| interp.runtime_error("_abc is not initialised"))
}

/// `cls._abc_impl`, checked to be an `_abc_data`.
fn get_impl(interp: &mut Interp, cls: &Value) -> PyResult<Value> {
    let imp = interp.getattr_str(cls, "_abc_impl")?;
    if with_data(interp, &imp, |_: &mut AbcData| ()).is_none() {
        return Err(interp.type_error("_abc_impl is set to a wrong type"));
    }
    Ok(imp)
}

fn addr(v: &Value) -> usize {
    match v {
        Value::Obj(o) => o.addr(),
        _ => v.id(),
    }
}

/// Is `cls` in set `w` of `imp` (a live entry for this very object)?
fn contains(interp: &mut Interp, imp: &Value, w: Which, cls: &Value) -> bool {
    let key = addr(cls);
    let Some(wr) = with_data(interp, imp, |d: &mut AbcData| d.set(w).get(&key).cloned()).flatten()
    else {
        return false;
    };
    match ref_target(interp, &wr) {
        Some(o) if matches!(cls, Value::Obj(c) if c.is(&o)) => true,
        _ => {
            // A dead entry (or one for a freed object whose address was reused).
            with_data(interp, imp, |d: &mut AbcData| {
                if d.set(w).get(&key).is_some_and(|x| x.is(&wr)) {
                    d.set(w).remove(&key);
                }
            });
            false
        }
    }
}

/// Adds `cls` to set `w` of `imp` (through a weak reference).
fn add(interp: &mut Interp, imp: &Value, w: Which, cls: &Value) -> PyResult<()> {
    let wr = new_ref(interp, cls)?;
    // Hashed now, while the class lives (`_get_dump` puts them in sets).
    interp.hash(&wr)?;
    let key = addr(cls);
    with_data(interp, imp, |d: &mut AbcData| {
        d.set(w).insert(key, wr);
    });
    Ok(())
}

/// The live members of set `w` (weak references).
fn members(interp: &mut Interp, imp: &Value, w: Which) -> Vec<Value> {
    with_data(interp, imp, |d: &mut AbcData| {
        d.set(w).values().cloned().collect()
    })
    .unwrap_or_default()
}

fn one_arg<'a>(interp: &Interp, args: &Args<'a>, name: &str) -> PyResult<&'a Value> {
    Ok(&args.exact(interp, name, 1, 1)?[0])
}

fn two_args<'a>(interp: &Interp, args: &Args<'a>, name: &str) -> PyResult<&'a [Value]> {
    if args.has_kwargs() {
        return Err(interp.type_error(format!("{name}() takes no keyword arguments")));
    }
    let pos = args.pos();
    if pos.len() != 2 {
        return Err(interp.type_error(format!("{name} expected 2 arguments, got {}", pos.len())));
    }
    Ok(pos)
}

fn is_type(v: &Value) -> bool {
    matches!(v, Value::Obj(o) if matches!(o.payload(), Payload::Type(_)))
}

/// `get_cache_token()`.
fn get_cache_token(interp: &mut Interp, args: Args<'_>) -> PyResult {
    args.exact(interp, "get_cache_token", 0, 0)?;
    Ok(Value::Int(INVALIDATION.load(Ordering::SeqCst) as i64))
}

/// Is `v` abstract (`v.__isabstractmethod__` true)?
fn is_abstract(interp: &mut Interp, v: &Value) -> PyResult<bool> {
    let name = interp.intern("__isabstractmethod__");
    match interp.getattr_optional(v, &name)? {
        Some(x) => interp.truthy(&x),
        None => Ok(false),
    }
}

/// `_abc_init(cls)`: `__abstractmethods__`, a fresh `_abc_impl`, and the collection
/// flags of `__abc_tpflags__` (taken out of the class dict, as CPython does).
fn abc_init(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let cls = one_arg(interp, &args, "_abc_init")?.clone();
    // Names defined in the class body that are abstract.
    let ns = interp.getattr_str(&cls, "__dict__")?;
    let keys = interp.collect(&ns)?;
    let mut abstracts: Vec<Value> = Vec::new();
    for k in keys {
        let v = interp.getitem(&ns, &k)?;
        if is_abstract(interp, &v)? {
            abstracts.push(k);
        }
    }
    // Inherited abstract names still abstract here.
    let bases = interp.getattr_str(&cls, "__bases__")?;
    let bases = match &bases {
        Value::Obj(o) if matches!(o.payload(), Payload::Tuple(_)) => interp.collect(&bases)?,
        _ => return Err(interp.type_error("__bases__ is not tuple")),
    };
    let am = interp.intern("__abstractmethods__");
    for b in bases {
        let Some(names) = interp.getattr_optional(&b, &am)? else {
            continue;
        };
        for k in interp.collect(&names)? {
            let Some(ks) = k.as_str() else {
                continue;
            };
            let kn = interp.intern(ks);
            let Some(v) = interp.getattr_optional(&cls, &kn)? else {
                continue;
            };
            if is_abstract(interp, &v)? {
                abstracts.push(k);
            }
        }
    }
    let fs = interp.new_set_from(abstracts, true)?;
    interp.setattr(&cls, &am, Value::Obj(fs))?;
    let dt = data_type(interp)?;
    let data = AbcData {
        negative_version: INVALIDATION.load(Ordering::SeqCst),
        ..AbcData::default()
    };
    let imp = native_obj(interp, &dt, data);
    let impl_name = interp.intern("_abc_impl");
    interp.setattr(&cls, &impl_name, imp)?;
    if let Value::Obj(c) = &cls {
        if let Payload::Type(t) = c.payload() {
            let flags = interp.intern("__abc_tpflags__");
            if t.dict().get_str(interp.py, &flags).is_some() {
                interp.delattr(&cls, &flags)?;
            }
        }
    }
    Ok(Value::None)
}

/// `_abc_register(cls, subclass)`.
fn abc_register(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let a = two_args(interp, &args, "_abc_register")?;
    let (cls, sub) = (a[0].clone(), a[1].clone());
    if !is_type(&sub) {
        return Err(interp.type_error("Can only register classes"));
    }
    if issubclass_of(interp, &sub, &cls)? {
        return Ok(sub);
    }
    // Subtle: test for cycles *after* testing for "already a subclass"; this means we
    // allow X.register(X) and interpret it as a no-op.
    if issubclass_of(interp, &cls, &sub)? {
        return Err(interp.runtime_error("Refusing to create an inheritance cycle"));
    }
    let imp = get_impl(interp, &cls)?;
    add(interp, &imp, Which::Registry, &sub)?;
    INVALIDATION.fetch_add(1, Ordering::SeqCst);
    Ok(sub)
}

/// `_abc_instancecheck(cls, instance)`.
fn abc_instancecheck(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let a = two_args(interp, &args, "_abc_instancecheck")?;
    let (cls, inst) = (a[0].clone(), a[1].clone());
    let imp = get_impl(interp, &cls)?;
    let subclass = interp.getattr_str(&inst, "__class__")?;
    if contains(interp, &imp, Which::Cache, &subclass) {
        return Ok(Value::Bool(true));
    }
    let subtype = Value::Obj(gilvm_object::types::type_of(&inst).clone());
    let version = with_data(interp, &imp, |d: &mut AbcData| d.negative_version).unwrap_or(0);
    if subtype.is(&subclass) {
        if version == INVALIDATION.load(Ordering::SeqCst)
            && contains(interp, &imp, Which::Negative, &subclass)
        {
            return Ok(Value::Bool(false));
        }
        return interp.call_method(&cls, "__subclasscheck__", &[subclass]);
    }
    let r = interp.call_method(&cls, "__subclasscheck__", &[subclass])?;
    if interp.truthy(&r)? {
        return Ok(r);
    }
    interp.call_method(&cls, "__subclasscheck__", &[subtype])
}

/// `_abc_subclasscheck(cls, subclass)`.
fn abc_subclasscheck(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let a = two_args(interp, &args, "_abc_subclasscheck")?;
    let (cls, sub) = (a[0].clone(), a[1].clone());
    if !is_type(&sub) {
        return Err(interp.type_error("issubclass() arg 1 must be a class"));
    }
    let imp = get_impl(interp, &cls)?;
    // 1. The cache.
    if contains(interp, &imp, Which::Cache, &sub) {
        return Ok(Value::Bool(true));
    }
    // 2. The negative cache, cleared when stale.
    let now = INVALIDATION.load(Ordering::SeqCst);
    let stale = with_data(interp, &imp, |d: &mut AbcData| {
        if d.negative_version < now {
            d.negative.clear();
            d.negative_version = now;
            true
        } else {
            false
        }
    })
    .unwrap_or(false);
    if !stale && contains(interp, &imp, Which::Negative, &sub) {
        return Ok(Value::Bool(false));
    }
    // 3. The subclass hook.
    let ok = interp.call_method(&cls, "__subclasshook__", std::slice::from_ref(&sub))?;
    match ok {
        Value::Bool(true) => {
            add(interp, &imp, Which::Cache, &sub)?;
            return Ok(Value::Bool(true));
        }
        Value::Bool(false) => {
            add(interp, &imp, Which::Negative, &sub)?;
            return Ok(Value::Bool(false));
        }
        Value::Obj(o) if matches!(o.payload(), Payload::Singleton(&"NotImplemented")) => {}
        _ => {
            return Err(interp.err(
                &interp.g.exc.assertion_error.clone(),
                "__subclasshook__ must return either False, True, or NotImplemented",
            ))
        }
    }
    // 4. A direct subclass.
    if let (Value::Obj(s), Value::Obj(c)) = (&sub, &cls) {
        if let Payload::Type(st) = s.payload() {
            if s.is(c) || st.mro.iter().any(|m| m.is(c)) {
                add(interp, &imp, Which::Cache, &sub)?;
                return Ok(Value::Bool(true));
            }
        }
    }
    // 5. A registered class (directly: not cached), or a subclass of one (recursive).
    if contains(interp, &imp, Which::Registry, &sub) {
        return Ok(Value::Bool(true));
    }
    for wr in members(interp, &imp, Which::Registry) {
        let Some(rcls) = ref_target(interp, &wr) else {
            continue;
        };
        if issubclass_of(interp, &sub, &Value::Obj(rcls))? {
            add(interp, &imp, Which::Cache, &sub)?;
            return Ok(Value::Bool(true));
        }
    }
    // 6. A subclass of a subclass (recursive).
    let subs = interp.call_method(&cls, "__subclasses__", &[])?;
    let subs = match &subs {
        Value::Obj(o) if matches!(o.payload(), Payload::List(_)) => interp.collect(&subs)?,
        _ => return Err(interp.type_error("__subclasses__() must return a list")),
    };
    for scls in subs {
        if issubclass_of(interp, &sub, &scls)? {
            add(interp, &imp, Which::Cache, &sub)?;
            return Ok(Value::Bool(true));
        }
    }
    // No dice; update the negative cache.
    add(interp, &imp, Which::Negative, &sub)?;
    Ok(Value::Bool(false))
}

/// `_get_dump(cls)`: `(registry, cache, negative_cache, negative_cache_version)`, the
/// sets holding weak references.
fn get_dump(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let cls = one_arg(interp, &args, "_get_dump")?.clone();
    let imp = get_impl(interp, &cls)?;
    let mut out = Vec::with_capacity(4);
    for w in [Which::Registry, Which::Cache, Which::Negative] {
        let m = members(interp, &imp, w);
        out.push(Value::Obj(interp.new_set_from(m, false)?));
    }
    let v = with_data(interp, &imp, |d: &mut AbcData| d.negative_version).unwrap_or(0);
    out.push(Value::Int(v as i64));
    Ok(interp.new_tuple(out))
}

fn reset_registry(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let cls = one_arg(interp, &args, "_reset_registry")?.clone();
    let imp = get_impl(interp, &cls)?;
    with_data(interp, &imp, |d: &mut AbcData| d.registry.clear());
    Ok(Value::None)
}

fn reset_caches(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let cls = one_arg(interp, &args, "_reset_caches")?.clone();
    let imp = get_impl(interp, &cls)?;
    with_data(interp, &imp, |d: &mut AbcData| {
        d.cache.clear();
        d.negative.clear();
    });
    Ok(Value::None)
}

/// `_abc_data()`: an empty state (as `_abc_init` makes).
fn data_new(interp: &mut Interp, args: Args<'_>) -> PyResult {
    if args.pos().len() > 1 || args.has_kwargs() {
        return Err(interp.type_error("_abc_data() takes no arguments"));
    }
    let dt = data_type(interp)?;
    let data = AbcData {
        negative_version: INVALIDATION.load(Ordering::SeqCst),
        ..AbcData::default()
    };
    Ok(native_obj(interp, &dt, data))
}

pub fn init(interp: &mut Interp, m: &ObjRef) -> PyResult<()> {
    let dt = match DATA_T.get() {
        Some(t) => t.0.clone(),
        None => {
            let t = native_type(interp, "_abc_data", "_abc", &[]);
            gilvm_vm::builtins::add_static(interp, &t, "__new__", data_new);
            gilvm_vm::native_sub::mark_final(&t);
            let _ = DATA_T.set(Statics(t.clone()));
            t
        }
    };
    crate::common::register_gc::<AbcData>();
    interp.add_value(m, "_abc_data", Value::Obj(dt));
    interp.add_function(m, "get_cache_token", get_cache_token);
    interp.add_function(m, "_abc_init", abc_init);
    interp.add_function(m, "_abc_register", abc_register);
    interp.add_function(m, "_abc_instancecheck", abc_instancecheck);
    interp.add_function(m, "_abc_subclasscheck", abc_subclasscheck);
    interp.add_function(m, "_get_dump", get_dump);
    interp.add_function(m, "_reset_registry", reset_registry);
    interp.add_function(m, "_reset_caches", reset_caches);
    Ok(())
}

// The collector's view (branch `stdmods`): the three sets hold weak references.
impl crate::common::GcRefs for AbcData {
    fn refs(&self, f: &mut dyn FnMut(&Value)) {
        for set in [&self.registry, &self.cache, &self.negative] {
            set.values().for_each(&mut *f);
        }
    }
    fn clear_refs(&mut self, out: &mut Vec<Value>) {
        for set in [&mut self.registry, &mut self.cache, &mut self.negative] {
            out.extend(set.drain().map(|(_, v)| v));
        }
    }
}
