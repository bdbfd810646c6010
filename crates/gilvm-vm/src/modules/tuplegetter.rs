//! `_collections._tuplegetter(index, doc)`: the descriptor of a namedtuple's field (issue
//! 19: the Lib's `namedtuple` puts one per field in the class). Reading it on an instance
//! is `instance[index]`; it cannot be set or deleted. Its data never changes after
//! creation.
use std::sync::OnceLock;

use gilvm_object::{ObjRef, Payload, Value};

use super::util::{self, native_obj, with_data, Statics};
use crate::args::Args;
use crate::error::PyResult;
use crate::interp::{Interp, NativeFn};

struct TupleGetter {
    index: i64,
    doc: Value,
}

static TYPE: OnceLock<Statics<ObjRef>> = OnceLock::new();

/// The `_tuplegetter` type.
pub fn tuplegetter_type(interp: &mut Interp) -> ObjRef {
    TYPE.get_or_init(|| Statics(create(interp))).0.clone()
}

fn create(interp: &mut Interp) -> ObjRef {
    let t = util::native_type(
        interp,
        "_tuplegetter",
        "collections",
        &[
            ("__get__", get as NativeFn),
            ("__set__", set),
            ("__delete__", delete),
            ("__reduce__", reduce),
        ],
    );
    crate::builtins::add_static(interp, &t, "__new__", new);
    // `__doc__` is writable: namedtuple sets each field's doc after the class is made.
    {
        let get = interp.new_native("__doc__", doc);
        let set = interp.new_native("__doc__", doc_set);
        crate::builtins::publish_native(&get);
        crate::builtins::publish_native(&set);
        let p = Value::Obj(interp.new_obj(gilvm_object::Owned::Property(Box::new([
            get,
            set,
            Value::None,
        ]))));
        crate::builtins::publish_native(&p);
        util::set_attr(interp, &t, "__doc__", p);
    }
    t
}

fn parts(interp: &Interp, v: &Value) -> Option<(i64, Value)> {
    with_data::<TupleGetter, _>(interp, v, |g| (g.index, g.doc.clone()))
}

fn new(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let a = args.exact(interp, "_tuplegetter", 3, 3)?;
    let index = interp.index_value(&a[1])?;
    let Value::Obj(cls) = &a[0] else {
        return Err(interp.type_error("_tuplegetter.__new__(X): X is not a type object"));
    };
    let cls = cls.clone();
    Ok(native_obj(
        interp,
        &cls,
        TupleGetter {
            index,
            doc: a[2].clone(),
        },
    ))
}

fn get(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let a = args.exact(interp, "__get__", 2, 3)?;
    let Some((index, _)) = parts(interp, &a[0]) else {
        return Err(interp.type_error("descriptor requires a '_tuplegetter' object"));
    };
    let obj = &a[1];
    if obj.is_none() {
        return Ok(a[0].clone());
    }
    // A tuple, or an instance of a tuple subclass (its plain tuple); the one item is
    // read in place (a namedtuple may have very many fields).
    let items = match obj.base_value() {
        Value::Obj(o) => match o.payload() {
            Payload::Tuple(t) => Some(t),
            _ => None,
        },
        _ => None,
    };
    let Some(items) = items else {
        return Err(interp.type_error(format!(
            "descriptor for index '{index}' for tuple subclasses doesn't apply to '{}' object",
            interp.type_name(obj)
        )));
    };
    match usize::try_from(index).ok().and_then(|i| items.get(i)) {
        Some(v) => Ok(v.clone()),
        None => Err(interp.index_error("tuple index out of range")),
    }
}

fn set(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let _ = args.pos();
    Err(interp.attribute_error("can't set attribute"))
}

fn delete(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let _ = args.pos();
    Err(interp.attribute_error("can't delete attribute"))
}

fn reduce(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let a = args.exact(interp, "__reduce__", 1, 1)?;
    let Some((index, doc)) = parts(interp, &a[0]) else {
        return Err(interp.type_error("descriptor requires a '_tuplegetter' object"));
    };
    let ty = Value::Obj(gilvm_object::types::type_of(&a[0]).clone());
    let args = interp.new_tuple(vec![Value::Int(index), doc]);
    Ok(interp.new_tuple(vec![ty, args]))
}

fn doc(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let a = args.exact(interp, "__doc__", 1, 1)?;
    Ok(parts(interp, &a[0]).map(|p| p.1).unwrap_or(Value::None))
}

fn doc_set(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let a = args.exact(interp, "__doc__", 2, 2)?;
    let v = a[1].clone();
    match with_data::<TupleGetter, _>(interp, &a[0], |g| g.doc = v) {
        Some(()) => Ok(Value::None),
        None => Err(interp.type_error("descriptor requires a '_tuplegetter' object")),
    }
}
