//! Compile-time `SyntaxWarning`s: PEP 765's `return`/`break`/`continue` leaving a
//! `finally` block (CPython 3.14).
//!
//! [`collect`] walks a parsed module after it compiled and keeps the warnings in a
//! thread-local list in source order; the VM takes them with [`take`] right after the
//! compile and shows them on stderr as CPython's default warning display does
//! (`file:line: SyntaxWarning: message` and the stripped source line).
use std::cell::RefCell;

use ruff_python_ast::{self as ast, Stmt};
use ruff_text_size::Ranged;

use crate::LineIndex;

thread_local! {
    static PENDING: RefCell<Vec<(u32, String)>> = const { RefCell::new(Vec::new()) };
}

/// The warnings of the last compile on this thread: (line, message), in source order.
pub fn take() -> Vec<(u32, String)> {
    PENDING.with(|p| std::mem::take(&mut *p.borrow_mut()))
}

/// Records the warnings of `body`.
pub(crate) fn collect(body: &[Stmt], index: &LineIndex) {
    let mut out = Vec::new();
    walk(body, None, index, &mut out);
    out.sort_by_key(|(off, _)| *off);
    let v: Vec<(u32, String)> = out.into_iter().map(|(o, m)| (index.line(o), m)).collect();
    PENDING.with(|p| *p.borrow_mut() = v);
}

/// `in_finally`: inside a finally body, and whether a loop inside it encloses us.
fn walk(body: &[Stmt], in_finally: Option<bool>, index: &LineIndex, out: &mut Vec<(u32, String)>) {
    for s in body {
        let warn = |out: &mut Vec<(u32, String)>, what: &str| {
            out.push((
                s.range().start().to_u32(),
                format!("'{what}' in a 'finally' block"),
            ))
        };
        match s {
            Stmt::Return(_) if in_finally.is_some() => warn(out, "return"),
            Stmt::Break(_) if in_finally == Some(false) => warn(out, "break"),
            Stmt::Continue(_) if in_finally == Some(false) => warn(out, "continue"),
            Stmt::FunctionDef(f) => walk(&f.body, None, index, out),
            Stmt::ClassDef(c) => walk(&c.body, None, index, out),
            Stmt::For(f) => {
                walk(&f.body, in_finally.map(|_| true), index, out);
                walk(&f.orelse, in_finally, index, out);
            }
            Stmt::While(w) => {
                walk(&w.body, in_finally.map(|_| true), index, out);
                walk(&w.orelse, in_finally, index, out);
            }
            Stmt::If(i) => {
                walk(&i.body, in_finally, index, out);
                for c in &i.elif_else_clauses {
                    walk(&c.body, in_finally, index, out);
                }
            }
            Stmt::With(w) => walk(&w.body, in_finally, index, out),
            Stmt::Match(m) => {
                for c in &m.cases {
                    walk(&c.body, in_finally, index, out);
                }
            }
            Stmt::Try(t) => {
                walk(&t.body, in_finally, index, out);
                for h in &t.handlers {
                    let ast::ExceptHandler::ExceptHandler(h) = h;
                    walk(&h.body, in_finally, index, out);
                }
                walk(&t.orelse, in_finally, index, out);
                walk(&t.finalbody, Some(false), index, out);
            }
            _ => {}
        }
    }
}
