//! `Instr::CallIntrinsic` and the class-dict loads of annotation scopes.
//!
//! The runtime objects of PEP 695 (`TypeVar`, `ParamSpec`, `TypeVarTuple`, `TypeAliasType`,
//! the implicit `Generic[...]` base) and PEP 750 (`Template`, `Interpolation`) are made by
//! functions of the modules `_typing` and `_templatelib`; the compiler calls them by their
//! index in `gilvm_object::intrinsics::TABLE`. The module is imported on each call (a
//! `sys.modules` hit after the first).
//!
//! An annotation scope directly inside a class body (the type parameters of a method, a
//! `type` statement in a class) reads names through the class namespace first, then as
//! globals or from its enclosing function: CPython's `LOAD_FROM_DICT_OR_GLOBALS` /
//! `LOAD_FROM_DICT_OR_DEREF`, with the class body's namespace in the `__classdict__` cell.
use gilvm_object::intrinsics::TABLE;
use gilvm_object::{ObjRef, Value};

use crate::error::PyResult;
use crate::interp::Interp;

/// Calls intrinsic `idx` with `args`.
pub fn call(interp: &mut Interp, idx: u32, args: Vec<Value>) -> PyResult {
    let Some((module, func)) = TABLE.get(idx as usize) else {
        return Err(interp.type_error(format!("unknown intrinsic {idx}")));
    };
    let m = interp.import_module(module)?;
    let f = interp.getattr_str(&Value::Obj(m), func)?;
    interp.call1(&f, &args)
}

impl Interp {
    /// `name` in the mapping `m` (a class namespace), if it is there.
    pub(crate) fn load_from_dict_or(
        &mut self,
        m: &Value,
        name: &ObjRef,
    ) -> PyResult<Option<Value>> {
        match m {
            Value::Obj(o) => self.namespace_get(o, name),
            _ => Ok(None),
        }
    }
}
