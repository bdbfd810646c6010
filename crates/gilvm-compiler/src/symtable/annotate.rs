//! PEP 649/749 deferred annotations: the annotation scopes of `__annotate__` functions.
//!
//! A function's parameter and return annotations, and the `name: T` annotations of a
//! module or class body, are not evaluated when the `def` or the body runs: they are
//! compiled into a function `__annotate__(format)` that builds the annotations dict when
//! `__annotations__` is first read (the VM's `annotations.rs`). Its scope is an annotation
//! scope (see `typeparams.rs`): a function scope that reads a class body's names through
//! `__classdict__` when it belongs to a method or a class. A module or class body has one
//! such scope for all its annotations, re-entered at each annotated assignment.
//! Under `from __future__ import annotations` nothing changes: annotations are strings.
use super::typeparams::synthetic_key;
use super::*;

/// The tag of a function's, class's or module's `__annotate__` scope.
pub const ANNOTATE: u32 = 5;

/// The key of the `__annotate__` scope of the scope (or `def`) keyed `k`.
pub fn annotate_key(k: (u32, u32)) -> (u32, u32) {
    (k.0 | 0x8000_0000, k.1 ^ (ANNOTATE << 28))
}

/// Does the module start with `from __future__ import annotations`?
pub fn has_future_annotations(body: &[Stmt]) -> bool {
    for s in body {
        match s {
            Stmt::ImportFrom(i) if i.module.as_deref() == Some("__future__") => {
                if i.names.iter().any(|a| &*a.name.id == "annotations") {
                    return true;
                }
            }
            Stmt::Expr(e) if matches!(&*e.value, Expr::StringLiteral(_)) => {}
            _ => return false,
        }
    }
    false
}

impl Builder {
    /// Enters the `__annotate__` scope `k`, made on first use.
    fn enter_annotate(&mut self, k: (u32, u32), can_see_class: bool) {
        if self.scopes.contains_key(&k) {
            self.stack.push(k);
            return;
        }
        self.push_key(k, ScopeKind::Function, None);
        let s = self.cur();
        s.annotation = true;
        s.can_see_class = can_see_class;
        s.mark(".format", PARAM | ASSIGNED);
        s.params = vec![".format".into()];
    }

    /// A `def`'s parameter and return annotations.
    pub(super) fn function_annotations(
        &mut self,
        f: &ast::StmtFunctionDef,
    ) -> Result<(), CompileError> {
        let p = &f.parameters;
        let vararg = p.vararg.iter().chain(p.kwarg.iter()).map(|v| &**v);
        let anns: Vec<&Expr> = p
            .posonlyargs
            .iter()
            .chain(p.args.iter())
            .chain(p.kwonlyargs.iter())
            .map(|a| &a.parameter)
            .chain(vararg)
            .filter_map(|a| a.annotation.as_deref())
            .chain(f.returns.as_deref())
            .collect();
        if anns.is_empty() {
            return Ok(());
        }
        let deferred = !self.future_annotations;
        if deferred {
            let in_class = self.cur().kind == ScopeKind::Class;
            let see = in_class || self.cur().can_see_class;
            self.enter_annotate(synthetic_key(f.range, ANNOTATE), see);
        }
        for e in anns {
            self.expr(e)?;
        }
        if deferred {
            self.pop();
        }
        Ok(())
    }

    /// Is this annotated assignment's annotation deferred to its body's `__annotate__`?
    pub(super) fn deferred_annotation(&mut self, a: &ast::StmtAnnAssign) -> bool {
        !self.future_annotations
            && a.simple
            && matches!(&*a.target, Expr::Name(_))
            && matches!(self.cur().kind, ScopeKind::Module | ScopeKind::Class)
    }

    /// `name: T [= v]` in a module or class body.
    pub(super) fn body_annotation(&mut self, a: &ast::StmtAnnAssign) -> Result<(), CompileError> {
        if let Some(v) = &a.value {
            self.expr(v)?;
        }
        if let Expr::Name(n) = &*a.target {
            self.cur().mark(&n.id, ASSIGNED);
        }
        let k = *self.stack.last().unwrap();
        let in_class = self.cur().kind == ScopeKind::Class;
        self.enter_annotate(annotate_key(k), in_class);
        self.expr(&a.annotation)?;
        self.pop();
        Ok(())
    }
}
