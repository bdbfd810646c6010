//! PEP 649/749 deferred annotations: `__annotate__` functions (the scopes are made by
//! `symtable/annotate.rs`, which has the essay).
//!
//! A function's `__annotate__` is stored on it when the `def` runs (`f.__annotate__`); a
//! class body ends by storing its own as `__annotate_func__` in the namespace (what
//! `C.__annotate__` reads), a module body as `__annotate__`. Each takes the format and,
//! like CPython's generated code, raises NotImplementedError for formats above 2
//! (VALUE_WITH_FAKE_GLOBALS); otherwise it evaluates the annotations, in source order,
//! into a new dict. The VM computes `__annotations__` from it on first access.
use gilvm_object::code::Instr;
use ruff_python_ast::{self as ast, Expr, Stmt};
use ruff_text_size::TextRange;

use super::{CResult, Compiler};
use crate::symtable::{annotate_key, key};

impl<'a, 'py> Compiler<'a, 'py> {
    /// `[function]` → `[function]` with `__annotate__` set to the function of `anns`.
    pub(crate) fn function_annotate(
        &mut self,
        anns: &[(&'a str, &'a Expr)],
        r: TextRange,
        name: &str,
    ) -> CResult {
        let Some(scope) = self.table.scopes.get(&annotate_key(key(r))) else {
            return Ok(());
        };
        let qual = format!("{}.__annotate__", self.child_qualname(name));
        self.emit(Instr::Copy(1));
        self.annotate_function(scope, qual, anns, r)?;
        self.emit(Instr::Swap(2));
        let n = self.b().name("__annotate__");
        self.emit(Instr::StoreAttr(n));
        Ok(())
    }

    /// At the end of a module or class body (scope key `k`): stores its `__annotate__`
    /// function as `store_as`, if it has annotations.
    pub(crate) fn body_annotate(
        &mut self,
        body: &'a [Stmt],
        k: (u32, u32),
        store_as: &str,
        qual: String,
        r: TextRange,
    ) -> CResult {
        if self.future_annotations {
            return Ok(());
        }
        let Some(scope) = self.table.scopes.get(&annotate_key(k)) else {
            return Ok(());
        };
        let mut anns = Vec::new();
        collect(body, &mut anns);
        if anns.is_empty() {
            return Ok(());
        }
        self.annotate_function(scope, qual, &anns, r)?;
        let n = self.b().name(store_as);
        self.emit(Instr::StoreName(n));
        Ok(())
    }

    /// Pushes the `__annotate__(format)` function that builds the dict of `anns`.
    fn annotate_function(
        &mut self,
        scope: &'a crate::symtable::Scope,
        qual: String,
        anns: &[(&'a str, &'a Expr)],
        r: TextRange,
    ) -> CResult {
        let line = self.line_of(r);
        self.push_unit(scope, qual);
        self.b().cur_line = line;
        self.format_check();
        for (name, e) in anns {
            let name = self.scope().mangle(name);
            let k = self.b().str_const(&name);
            self.emit(Instr::LoadConst(k));
            match e {
                // `*args: *Ts`: the value is the one item `*Ts` unpacks to.
                Expr::Starred(s) => {
                    self.expr(&s.value)?;
                    self.emit(Instr::UnpackSequence(1));
                }
                _ => self.expr(e)?,
            }
        }
        self.emit(Instr::BuildMap(anns.len() as u32));
        self.emit(Instr::ReturnValue);
        let code = self.pop_unit("__annotate__", line, 1, 0, 0, 0);
        self.make_function(code, 0);
        Ok(())
    }
}

/// The `name: T` annotations of a body, in source order (not those of nested scopes).
fn collect<'a>(body: &'a [Stmt], out: &mut Vec<(&'a str, &'a Expr)>) {
    for s in body {
        match s {
            Stmt::AnnAssign(a) if a.simple => {
                if let Expr::Name(n) = &*a.target {
                    out.push((n.id.as_str(), &a.annotation));
                }
            }
            Stmt::If(i) => {
                collect(&i.body, out);
                for c in &i.elif_else_clauses {
                    collect(&c.body, out);
                }
            }
            Stmt::For(f) => {
                collect(&f.body, out);
                collect(&f.orelse, out);
            }
            Stmt::While(w) => {
                collect(&w.body, out);
                collect(&w.orelse, out);
            }
            Stmt::With(w) => collect(&w.body, out),
            Stmt::Match(m) => {
                for c in &m.cases {
                    collect(&c.body, out);
                }
            }
            Stmt::Try(t) => {
                collect(&t.body, out);
                for h in &t.handlers {
                    let ast::ExceptHandler::ExceptHandler(h) = h;
                    collect(&h.body, out);
                }
                collect(&t.orelse, out);
                collect(&t.finalbody, out);
            }
            _ => {}
        }
    }
}
