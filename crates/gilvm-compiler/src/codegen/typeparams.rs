//! Code generation for PEP 695 type parameters and `type` statements (the scopes are
//! laid out by `symtable/typeparams.rs`, which has the essay).
//!
//! `@d def f[T: int](x=1): ...` compiles as CPython's: the defaults are evaluated, then a
//! function "<generic parameters of f>" is made and called with them; it creates `T`
//! (`_typing._make_typevar('T', <bound fn>, None, None)`, an intrinsic), keeps the tuple
//! of parameters in its local `.type_params`, makes `f` (whose code is its child), sets
//! `f.__type_params__` and returns `f`. A generic class's scope also computes
//! `.generic_base = Generic[*.type_params]`, passed to the class as its last base, and
//! the class body sets `__type_params__`. A bound, constraint tuple, default or alias
//! value is a small function of one parameter (`format`) that the runtime object calls
//! when the attribute is first read; like CPython's generated code it raises
//! NotImplementedError for a format above 2 (VALUE_WITH_FAKE_GLOBALS).
use gilvm_object::code::{make_function, CmpOp, Instr};
use gilvm_object::intrinsics;
use gilvm_object::Value;
use ruff_python_ast::{self as ast, Expr};
use ruff_text_size::{Ranged, TextRange};

use super::{CResult, Compiler};
use crate::symtable::synthetic_key;
use crate::symtable::typeparams::{ALIAS_VALUE, BOUND, DEFAULT, GENERIC};

impl<'a, 'py> Compiler<'a, 'py> {
    /// With `mkfl`'s defaults on the stack (a function's; 0 for a class): if there are type
    /// parameters, enters their scope (which takes the defaults as its parameters), creates
    /// them, stores their tuple in `.type_params` and pushes the defaults back. Returns
    /// how many defaults the scope takes.
    pub(crate) fn enter_generic(
        &mut self,
        tp: Option<&'a ast::TypeParams>,
        r: TextRange,
        name: &str,
        mkfl: u32,
    ) -> CResult<Option<u32>> {
        let Some(tp) = tp else { return Ok(None) };
        let scope = &self.table.scopes[&synthetic_key(r, GENERIC)];
        self.push_unit(scope, format!("<generic parameters of {name}>"));
        self.b().cur_line = self.line_of(r);
        self.type_params(tp)?;
        let mut n = 0;
        if mkfl & make_function::DEFAULTS != 0 {
            self.load_name(".defaults");
            n += 1;
        }
        if mkfl & make_function::KWDEFAULTS != 0 {
            self.load_name(".kwdefaults");
            n += 1;
        }
        Ok(Some(n))
    }

    /// Leaves the generic scope with the function or class on its stack: returns it, and
    /// calls the scope's function with the `n` defaults under it.
    pub(crate) fn exit_generic(
        &mut self,
        generic: Option<u32>,
        r: TextRange,
        name: &str,
    ) -> CResult {
        let Some(n) = generic else { return Ok(()) };
        self.emit(Instr::ReturnValue);
        let line = self.line_of(r);
        let code = self.pop_unit(&format!("<generic parameters of {name}>"), line, n, 0, 0, 0);
        self.make_function(code, 0);
        match n {
            0 => {}
            1 => self.emit(Instr::Swap(2)),
            _ => {
                self.emit(Instr::Swap(3));
                self.emit(Instr::Swap(2));
            }
        }
        self.emit(Instr::Call(n));
        Ok(())
    }

    /// `[function]` → `[function]` with `__type_params__` set.
    pub(crate) fn set_function_type_params(&mut self) {
        self.emit(Instr::Copy(1));
        self.load_name(".type_params");
        self.emit(Instr::Swap(2));
        let n = self.b().name("__type_params__");
        self.emit(Instr::StoreAttr(n));
    }

    /// In a generic class's scope: `.generic_base = Generic[*.type_params]`.
    pub(crate) fn generic_base(&mut self) {
        self.load_name(".type_params");
        self.emit(Instr::CallIntrinsic(intrinsics::SUBSCRIPT_GENERIC << 8 | 1));
        self.store_name(".generic_base");
    }

    /// `[build_class, body, name]` → the class: its bases, `.generic_base` last, and its
    /// keywords, through the general call form.
    pub(crate) fn generic_class_call(&mut self, c: &'a ast::StmtClassDef) -> CResult {
        self.emit(Instr::BuildList(2));
        let (args, keywords): (&'a [Expr], &'a [ast::Keyword]) = match &c.arguments {
            Some(a) => (&a.args, &a.keywords),
            None => (&[], &[]),
        };
        for a in args {
            match a {
                Expr::Starred(s) => {
                    self.expr(&s.value)?;
                    self.emit(Instr::ListExtend(1));
                }
                other => {
                    self.expr(other)?;
                    self.emit(Instr::ListAppend(1));
                }
            }
        }
        self.load_name(".generic_base");
        self.emit(Instr::ListAppend(1));
        self.emit(Instr::ListToTuple);
        let has_kw = !keywords.is_empty();
        if has_kw {
            self.emit(Instr::BuildMap(0));
            for k in keywords {
                match &k.arg {
                    Some(id) => {
                        let i = self.b().str_const(&id.id);
                        self.emit(Instr::LoadConst(i));
                        self.expr(&k.value)?;
                        self.emit(Instr::MapAdd(1));
                    }
                    None => {
                        self.expr(&k.value)?;
                        self.emit(Instr::DictMerge(1));
                    }
                }
            }
        }
        let prev = self.set_loc(c.range);
        self.emit(Instr::CallEx(has_kw as u32));
        self.restore_loc(prev);
        Ok(())
    }

    /// `type X[T] = V`.
    pub(crate) fn type_alias_stmt(&mut self, t: &'a ast::StmtTypeAlias) -> CResult {
        let Expr::Name(n) = &*t.name else {
            return Err(crate::error::CompileError::syntax(
                "invalid syntax".into(),
                t.name.range(),
            ));
        };
        let name: &str = &n.id;
        let generic = self.enter_generic(t.type_params.as_deref(), t.range, name, 0)?;
        let k = self.b().str_const(name);
        self.emit(Instr::LoadConst(k));
        if generic.is_some() {
            self.load_name(".type_params");
        } else {
            self.b().load_const(Value::None);
        }
        self.lazy_function(synthetic_key(t.range, ALIAS_VALUE), &t.value, name, t.range)?;
        self.emit(Instr::CallIntrinsic(intrinsics::MAKE_TYPEALIAS << 8 | 3));
        self.exit_generic(generic, t.range, name)?;
        self.store_name(name);
        Ok(())
    }

    /// Creates the type parameters (in their scope) and stores their tuple in
    /// `.type_params`.
    fn type_params(&mut self, tp: &'a ast::TypeParams) -> CResult {
        for p in &tp.type_params {
            let r = p.range();
            let (name, default) = match p {
                ast::TypeParam::TypeVar(v) => (&v.name, v.default.as_deref()),
                ast::TypeParam::ParamSpec(v) => (&v.name, v.default.as_deref()),
                ast::TypeParam::TypeVarTuple(v) => (&v.name, v.default.as_deref()),
            };
            let k = self.b().str_const(&name.id);
            self.emit(Instr::LoadConst(k));
            let which = match p {
                ast::TypeParam::TypeVar(v) => {
                    match v.bound.as_deref() {
                        Some(b @ Expr::Tuple(_)) => {
                            self.b().load_const(Value::None);
                            self.lazy_function(synthetic_key(r, BOUND), b, &name.id, r)?;
                        }
                        Some(b) => {
                            self.lazy_function(synthetic_key(r, BOUND), b, &name.id, r)?;
                            self.b().load_const(Value::None);
                        }
                        None => {
                            self.b().load_const(Value::None);
                            self.b().load_const(Value::None);
                        }
                    }
                    intrinsics::MAKE_TYPEVAR << 8 | 4
                }
                ast::TypeParam::ParamSpec(_) => intrinsics::MAKE_PARAMSPEC << 8 | 2,
                ast::TypeParam::TypeVarTuple(_) => intrinsics::MAKE_TYPEVARTUPLE << 8 | 2,
            };
            match default {
                Some(d) => self.lazy_function(synthetic_key(r, DEFAULT), d, &name.id, r)?,
                None => self.b().load_const(Value::None),
            }
            self.emit(Instr::CallIntrinsic(which));
            self.emit(Instr::Copy(1));
            self.store_name(&name.id);
        }
        self.emit(Instr::BuildTuple(tp.type_params.len() as u32));
        self.store_name(".type_params");
        Ok(())
    }

    /// Pushes the function of the annotation scope `k` that evaluates `e` lazily.
    fn lazy_function(&mut self, k: (u32, u32), e: &'a Expr, name: &str, r: TextRange) -> CResult {
        let scope = &self.table.scopes[&k];
        self.push_unit(scope, name.to_string());
        let line = self.line_of(r);
        self.b().cur_line = line;
        self.format_check();
        self.expr(e)?;
        self.emit(Instr::ReturnValue);
        let code = self.pop_unit(name, line, 1, 0, 0, 0);
        self.make_function(code, 0);
        Ok(())
    }

    /// `if format > 2: raise NotImplementedError` (the format is local 0).
    pub(crate) fn format_check(&mut self) {
        let ok = self.b().new_label();
        self.emit(Instr::LoadFast(0));
        self.b().load_const(Value::Int(2));
        self.emit(Instr::CompareOp(CmpOp::Gt));
        self.emit(Instr::PopJumpIfFalse(ok.0));
        let n = self.b().name("NotImplementedError");
        self.emit(Instr::LoadGlobal(n));
        self.emit(Instr::Raise(1));
        self.b().bind(ok);
    }

    /// An annotation scope in a class body reads a global or free name through the class
    /// namespace first (`__classdict__`). Returns false for other names.
    pub(crate) fn load_through_classdict(&mut self, name: &str) -> bool {
        use crate::symtable::Access;
        if name == "__classdict__" || name == "__class__" {
            return false;
        }
        let access = self.scope().lookup(name);
        match access {
            Access::GlobalImplicit => {
                let cd = self.cell_index_of("__classdict__");
                self.emit(Instr::LoadDeref(cd));
                let i = self.b().name(name);
                self.emit(Instr::LoadFromDictOrGlobals(i));
                true
            }
            Access::Free => {
                let cd = self.cell_index_of("__classdict__");
                self.emit(Instr::LoadDeref(cd));
                let i = self.cell_index_of(name);
                self.emit(Instr::LoadFromDictOrDeref(i));
                true
            }
            _ => false,
        }
    }

    fn cell_index_of(&mut self, name: &str) -> u32 {
        self.u()
            .cells
            .iter()
            .position(|c| c == name)
            .expect("cell slot") as u32
    }
}
