//! The `_operator` module (CPython's `Modules/_operator.c`): the operator functions, the
//! callable getters `attrgetter`, `itemgetter`, `methodcaller`, and `_compare_digest`
//! (which `hmac` and `secrets` import). The Lib's `operator.py` defines everything in
//! Python and then takes these over with `from _operator import *`.
//!
//! Each function runs the interpreter's own operation (`binary_op`, `compare`, `getitem`,
//! …), so it behaves as the operator does in Python code, with CPython's argument errors.
//! The getters are native types (final, as in CPython) whose state is fixed at creation;
//! a call copies the few values it needs out of the object's cell and then runs Python
//! code with no lock held.
use gilvm_object::code::{BinOp, CmpOp, UnOp};
use gilvm_object::{ObjRef, Payload, Value};
use gilvm_vm::args::Args;
use gilvm_vm::buffer::bytes_like;
use gilvm_vm::error::PyResult;
use gilvm_vm::interp::{Interp, NativeFn};
use gilvm_vm::modules::util::{native_obj, native_type, with_data};
use gilvm_vm::native_sub;

/// Exactly `n` positional arguments and no keywords (`lt expected 2 arguments, got 1`).
fn argn<'a>(interp: &Interp, args: &Args<'a>, name: &str, n: usize) -> PyResult<&'a [Value]> {
    if args.has_kwargs() {
        return Err(interp.type_error(format!("_operator.{name}() takes no keyword arguments")));
    }
    let pos = args.pos();
    if pos.len() != n {
        if n == 1 {
            return Err(interp.type_error(format!(
                "_operator.{name}() takes exactly one argument ({} given)",
                pos.len()
            )));
        }
        return Err(interp.type_error(format!("{name} expected {n} arguments, got {}", pos.len())));
    }
    Ok(pos)
}

macro_rules! binops {
    ($($fname:ident, $name:literal, $op:expr, $inplace:expr;)*) => {
        $(
            fn $fname(interp: &mut Interp, args: Args<'_>) -> PyResult {
                let a = argn(interp, &args, $name, 2)?;
                interp.binary_op($op, a[0].clone(), a[1].clone(), $inplace)
            }
        )*
        const BINOPS: &[(&str, NativeFn)] = &[$(($name, $fname)),*];
    };
}

binops! {
    op_add, "add", BinOp::Add, false;
    op_sub, "sub", BinOp::Sub, false;
    op_mul, "mul", BinOp::Mul, false;
    op_truediv, "truediv", BinOp::TrueDiv, false;
    op_floordiv, "floordiv", BinOp::FloorDiv, false;
    op_mod, "mod", BinOp::Mod, false;
    op_pow, "pow", BinOp::Pow, false;
    op_lshift, "lshift", BinOp::LShift, false;
    op_rshift, "rshift", BinOp::RShift, false;
    op_and, "and_", BinOp::And, false;
    op_or, "or_", BinOp::Or, false;
    op_xor, "xor", BinOp::Xor, false;
    op_matmul, "matmul", BinOp::MatMul, false;
    op_iadd, "iadd", BinOp::Add, true;
    op_isub, "isub", BinOp::Sub, true;
    op_imul, "imul", BinOp::Mul, true;
    op_itruediv, "itruediv", BinOp::TrueDiv, true;
    op_ifloordiv, "ifloordiv", BinOp::FloorDiv, true;
    op_imod, "imod", BinOp::Mod, true;
    op_ipow, "ipow", BinOp::Pow, true;
    op_ilshift, "ilshift", BinOp::LShift, true;
    op_irshift, "irshift", BinOp::RShift, true;
    op_iand, "iand", BinOp::And, true;
    op_ior, "ior", BinOp::Or, true;
    op_ixor, "ixor", BinOp::Xor, true;
    op_imatmul, "imatmul", BinOp::MatMul, true;
}

macro_rules! cmpops {
    ($($fname:ident, $name:literal, $op:expr;)*) => {
        $(
            fn $fname(interp: &mut Interp, args: Args<'_>) -> PyResult {
                let a = argn(interp, &args, $name, 2)?;
                interp.compare($op, &a[0], &a[1])
            }
        )*
        const CMPOPS: &[(&str, NativeFn)] = &[$(($name, $fname)),*];
    };
}

cmpops! {
    op_lt, "lt", CmpOp::Lt;
    op_le, "le", CmpOp::Le;
    op_eq, "eq", CmpOp::Eq;
    op_ne, "ne", CmpOp::Ne;
    op_gt, "gt", CmpOp::Gt;
    op_ge, "ge", CmpOp::Ge;
}

macro_rules! unops {
    ($($fname:ident, $name:literal, $op:expr;)*) => {
        $(
            fn $fname(interp: &mut Interp, args: Args<'_>) -> PyResult {
                let a = argn(interp, &args, $name, 1)?;
                interp.unary_op($op, a[0].clone())
            }
        )*
        const UNOPS: &[(&str, NativeFn)] = &[$(($name, $fname)),*];
    };
}

unops! {
    op_neg, "neg", UnOp::Neg;
    op_pos, "pos", UnOp::Pos;
    op_inv, "inv", UnOp::Invert;
    op_invert, "invert", UnOp::Invert;
}

fn op_not(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let a = argn(interp, &args, "not_", 1)?;
    Ok(Value::Bool(!interp.truthy(&a[0])?))
}

fn op_truth(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let a = argn(interp, &args, "truth", 1)?;
    Ok(Value::Bool(interp.truthy(&a[0])?))
}

fn op_is(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let a = argn(interp, &args, "is_", 2)?;
    Ok(Value::Bool(a[0].is(&a[1])))
}

fn op_is_not(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let a = argn(interp, &args, "is_not", 2)?;
    Ok(Value::Bool(!a[0].is(&a[1])))
}

fn op_is_none(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let a = argn(interp, &args, "is_none", 1)?;
    Ok(Value::Bool(a[0].is_none()))
}

fn op_is_not_none(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let a = argn(interp, &args, "is_not_none", 1)?;
    Ok(Value::Bool(!a[0].is_none()))
}

fn op_abs(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let a = argn(interp, &args, "abs", 1)?;
    let f = builtin(interp, "abs")?;
    interp.call1(&f, &[a[0].clone()])
}

fn op_index(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let a = argn(interp, &args, "index", 1)?;
    gilvm_vm::builtins::numbers::index_int(interp, &a[0])
}

/// A builtin function by name.
fn builtin(interp: &mut Interp, name: &str) -> PyResult {
    let b = Value::Obj(interp.g.builtins.clone());
    interp.getattr_str(&b, name)
}

/// Is `v` a sequence for `PySequence_Check`: not a dict, and its type has `__getitem__`?
fn is_sequence(interp: &mut Interp, v: &Value) -> bool {
    if let Value::Obj(o) = v {
        if matches!(o.payload(), Payload::Dict(_)) {
            return false;
        }
    }
    let dict_t = interp.g.types.dict.clone();
    if interp.isinstance(v, &dict_t) {
        return false;
    }
    interp
        .lookup_special_name(v, &gilvm_object::static_name!(interp.py, "__getitem__"))
        .is_some()
}

fn check_concat(interp: &mut Interp, a: &Value) -> PyResult<()> {
    if is_sequence(interp, a) {
        return Ok(());
    }
    Err(interp.type_error(format!(
        "'{}' object can't be concatenated",
        interp.type_name(a)
    )))
}

fn op_concat(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let a = argn(interp, &args, "concat", 2)?;
    check_concat(interp, &a[0])?;
    interp.binary_op(BinOp::Add, a[0].clone(), a[1].clone(), false)
}

fn op_iconcat(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let a = argn(interp, &args, "iconcat", 2)?;
    check_concat(interp, &a[0])?;
    interp.binary_op(BinOp::Add, a[0].clone(), a[1].clone(), true)
}

fn op_contains(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let a = argn(interp, &args, "contains", 2)?;
    Ok(Value::Bool(interp.contains(&a[0], &a[1])?))
}

/// An iterator over `seq`, with `PySequence_Count`'s message for a non-iterable.
fn iterate(interp: &mut Interp, seq: &Value) -> PyResult {
    match interp.iter(seq) {
        Ok(it) => Ok(it),
        Err(e) if interp.matches(&e, &interp.g.exc.type_error.clone()) => {
            Err(interp.type_error(format!(
                "argument of type '{}' is not iterable",
                interp.type_name(seq)
            )))
        }
        Err(e) => Err(e),
    }
}

fn op_count_of(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let a = argn(interp, &args, "countOf", 2)?;
    let it = iterate(interp, &a[0])?;
    let mut n: i64 = 0;
    while let Some(x) = interp.next(&it)? {
        if x.is(&a[1]) || interp.eq(&x, &a[1])? {
            n += 1;
        }
    }
    Ok(Value::Int(n))
}

fn op_index_of(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let a = argn(interp, &args, "indexOf", 2)?;
    let it = iterate(interp, &a[0])?;
    let mut i: i64 = 0;
    while let Some(x) = interp.next(&it)? {
        if x.is(&a[1]) || interp.eq(&x, &a[1])? {
            return Ok(Value::Int(i));
        }
        i += 1;
    }
    Err(interp.value_error("sequence.index(x): x not in sequence"))
}

fn op_getitem(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let a = argn(interp, &args, "getitem", 2)?;
    interp.getitem(&a[0], &a[1])
}

fn op_setitem(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let a = argn(interp, &args, "setitem", 3)?;
    interp.setitem(&a[0], a[1].clone(), a[2].clone())?;
    Ok(Value::None)
}

fn op_delitem(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let a = argn(interp, &args, "delitem", 2)?;
    interp.delitem(&a[0], &a[1])?;
    Ok(Value::None)
}

/// `length_hint(obj, default=0, /)`: `len(obj)`, else `__length_hint__`, else `default`.
fn op_length_hint(interp: &mut Interp, args: Args<'_>) -> PyResult {
    if args.has_kwargs() {
        return Err(interp.type_error("length_hint() takes no keyword arguments"));
    }
    let pos = args.pos();
    if pos.is_empty() || pos.len() > 2 {
        return Err(interp.type_error(if pos.is_empty() {
            "length_hint expected at least 1 argument, got 0".to_string()
        } else {
            format!(
                "length_hint expected at most 2 arguments, got {}",
                pos.len()
            )
        }));
    }
    let default = match pos.get(1) {
        None => Value::Int(0),
        // A Py_ssize_t: any `__index__` object, converted to a plain int.
        Some(d) if matches!(d, Value::Float(_)) => {
            return Err(interp.type_error(format!(
                "'{}' object cannot be interpreted as an integer",
                interp.type_name(d)
            )))
        }
        Some(d) => gilvm_vm::builtins::numbers::index_int(interp, d)?,
    };
    let obj = &pos[0];
    let has_len = interp
        .lookup_special_name(obj, &gilvm_object::static_name!(interp.py, "__len__"))
        .is_some();
    if has_len {
        match interp.len(obj) {
            Ok(n) => return Ok(Value::Int(n as i64)),
            Err(e) if interp.matches(&e, &interp.g.exc.type_error.clone()) => {}
            Err(e) => return Err(e),
        }
    }
    let Some(hint) = interp.lookup_special_name(
        obj,
        &gilvm_object::static_name!(interp.py, "__length_hint__"),
    ) else {
        return Ok(default);
    };
    let r = match interp.call_method_value(&hint, obj, &[]) {
        Ok(r) => r,
        Err(e) if interp.matches(&e, &interp.g.exc.type_error.clone()) => return Ok(default),
        Err(e) => return Err(e),
    };
    if matches!(&r, Value::Obj(o) if matches!(o.payload(), Payload::Singleton(&"NotImplemented"))) {
        return Ok(default);
    }
    if !gilvm_vm::builtins::numbers::is_int(&r) {
        return Err(interp.type_error(format!(
            "__length_hint__ must be an integer, not {}",
            interp.type_name(&r)
        )));
    }
    let n = gilvm_vm::builtins::numbers::index_int(interp, &r)?;
    if interp.lt(&n, &Value::Int(0))? {
        return Err(interp.value_error("__length_hint__() should return >= 0"));
    }
    Ok(n)
}

/// `call(obj, /, *args, **kwargs)`.
fn op_call(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let Some((f, rest)) = args.split_first() else {
        return Err(interp.type_error("call expected at least 1 argument, got 0"));
    };
    interp.call(f, rest)
}

/// `_compare_digest(a, b, /)`: a comparison whose time depends only on `b`'s length.
fn op_compare_digest(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let a = argn(interp, &args, "_compare_digest", 2)?;
    let (x, y) = (&a[0], &a[1]);
    let (bx, by): (Vec<u8>, Vec<u8>) = match (x.as_str(), y.as_str()) {
        (Some(s), Some(t)) => {
            if !s.is_ascii() || !t.is_ascii() {
                return Err(interp
                    .type_error("comparing strings with non-ASCII characters is not supported"));
            }
            (s.as_bytes().to_vec(), t.as_bytes().to_vec())
        }
        _ => {
            let (px, py) = (bytes_like(interp.py, x), bytes_like(interp.py, y));
            match (px, py) {
                (Some(p), Some(q)) => (p.to_vec(), q.to_vec()),
                (None, None) => {
                    return Err(interp.type_error(format!(
                        "unsupported operand types(s) or combination of types: '{}' and '{}'",
                        interp.type_name(x),
                        interp.type_name(y)
                    )))
                }
                (None, _) | (_, None) => {
                    let bad = if bytes_like(interp.py, x).is_none() {
                        x
                    } else {
                        y
                    };
                    return Err(interp.type_error(format!(
                        "a bytes-like object is required, not '{}'",
                        interp.type_name(bad)
                    )));
                }
            }
        }
    };
    Ok(Value::Bool(tscmp(&bx, &by)))
}

/// Compares `a` with `b` in time that depends on `b`'s length only (CPython's `_tscmp`).
fn tscmp(a: &[u8], b: &[u8]) -> bool {
    let left: &[u8] = if a.len() == b.len() { a } else { b };
    let mut result: u8 = (a.len() != b.len()) as u8;
    for (l, r) in left.iter().zip(b.iter()) {
        result |= l ^ r;
    }
    std::hint::black_box(result) == 0
}

// ---------------------------------------------------------------------------------------
// The callable getters.

struct AttrGetter {
    /// The names as given (for the repr and `__reduce__`).
    names: Vec<Value>,
    /// Each name split at the dots, as interned strings.
    paths: Vec<Vec<ObjRef>>,
}

struct ItemGetter {
    items: Vec<Value>,
}

struct MethodCaller {
    name: ObjRef,
    args: Vec<Value>,
    kwnames: Vec<Value>,
    kwvals: Vec<Value>,
}

/// The one argument of a getter's call (`itemgetter expected 1 argument, got 2`).
/// CPython 3.14 checks the keywords first for the getters, the count first for
/// `methodcaller`.
fn one_arg<'a>(interp: &Interp, args: &Args<'a>, kind: &str) -> PyResult<&'a Value> {
    let pos = args.pos();
    let count_first = kind == "methodcaller";
    if args.has_kwargs() && !(count_first && pos.len() != 2) {
        return Err(interp.type_error(format!("{kind}() takes no keyword arguments")));
    }
    // pos[0] is the getter itself.
    if pos.len() != 2 {
        return Err(interp.type_error(format!(
            "{kind} expected 1 argument, got {}",
            pos.len().saturating_sub(1)
        )));
    }
    Ok(&pos[1])
}

/// The class argument of a getter's `__new__`.
fn new_cls(interp: &Interp, args: &Args<'_>, what: &str) -> PyResult<ObjRef> {
    match args.pos().first() {
        Some(Value::Obj(t)) if matches!(t.payload(), Payload::Type(_)) => Ok(t.clone()),
        _ => Err(interp.type_error(format!("{what}.__new__(X): X is not a type object"))),
    }
}

fn attrgetter_new(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let cls = new_cls(interp, &args, "attrgetter")?;
    if args.has_kwargs() {
        return Err(interp.type_error("attrgetter() takes no keyword arguments"));
    }
    let names = &args.pos()[1..];
    if names.is_empty() {
        return Err(interp.type_error("attrgetter expected 1 argument, got 0"));
    }
    let mut paths = Vec::with_capacity(names.len());
    for n in names {
        let Some(s) = n.as_str() else {
            return Err(interp.type_error("attribute name must be a string"));
        };
        paths.push(s.split('.').map(|p| interp.intern(p)).collect());
    }
    let data = AttrGetter {
        names: names.to_vec(),
        paths,
    };
    Ok(native_obj(interp, &cls, data))
}

fn attrgetter_call(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let obj = one_arg(interp, &args, "attrgetter")?.clone();
    let paths = with_data(interp, &args.pos()[0], |g: &mut AttrGetter| g.paths.clone())
        .ok_or_else(|| bad_self(interp, "attrgetter"))?;
    let mut out = Vec::with_capacity(paths.len());
    for path in &paths {
        let mut v = obj.clone();
        for part in path {
            v = interp.getattr(&v, part)?;
        }
        out.push(v);
    }
    if out.len() == 1 {
        return Ok(out.pop().unwrap_or(Value::None));
    }
    Ok(interp.new_tuple(out))
}

fn bad_self(interp: &Interp, kind: &str) -> gilvm_vm::error::PyErr {
    interp.type_error(format!("descriptor requires a 'operator.{kind}' object"))
}

/// `operator.kind(r1, r2, …)` from the reprs of `parts`.
fn repr_call(interp: &mut Interp, kind: &str, parts: &[Value], extra: Vec<String>) -> PyResult {
    let mut out: Vec<String> = Vec::with_capacity(parts.len() + extra.len());
    for p in parts {
        out.push(interp.repr(p)?);
    }
    out.extend(extra);
    Ok(interp.new_str(format!("operator.{kind}({})", out.join(", "))))
}

fn attrgetter_repr(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let me = args.exact(interp, "__repr__", 1, 1)?[0].clone();
    let names = with_data(interp, &me, |g: &mut AttrGetter| g.names.clone())
        .ok_or_else(|| bad_self(interp, "attrgetter"))?;
    repr_call(interp, "attrgetter", &names, Vec::new())
}

fn attrgetter_reduce(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let me = args.exact(interp, "__reduce__", 1, 1)?[0].clone();
    let names = with_data(interp, &me, |g: &mut AttrGetter| g.names.clone())
        .ok_or_else(|| bad_self(interp, "attrgetter"))?;
    let t = Value::Obj(gilvm_object::types::type_of(&me).clone());
    let names = interp.new_tuple(names);
    Ok(interp.new_tuple(vec![t, names]))
}

fn itemgetter_new(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let cls = new_cls(interp, &args, "itemgetter")?;
    if args.has_kwargs() {
        return Err(interp.type_error("itemgetter() takes no keyword arguments"));
    }
    let items = &args.pos()[1..];
    if items.is_empty() {
        return Err(interp.type_error("itemgetter expected 1 argument, got 0"));
    }
    let data = ItemGetter {
        items: items.to_vec(),
    };
    Ok(native_obj(interp, &cls, data))
}

fn itemgetter_call(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let obj = one_arg(interp, &args, "itemgetter")?.clone();
    let items = with_data(interp, &args.pos()[0], |g: &mut ItemGetter| {
        if g.items.len() == 1 {
            Err(g.items[0].clone())
        } else {
            Ok(g.items.clone())
        }
    })
    .ok_or_else(|| bad_self(interp, "itemgetter"))?;
    match items {
        Err(one) => interp.getitem(&obj, &one),
        Ok(items) => {
            let mut out = Vec::with_capacity(items.len());
            for it in &items {
                out.push(interp.getitem(&obj, it)?);
            }
            Ok(interp.new_tuple(out))
        }
    }
}

fn itemgetter_repr(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let me = args.exact(interp, "__repr__", 1, 1)?[0].clone();
    let items = with_data(interp, &me, |g: &mut ItemGetter| g.items.clone())
        .ok_or_else(|| bad_self(interp, "itemgetter"))?;
    repr_call(interp, "itemgetter", &items, Vec::new())
}

fn itemgetter_reduce(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let me = args.exact(interp, "__reduce__", 1, 1)?[0].clone();
    let items = with_data(interp, &me, |g: &mut ItemGetter| g.items.clone())
        .ok_or_else(|| bad_self(interp, "itemgetter"))?;
    let t = Value::Obj(gilvm_object::types::type_of(&me).clone());
    let items = interp.new_tuple(items);
    Ok(interp.new_tuple(vec![t, items]))
}

fn methodcaller_new(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let cls = new_cls(interp, &args, "methodcaller")?;
    let pos = args.pos();
    if pos.len() < 2 {
        return Err(interp.type_error("methodcaller needs at least one argument, the method name"));
    }
    let Some(name) = pos[1].as_str() else {
        return Err(interp.type_error("method name must be a string"));
    };
    let name = interp.intern(name);
    let kwvals = args.all[pos.len()..].to_vec();
    let data = MethodCaller {
        name,
        args: pos[2..].to_vec(),
        kwnames: args.kwnames.to_vec(),
        kwvals,
    };
    Ok(native_obj(interp, &cls, data))
}

fn methodcaller_parts(
    interp: &Interp,
    me: &Value,
) -> PyResult<(ObjRef, Vec<Value>, Vec<Value>, Vec<Value>)> {
    with_data(interp, me, |m: &mut MethodCaller| {
        (
            m.name.clone(),
            m.args.clone(),
            m.kwnames.clone(),
            m.kwvals.clone(),
        )
    })
    .ok_or_else(|| bad_self(interp, "methodcaller"))
}

fn methodcaller_call(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let obj = one_arg(interp, &args, "methodcaller")?.clone();
    let (name, mut all, kwnames, kwvals) = methodcaller_parts(interp, &args.pos()[0])?;
    let f = interp.getattr(&obj, &name)?;
    all.extend(kwvals);
    interp.call(
        &f,
        Args {
            all: &all,
            kwnames: &kwnames,
        },
    )
}

fn methodcaller_repr(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let me = args.exact(interp, "__repr__", 1, 1)?[0].clone();
    let (name, pargs, kwnames, kwvals) = methodcaller_parts(interp, &me)?;
    let mut parts = vec![Value::Obj(name)];
    parts.extend(pargs);
    let mut extra = Vec::with_capacity(kwnames.len());
    for (k, v) in kwnames.iter().zip(&kwvals) {
        let r = interp.repr(v)?;
        extra.push(format!("{}={r}", k.as_str().unwrap_or("?")));
    }
    repr_call(interp, "methodcaller", &parts, extra)
}

fn methodcaller_reduce(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let me = args.exact(interp, "__reduce__", 1, 1)?[0].clone();
    let (name, pargs, kwnames, kwvals) = methodcaller_parts(interp, &me)?;
    let t = Value::Obj(gilvm_object::types::type_of(&me).clone());
    if kwnames.is_empty() {
        let mut items = vec![Value::Obj(name)];
        items.extend(pargs);
        let items = interp.new_tuple(items);
        return Ok(interp.new_tuple(vec![t, items]));
    }
    // (functools.partial(type(self), name, **kwargs), args)
    let functools = interp.import_module("functools")?;
    let partial = interp.getattr_str(&Value::Obj(functools), "partial")?;
    let mut all = vec![t, Value::Obj(name)];
    all.extend(kwvals);
    let p = interp.call(
        &partial,
        Args {
            all: &all,
            kwnames: &kwnames,
        },
    )?;
    let pargs = interp.new_tuple(pargs);
    Ok(interp.new_tuple(vec![p, pargs]))
}

const FUNCS: &[(&str, NativeFn)] = &[
    ("not_", op_not),
    ("truth", op_truth),
    ("is_", op_is),
    ("is_not", op_is_not),
    ("is_none", op_is_none),
    ("is_not_none", op_is_not_none),
    ("abs", op_abs),
    ("index", op_index),
    ("concat", op_concat),
    ("iconcat", op_iconcat),
    ("contains", op_contains),
    ("countOf", op_count_of),
    ("indexOf", op_index_of),
    ("getitem", op_getitem),
    ("setitem", op_setitem),
    ("delitem", op_delitem),
    ("length_hint", op_length_hint),
    ("call", op_call),
    ("_compare_digest", op_compare_digest),
];

fn getter_type(
    interp: &mut Interp,
    name: &str,
    new: NativeFn,
    methods: &[(&'static str, NativeFn)],
) -> ObjRef {
    let t = native_type(interp, name, "operator", methods);
    gilvm_vm::builtins::add_static(interp, &t, "__new__", new);
    native_sub::mark_final(&t);
    t
}

pub fn init(interp: &mut Interp, m: &ObjRef) -> PyResult<()> {
    for table in [BINOPS, CMPOPS, UNOPS, FUNCS] {
        for &(name, f) in table {
            interp.add_function(m, name, f);
        }
    }
    let ag = getter_type(
        interp,
        "attrgetter",
        attrgetter_new,
        &[
            ("__call__", attrgetter_call),
            ("__repr__", attrgetter_repr),
            ("__reduce__", attrgetter_reduce),
        ],
    );
    let ig = getter_type(
        interp,
        "itemgetter",
        itemgetter_new,
        &[
            ("__call__", itemgetter_call),
            ("__repr__", itemgetter_repr),
            ("__reduce__", itemgetter_reduce),
        ],
    );
    let mc = getter_type(
        interp,
        "methodcaller",
        methodcaller_new,
        &[
            ("__call__", methodcaller_call),
            ("__repr__", methodcaller_repr),
            ("__reduce__", methodcaller_reduce),
        ],
    );
    crate::common::register_gc::<ItemGetter>();
    crate::common::register_gc::<MethodCaller>();
    interp.add_value(m, "attrgetter", Value::Obj(ag));
    interp.add_value(m, "itemgetter", Value::Obj(ig));
    interp.add_value(m, "methodcaller", Value::Obj(mc));
    let doc = interp.new_str(
        "Operator interface.\n\nThis module exports a set of functions implemented in C corresponding\nto the intrinsic operators of Python.  For example, operator.add(x, y)\nis equivalent to the expression x+y.  The function names are those\nused for special methods; variants without leading and trailing\n'__' are also provided for convenience.",
    );
    interp.add_value(m, "__doc__", doc);
    Ok(())
}

// The collector's view (branch `stdmods`): an itemgetter's keys and a methodcaller's
// arguments may be any objects, the object they are applied to among them. (An
// attrgetter holds only strings: no cycle can pass through it.)
impl crate::common::GcRefs for ItemGetter {
    fn refs(&self, f: &mut dyn FnMut(&Value)) {
        self.items.iter().for_each(f);
    }
    fn clear_refs(&mut self, out: &mut Vec<Value>) {
        out.append(&mut self.items);
    }
}

impl crate::common::GcRefs for MethodCaller {
    fn refs(&self, f: &mut dyn FnMut(&Value)) {
        self.args.iter().for_each(&mut *f);
        self.kwvals.iter().for_each(f);
    }
    fn clear_refs(&mut self, out: &mut Vec<Value>) {
        out.append(&mut self.args);
        out.append(&mut self.kwnames);
        out.append(&mut self.kwvals);
    }
}
