//! The names a program may not bind: `__debug__`.
//!
//! CPython rejects, at compile time, every construct that would bind or delete the name
//! `__debug__` (a constant of the compiler: `if __debug__:` is folded away): assignment
//! targets of every kind (plain, augmented, annotated, walrus, `for`/`with`/comprehension
//! targets, attributes `obj.__debug__ = ...`), `del`, `def`/`class` names, parameters of
//! functions and lambdas, keyword arguments of calls and class definitions, `import ... as`,
//! `except ... as`, type parameters, `type` aliases and the capture names of `case` patterns.
//! Reading `__debug__` and `global __debug__` are allowed.
//!
//! This pass walks the parsed module once, before the symbol table is built, and reports the
//! first offending node in source order with CPython's message ("cannot assign to __debug__"
//! / "cannot delete __debug__") and the node CPython points at.
use ruff_python_ast::visitor::{self, Visitor};
use ruff_python_ast::{self as ast, Expr, ExprContext, Pattern, Stmt};
use ruff_text_size::{Ranged, TextRange};

use crate::error::CompileError;

const DEBUG: &str = "__debug__";

/// The first binding or deletion of `__debug__` in `body`, as CPython's SyntaxError.
pub fn check(body: &[Stmt]) -> Result<(), CompileError> {
    let mut f = Forbidden { found: None };
    f.visit_body(body);
    match f.found {
        Some(e) => Err(e),
        None => Ok(()),
    }
}

struct Forbidden {
    found: Option<CompileError>,
}

impl Forbidden {
    /// Records an error at `range` if `name` is `__debug__` (the first one wins).
    fn name(&mut self, name: &str, range: TextRange, delete: bool) {
        if name == DEBUG && self.found.is_none() {
            let what = if delete { "delete" } else { "assign to" };
            self.found = Some(CompileError::syntax(
                format!("cannot {what} {DEBUG}"),
                range,
            ));
        }
    }

    fn parameters(&mut self, p: &ast::Parameters) {
        for a in p.posonlyargs.iter().chain(&p.args).chain(&p.kwonlyargs) {
            self.name(&a.parameter.name.id, a.parameter.range(), false);
        }
        // `*args`/`**kwargs`: CPython points at the name, after the stars.
        for a in p.vararg.iter().chain(&p.kwarg) {
            let end = a.range().end();
            self.name(&a.name.id, TextRange::new(a.name.range.start(), end), false);
        }
    }

    fn type_params(&mut self, tp: Option<&ast::TypeParams>) {
        for t in tp.map(|t| t.type_params.as_slice()).unwrap_or(&[]) {
            self.name(&t.name().id, t.range(), false);
        }
    }
}

impl<'a> Visitor<'a> for Forbidden {
    fn visit_stmt(&mut self, stmt: &'a Stmt) {
        if self.found.is_some() {
            return;
        }
        match stmt {
            Stmt::FunctionDef(f) => {
                self.name(&f.name.id, f.range, false);
                self.type_params(f.type_params.as_deref());
                self.parameters(&f.parameters);
            }
            Stmt::ClassDef(c) => {
                self.name(&c.name.id, c.range, false);
                self.type_params(c.type_params.as_deref());
            }
            Stmt::TypeAlias(t) => {
                if let Expr::Name(n) = &*t.name {
                    self.name(&n.id, n.range, false);
                }
                self.type_params(t.type_params.as_deref());
            }
            Stmt::Import(i) => {
                for a in &i.names {
                    let bound = match &a.asname {
                        Some(n) => n.id.as_str(),
                        None => a.name.id.split('.').next().unwrap_or(""),
                    };
                    self.name(bound, a.range, false);
                }
            }
            Stmt::ImportFrom(i) => {
                for a in &i.names {
                    let bound = a.asname.as_ref().unwrap_or(&a.name);
                    self.name(&bound.id, a.range, false);
                }
            }
            _ => {}
        }
        visitor::walk_stmt(self, stmt);
    }

    fn visit_expr(&mut self, expr: &'a Expr) {
        if self.found.is_some() {
            return;
        }
        match expr {
            Expr::Name(n) if n.ctx != ExprContext::Load => {
                self.name(&n.id, n.range, n.ctx == ExprContext::Del)
            }
            Expr::Attribute(a) if a.ctx != ExprContext::Load => {
                self.name(&a.attr.id, a.range, a.ctx == ExprContext::Del)
            }
            Expr::Lambda(l) => {
                if let Some(p) = &l.parameters {
                    self.parameters(p);
                }
            }
            _ => {}
        }
        visitor::walk_expr(self, expr);
    }

    fn visit_keyword(&mut self, k: &'a ast::Keyword) {
        if let Some(arg) = &k.arg {
            self.name(&arg.id, k.range, false);
        }
        visitor::walk_keyword(self, k);
    }

    fn visit_except_handler(&mut self, h: &'a ast::ExceptHandler) {
        let ast::ExceptHandler::ExceptHandler(eh) = h;
        if let Some(n) = &eh.name {
            self.name(&n.id, eh.range, false);
        }
        visitor::walk_except_handler(self, h);
    }

    fn visit_pattern(&mut self, p: &'a Pattern) {
        match p {
            Pattern::MatchAs(m) => {
                if let Some(n) = &m.name {
                    // A bare capture points at the name; `p as name` at the whole pattern.
                    self.name(&n.id, m.range, false);
                }
            }
            Pattern::MatchStar(m) => {
                if let Some(n) = &m.name {
                    self.name(&n.id, n.range, false);
                }
            }
            Pattern::MatchMapping(m) => {
                // The keys and values come first in the source, then `**rest`.
                for (k, v) in m.keys.iter().zip(&m.patterns) {
                    self.visit_expr(k);
                    self.visit_pattern(v);
                }
                if let Some(n) = &m.rest {
                    self.name(&n.id, m.range, false);
                }
                return;
            }
            Pattern::MatchClass(c) => {
                self.visit_expr(&c.cls);
                for q in &c.arguments.patterns {
                    self.visit_pattern(q);
                }
                for k in &c.arguments.keywords {
                    // CPython points at the keyword's value pattern.
                    self.name(&k.attr.id, k.pattern.range(), false);
                    self.visit_pattern(&k.pattern);
                }
                return;
            }
            _ => {}
        }
        visitor::walk_pattern(self, p);
    }
}
