//! `module(name, doc=None)`: creating module objects from Python (`types.ModuleType`), as
//! importlib's `module_from_spec` and the standard library's `_load` paths do. Subclasses
//! of `module` are not supported yet: `__new__` refuses them with a TypeError.
use gilvm_object::Value;

use crate::args::Args;
use crate::error::PyResult;
use crate::interp::Interp;

fn module_new(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let pos = args.pos();
    let Some(Value::Obj(cls)) = pos.first() else {
        return Err(interp.type_error("module.__new__(X): X is not a type object"));
    };
    if !cls.is(&interp.g.types.module) {
        return Err(interp.type_error(format!(
            "gilvm cannot create instances of subclasses of module yet ({})",
            gilvm_object::types::type_name(cls)
        )));
    }
    // The name given to the call names the module object too (its repr), as the
    // `__init__` that follows sets `__name__`.
    let name = pos
        .get(1)
        .or_else(|| args.kw("name"))
        .and_then(|v| v.as_str().map(|s| s.to_string()))
        .unwrap_or_else(|| "?".to_string());
    Ok(Value::Obj(interp.new_module(&name)))
}

fn module_init(interp: &mut Interp, args: Args<'_>) -> PyResult {
    args.check_kw(interp, "module", &["name", "doc"])?;
    let pos = args.pos();
    let Some(Value::Obj(m)) = pos.first() else {
        return Err(interp.type_error("descriptor '__init__' requires a 'module' object"));
    };
    let name = pos.get(1).or_else(|| args.kw("name")).cloned();
    let doc = pos.get(2).or_else(|| args.kw("doc")).cloned();
    if pos.len() > 3 {
        return Err(interp.type_error(format!(
            "module() takes at most 2 arguments ({} given)",
            pos.len() - 1
        )));
    }
    let Some(name) = name else {
        return Err(interp.type_error("module() missing required argument 'name' (pos 1)"));
    };
    if name.as_str().is_none() {
        return Err(interp.type_error(format!(
            "module.__init__() argument 'name' must be str, not {}",
            interp.type_name(&name)
        )));
    }
    let Some(d) = Interp::module_dict(m).cloned() else {
        return Err(interp.type_error("descriptor '__init__' requires a 'module' object"));
    };
    interp.dict_set_str(&d, interp.g.names.name.clone(), name);
    interp.dict_set_str(&d, interp.g.names.doc.clone(), doc.unwrap_or(Value::None));
    Ok(Value::None)
}

pub fn register(interp: &mut Interp) {
    let t = interp.g.types.module.clone();
    super::add_static(interp, &t, "__new__", module_new);
    super::add_method(interp, &t, "__init__", module_init);
}
