//! `repr()` and `str()` of values, exactly as CPython writes them.
use gilvm_object::fmt::float_repr;
use gilvm_object::payload::InstanceBase;
use gilvm_object::types::{type_name, type_of};
use gilvm_object::{ObjRef, Payload, Value};

use crate::error::PyResult;
use crate::interp::Interp;

/// Python's repr of a string.
pub fn str_repr(s: &str) -> String {
    let quote = if s.contains('\'') && !s.contains('"') {
        '"'
    } else {
        '\''
    };
    let mut out = String::with_capacity(s.len() + 2);
    out.push(quote);
    for c in s.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if c == quote => {
                out.push('\\');
                out.push(c);
            }
            c if (c as u32) < 0x20 || c as u32 == 0x7f => {
                out.push_str(&format!("\\x{:02x}", c as u32))
            }
            c if !is_printable(c) => {
                let n = gilvm_object::surrogate::code(c);
                if n < 0x100 {
                    out.push_str(&format!("\\x{n:02x}"));
                } else if n < 0x10000 {
                    out.push_str(&format!("\\u{n:04x}"));
                } else {
                    out.push_str(&format!("\\U{n:08x}"));
                }
            }
            c => out.push(c),
        }
    }
    out.push(quote);
    out
}

/// `str.isprintable` for one character (what repr leaves unescaped).
fn is_printable(c: char) -> bool {
    crate::builtins::str_unicode::has(c, crate::builtins::str_unicode::PRINTABLE)
}

/// Python's repr of bytes.
pub fn bytes_repr(b: &[u8]) -> String {
    let quote = if b.contains(&b'\'') && !b.contains(&b'"') {
        '"'
    } else {
        '\''
    };
    let mut out = String::from("b");
    out.push(quote);
    for &x in b {
        match x {
            b'\\' => out.push_str("\\\\"),
            b'\n' => out.push_str("\\n"),
            b'\r' => out.push_str("\\r"),
            b'\t' => out.push_str("\\t"),
            x if x as char == quote => {
                out.push('\\');
                out.push(x as char);
            }
            0x20..=0x7e => out.push(x as char),
            _ => out.push_str(&format!("\\x{x:02x}")),
        }
    }
    out.push(quote);
    out
}

/// Containers being repr'd on this thread, to print `[...]` for self-references: the
/// addresses in entry order (`leave` pops the last) and the same addresses as a set, so that
/// the self-reference test of a deeply nested container stays O(1) per level (a scan of
/// the stack made `repr` of 200,000 nested lists quadratic).
#[derive(Default)]
struct ReprStack {
    order: Vec<usize>,
    active: std::collections::HashSet<usize>,
}

thread_local! {
    static REPR_STACK: std::cell::RefCell<ReprStack> = std::cell::RefCell::new(ReprStack::default());
}

/// Marks `o` as being repr'd on this thread; false if it already is (a self-reference).
pub(crate) fn enter(o: &ObjRef) -> bool {
    REPR_STACK.with(|s| {
        let mut s = s.borrow_mut();
        if !s.active.insert(o.addr()) {
            false
        } else {
            s.order.push(o.addr());
            true
        }
    })
}

/// Undoes the last successful [`enter`].
pub(crate) fn leave() {
    REPR_STACK.with(|s| {
        let mut s = s.borrow_mut();
        if let Some(a) = s.order.pop() {
            s.active.remove(&a);
        }
    });
}

fn join_reprs(interp: &mut Interp, items: &[Value], open: &str, close: &str) -> PyResult<String> {
    let mut out = String::from(open);
    for (i, it) in items.iter().enumerate() {
        if i > 0 {
            out.push_str(", ");
        }
        out.push_str(&repr(interp, it)?);
    }
    out.push_str(close);
    Ok(out)
}

/// `repr(v)`.
pub fn repr(interp: &mut Interp, v: &Value) -> PyResult<String> {
    // Nested containers recurse here without a Python frame: the native stack is the limit
    // (CPython 3.14's `Py_EnterRecursiveCall` in `PyObject_Repr`, and its message).
    if matches!(v, Value::Obj(_)) && interp.stack_exhausted() {
        let kb = interp.stack_used() / 1024;
        return Err(interp.recursion_error_msg(&format!(
            "Stack overflow (used {kb} kB) while getting the repr of an object"
        )));
    }
    Ok(match v {
        Value::None => "None".into(),
        Value::Bool(true) => "True".into(),
        Value::Bool(false) => "False".into(),
        Value::Int(i) => i.to_string(),
        Value::Float(f) => float_repr(*f),
        Value::Undef => "<NULL>".into(),
        Value::Obj(o) => match o.payload() {
            Payload::Str(s) => str_repr(s.as_str()),
            Payload::Int(b) => gilvm_object::fmt::digits_limit::decimal_string(b)
                .map_err(|m| interp.value_error(m))?,
            Payload::Bytes(b) => bytes_repr(b),
            Payload::Complex(c) => gilvm_object::fmt::complex_repr(c.re, c.im),
            Payload::ByteArray(b) => crate::builtins::bytearray::repr(interp, b),
            Payload::MemoryView(m) => format!(
                "<{}memory at {:#x}>",
                if m.is_released() { "released " } else { "" },
                o.addr()
            ),
            Payload::Tuple(t) => {
                if !enter(o) {
                    return Ok("(...)".into());
                }
                let r = if t.len() == 1 {
                    repr(interp, &t[0]).map(|x| format!("({x},)"))
                } else {
                    join_reprs(interp, t, "(", ")")
                };
                leave();
                r?
            }
            Payload::List(l) => {
                if !enter(o) {
                    return Ok("[...]".into());
                }
                let items = l.snapshot(interp.py);
                let r = join_reprs(interp, &items, "[", "]");
                leave();
                r?
            }
            Payload::Dict(d) => {
                if !enter(o) {
                    return Ok("{...}".into());
                }
                let items = d.items(interp.py);
                let r = dict_repr(interp, &items);
                leave();
                r?
            }
            Payload::Set(s) => set_repr(interp, o, s, "set", true)?,
            Payload::FrozenSet(s) => set_repr(interp, o, s, "frozenset", false)?,
            Payload::Range(r) => {
                if r.step == 1 {
                    format!("range({}, {})", r.start, r.stop)
                } else {
                    format!("range({}, {}, {})", r.start, r.stop, r.step)
                }
            }
            Payload::Slice(s) => {
                let s = s.clone();
                format!(
                    "slice({}, {}, {})",
                    repr(interp, &s[0])?,
                    repr(interp, &s[1])?,
                    repr(interp, &s[2])?
                )
            }
            Payload::Type(t) => {
                if t.has_metaclass() {
                    if let Some(m) = interp.meta_special(o, "__repr__") {
                        return call_str_method(interp, &m, v, "__repr__");
                    }
                }
                type_repr(interp, o)
            }
            Payload::Function(f) => {
                format!("<function {} at {:#x}>", interp.func_qualname(f), o.addr())
            }
            Payload::Code(c) => crate::builtins::code_obj::code_repr(c, o.addr()),
            Payload::BuiltinFunction(_) if crate::builtins::method_descr::parts(v).is_some() => {
                crate::builtins::method_descr::repr_of(v).unwrap_or_default()
            }
            Payload::BuiltinFunction(b) => match &b.receiver {
                Some(r) => format!(
                    "<built-in method {} of {} object at {:#x}>",
                    b.name,
                    interp.type_name(r),
                    r.id()
                ),
                None => match crate::builtin_owner::static_owner(b) {
                    // A static method of a builtin type: CPython's is bound to the type.
                    Some(t) => format!(
                        "<built-in method {} of type object at {:#x}>",
                        b.name,
                        t.addr()
                    ),
                    None => format!("<built-in function {}>", b.name),
                },
            },
            Payload::BoundMethod(m) => {
                let recv = m.receiver.clone();
                let name = match &m.func {
                    Value::Obj(f) => match f.payload() {
                        Payload::Function(func) => interp.func_qualname(func),
                        Payload::BuiltinFunction(b) => b.name.to_string(),
                        _ => "?".into(),
                    },
                    _ => "?".into(),
                };
                format!("<bound method {name} of {}>", repr(interp, &recv)?)
            }
            Payload::Module(m) => module_repr(interp, m)?,
            Payload::Singleton(n) => n.to_string(),
            Payload::Instance(inst) => {
                if let Some(m) = interp
                    .lookup_special_name(v, &gilvm_object::static_name!(interp.py, "__repr__"))
                {
                    let r = interp.call_method_value(&m, v, &[])?;
                    return match r.as_str() {
                        Some(s) => Ok(s.to_string()),
                        None => Err(interp.type_error(format!(
                            "__repr__ returned non-string (type {})",
                            interp.type_name(&r)
                        ))),
                    };
                }
                match &inst.base {
                    InstanceBase::Exception(_) => crate::exc_methods::exc_repr(interp, o)?,
                    InstanceBase::List(l) => {
                        if !enter(o) {
                            return Ok("[...]".into());
                        }
                        let items = l.snapshot(interp.py);
                        let r = join_reprs(interp, &items, "[", "]");
                        leave();
                        r?
                    }
                    InstanceBase::Dict(d) => {
                        if !enter(o) {
                            return Ok("{...}".into());
                        }
                        let items = d.items(interp.py);
                        let r = dict_repr(interp, &items);
                        leave();
                        r?
                    }
                    // (Subclasses of builtins find the builtin's `__repr__` above.)
                    InstanceBase::Value(inner) => {
                        let inner = inner.clone();
                        repr(interp, &inner)?
                    }
                    InstanceBase::Object | InstanceBase::Set(_) | InstanceBase::Descriptor(_) => {
                        default_repr(interp, v)
                    }
                }
            }
            Payload::Native(_)
                if !interp.is_generator(v)
                    && interp
                        .lookup_special(v, "__repr__")
                        .is_some_and(|m| !interp.is_native_named(&m, "object_repr")) =>
            {
                let m = interp
                    .lookup_special_name(v, &gilvm_object::static_name!(interp.py, "__repr__"))
                    .unwrap();
                let r = interp.call_method_value(&m, v, &[])?;
                return Ok(r.as_str().unwrap_or("").to_string());
            }
            Payload::Native(_) if interp.is_generator(v) => {
                let q = crate::builtins::gen_qualname(interp, o);
                format!("<generator object {q} at {:#x}>", o.addr())
            }
            _ => default_repr(interp, v),
        },
    })
}

/// The repr of a set-like object `o` whose table is `s`: `{1, 2}` for a plain set
/// (`braces_only`), else `name({1, 2})` (`frozenset(…)`, or a subclass's name: `S({1})`),
/// and `name()` when empty.
pub fn set_repr(
    interp: &mut Interp,
    o: &ObjRef,
    s: &gilvm_object::set::PySet,
    name: &str,
    braces_only: bool,
) -> PyResult<String> {
    let items = s.keys(interp.py);
    if items.is_empty() {
        return Ok(format!("{name}()"));
    }
    if !enter(o) {
        return Ok(format!("{name}(...)"));
    }
    let r = join_reprs(interp, &items, "{", "}");
    leave();
    let r = r?;
    Ok(if braces_only {
        r
    } else {
        format!("{name}({r})")
    })
}

/// `<class 'module.qualname'>`.
pub fn type_repr(interp: &mut Interp, o: &ObjRef) -> String {
    let Payload::Type(t) = o.payload() else {
        return default_repr(interp, &Value::Obj(o.clone()));
    };
    let module = t
        .dict()
        .get_str(interp.py, &interp.g.names.module)
        .and_then(|m| m.as_str().map(|s| s.to_string()));
    let qual = t
        .qualname
        .with(interp.py, |q| q.as_str().unwrap_or(&t.name).to_string());
    match module.as_deref() {
        Some("builtins") | None => format!("<class '{}'>", qual),
        Some(m) => format!("<class '{m}.{qual}'>"),
    }
}

/// Calls `__repr__`/`__str__` method `m` of `v` and checks that it returned a str.
fn call_str_method(interp: &mut Interp, m: &Value, v: &Value, which: &str) -> PyResult<String> {
    let r = interp.call_method_value(m, v, &[])?;
    match r.as_str() {
        Some(s) => Ok(s.to_string()),
        None => Err(interp.type_error(format!(
            "{which} returned non-string (type {})",
            interp.type_name(&r)
        ))),
    }
}

/// `<module.Class object at 0x…>`.
pub fn default_repr(interp: &mut Interp, v: &Value) -> String {
    let ty = type_of(v).clone();
    let qual = match ty.payload() {
        Payload::Type(t) => t
            .qualname
            .with(interp.py, |q| q.as_str().unwrap_or(&t.name).to_string()),
        _ => type_name(&ty).to_string(),
    };
    let module = match ty.payload() {
        Payload::Type(t) => t
            .dict()
            .get_str(interp.py, &interp.g.names.module)
            .and_then(|m| m.as_str().map(|s| s.to_string())),
        _ => None,
    };
    match module.as_deref() {
        Some("builtins") | None => format!("<{qual} object at {:#x}>", v.id()),
        Some(m) => format!("<{m}.{qual} object at {:#x}>", v.id()),
    }
}

fn dict_repr(interp: &mut Interp, items: &[(Value, Value)]) -> PyResult<String> {
    let mut out = String::from("{");
    for (i, (k, v)) in items.iter().enumerate() {
        if i > 0 {
            out.push_str(", ");
        }
        out.push_str(&repr(interp, k)?);
        out.push_str(": ");
        out.push_str(&repr(interp, v)?);
    }
    out.push('}');
    Ok(out)
}

/// `str(v)`.
pub fn str(interp: &mut Interp, v: &Value) -> PyResult<String> {
    if let Value::Obj(o) = v {
        match o.payload() {
            Payload::Str(s) => return Ok(s.as_str().to_string()),
            Payload::Bytes(_) | Payload::ByteArray(_) => {
                crate::bytes_warning::check_str(interp, v)?
            }
            Payload::Type(t) if t.has_metaclass() => {
                if let Some(m) = interp.meta_special(o, "__str__") {
                    return call_str_method(interp, &m, v, "__str__");
                }
            }
            Payload::Instance(inst) => {
                if let Some(m) =
                    interp.lookup_special_name(v, &gilvm_object::static_name!(interp.py, "__str__"))
                {
                    let r = interp.call_method_value(&m, v, &[])?;
                    return match r.as_str() {
                        Some(s) => Ok(s.to_string()),
                        None => Err(interp.type_error(format!(
                            "__str__ returned non-string (type {})",
                            interp.type_name(&r)
                        ))),
                    };
                }
                if let InstanceBase::Exception(_) = &inst.base {
                    return crate::exc_methods::exc_str(interp, o);
                }
            }
            // A native type's own `__str__` (a weak proxy's forwards to its referent);
            // `object.__str__` is the repr below.
            Payload::Native(_) => {
                if let Some(m) =
                    interp.lookup_special_name(v, &gilvm_object::static_name!(interp.py, "__str__"))
                {
                    return call_str_method(interp, &m, v, "__str__");
                }
            }
            _ => {}
        }
    }
    repr(interp, v)
}

/// CPython's module repr: from `__spec__` (`from 'origin'` for a file, `(built-in)`,
/// `(frozen)`, `(namespace) from [...]`, the loader's repr), else `__file__`, else the
/// loader, else the bare name.
fn module_repr(interp: &mut Interp, m: &gilvm_object::payload::Module) -> PyResult<String> {
    let get = |interp: &Interp, k: &str| interp.dict_get_str(&m.dict, &interp.intern(k));
    let name = match get(interp, "__name__") {
        Some(n) if n.as_str().is_some() => n.as_str().unwrap_or("?").to_string(),
        _ => m.name.as_str().unwrap_or("?").to_string(),
    };
    if let Some(spec) = get(interp, "__spec__").filter(|s| !s.is_none()) {
        let origin = interp.getattr_str(&spec, "origin").unwrap_or(Value::None);
        let loader = interp.getattr_str(&spec, "loader").unwrap_or(Value::None);
        if origin.is_none() {
            if loader.is_none() {
                return Ok(format!("<module '{name}'>"));
            }
            let locs = interp
                .getattr_str(&spec, "submodule_search_locations")
                .unwrap_or(Value::None);
            let lname = interp.type_name(&loader).to_string();
            if lname == "NamespaceLoader" && !locs.is_none() {
                return Ok(format!(
                    "<module '{name}' (namespace) from {}>",
                    repr(interp, &locs)?
                ));
            }
            return Ok(format!("<module '{name}' ({})>", repr(interp, &loader)?));
        }
        let has_location = interp
            .getattr_str(&spec, "has_location")
            .unwrap_or(Value::Bool(false));
        let origin_s = match origin.as_str() {
            Some(s) => s.to_string(),
            None => interp.str_string(&origin)?,
        };
        return Ok(if interp.truthy(&has_location)? {
            format!("<module '{name}' from '{origin_s}'>")
        } else {
            format!("<module '{name}' ({origin_s})>")
        });
    }
    if let Some(f) = get(interp, "__file__").filter(|f| f.as_str().is_some()) {
        return Ok(format!(
            "<module '{name}' from '{}'>",
            f.as_str().unwrap_or("?")
        ));
    }
    if let Some(l) = get(interp, "__loader__").filter(|l| !l.is_none()) {
        return Ok(format!("<module '{name}' ({})>", repr(interp, &l)?));
    }
    // A native module imported before the import bootstrap gave specs.
    let native = name == "sys"
        || name == "builtins"
        || interp
            .g
            .native_modules
            .lock()
            .iter()
            .any(|d| d.name == name);
    if native && m.name.as_str() == Some(name.as_str()) {
        return Ok(format!("<module '{name}' (built-in)>"));
    }
    Ok(format!("<module '{name}'>"))
}
