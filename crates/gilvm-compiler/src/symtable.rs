//! Scope analysis: decides for every name in every scope whether it is a fast local, a
//! cell, a free variable, a global, or (in class bodies) a namespace name.
//!
//! A pre-pass walks the whole module and builds one [`Scope`] per module, function, lambda,
//! comprehension and class body, keyed by the node's source range (unique per scope node).
//! Resolution then follows CPython's rules: class scopes are invisible to nested functions
//! (except for the implicit `__class__` cell used by `super()`), `global`/`nonlocal` win,
//! and a local that a nested scope uses freely becomes a cell.
use std::borrow::Cow;
use std::collections::{HashMap, HashSet};

use ruff_python_ast::{self as ast, Expr, Stmt};
use ruff_text_size::{Ranged, TextRange};

use crate::error::CompileError;
use crate::mangle::mangle;

mod annotate;
pub mod typeparams;
pub use annotate::{annotate_key, has_future_annotations};
pub use typeparams::synthetic_key;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ScopeKind {
    Module,
    Function,
    Class,
    /// Comprehension or generator expression (a function scope).
    Comprehension,
}

/// How a name is accessed in a scope.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Access {
    Fast,
    Cell,
    Free,
    GlobalExplicit,
    GlobalImplicit,
    /// Module and class bodies: through the namespace dict.
    Name,
}

const ASSIGNED: u8 = 1;
const USED: u8 = 2;
const PARAM: u8 = 4;
const GLOBAL: u8 = 8;
const NONLOCAL: u8 = 16;

/// One scope.
#[derive(Debug)]
pub struct Scope {
    pub kind: ScopeKind,
    flags: HashMap<String, u8>,
    /// Names in first-seen order (for deterministic slot numbering).
    order: Vec<String>,
    pub params: Vec<String>,
    /// The keys of the scopes directly inside this one.
    pub children: Vec<(u32, u32)>,
    pub is_generator: bool,
    /// `async def`, or a comprehension with `async for` or `await` (an async generator
    /// expression when also `is_generator`).
    pub is_coroutine: bool,
    /// A `return` with a value in this function (for "'return' with value in async
    /// generator", raised whichever of the return and the yield comes first).
    return_value: Option<TextRange>,
    /// A comprehension's kind as CPython's messages name it ("list comprehension").
    comp_name: &'static str,
    /// Resolved accesses.
    pub access: HashMap<String, Access>,
    pub cellvars: Vec<String>,
    pub freevars: Vec<String>,
    /// A class body whose methods use `super()`/`__class__`.
    pub needs_class_cell: bool,
    /// The name of the innermost enclosing class (this scope's own for a class body), for
    /// private name mangling (`crate::mangle`). The scope's names are stored mangled.
    pub private: Option<String>,
    /// A module compiled by `compile()`/`exec()`: its names go through the namespace
    /// (LoadName/StoreName), since the code may run with a locals mapping distinct from its
    /// globals. Modules run by import use the globals directly.
    pub names_in_namespace: bool,
    /// An annotation scope (type parameters, their bounds and defaults, a type alias's
    /// value): a function scope the compiler creates (`symtable/typeparams.rs`).
    pub annotation: bool,
    /// An annotation scope directly inside a class body: reads names through the class
    /// namespace first (its `__classdict__` free variable).
    pub can_see_class: bool,
}

impl Scope {
    fn new(kind: ScopeKind, private: Option<String>) -> Scope {
        Scope {
            kind,
            flags: HashMap::new(),
            order: Vec::new(),
            params: Vec::new(),
            children: Vec::new(),
            is_generator: false,
            is_coroutine: false,
            return_value: None,
            comp_name: "",
            access: HashMap::new(),
            cellvars: Vec::new(),
            freevars: Vec::new(),
            needs_class_cell: false,
            private,
            names_in_namespace: false,
            annotation: false,
            can_see_class: false,
        }
    }
    /// `name` mangled for this scope (see `crate::mangle`).
    pub fn mangle<'n>(&self, name: &'n str) -> Cow<'n, str> {
        mangle(self.private.as_deref(), name)
    }
    fn mark(&mut self, name: &str, f: u8) {
        let name = mangle(self.private.as_deref(), name);
        let name: &str = &name;
        match self.flags.get_mut(name) {
            Some(x) => *x |= f,
            None => {
                self.flags.insert(name.to_string(), f);
                self.order.push(name.to_string());
            }
        }
    }
    /// Names bound locally in this scope, in first-seen order (parameters first).
    pub fn locals_in_order(&self) -> Vec<String> {
        let mut v: Vec<String> = self.params.clone();
        for n in &self.order {
            if matches!(self.access.get(n), Some(Access::Fast)) && !v.contains(n) {
                v.push(n.clone());
            }
        }
        v
    }
    pub fn lookup(&self, name: &str) -> Access {
        match self.access.get(name) {
            Some(a) => *a,
            None => match self.kind {
                ScopeKind::Module | ScopeKind::Comprehension if self.names_in_namespace => {
                    Access::Name
                }
                ScopeKind::Module => Access::GlobalImplicit,
                ScopeKind::Class => Access::Name,
                _ => Access::GlobalImplicit,
            },
        }
    }
}

/// All scopes of a module, keyed by the scope node's range.
pub struct SymbolTable {
    pub scopes: HashMap<(u32, u32), Scope>,
    pub module_key: (u32, u32),
}

pub fn key(r: TextRange) -> (u32, u32) {
    (r.start().to_u32(), r.end().to_u32())
}

struct Builder {
    scopes: HashMap<(u32, u32), Scope>,
    stack: Vec<(u32, u32)>,
    /// `from __future__ import annotations`: annotations stay strings, no `__annotate__`.
    future_annotations: bool,
}

impl Builder {
    fn cur(&mut self) -> &mut Scope {
        let k = *self.stack.last().unwrap();
        self.scopes.get_mut(&k).unwrap()
    }
    /// Enters a new scope; `class_name` is a class body's name (the private name of the
    /// scopes in it), other scopes inherit their parent's.
    fn push(&mut self, r: TextRange, kind: ScopeKind, class_name: Option<&str>) {
        self.push_key(key(r), kind, class_name)
    }
    fn push_key(&mut self, k: (u32, u32), kind: ScopeKind, class_name: Option<&str>) {
        let mut private = None;
        if let Some(&parent) = self.stack.last() {
            let p = self.scopes.get_mut(&parent).unwrap();
            p.children.push(k);
            private = p.private.clone();
        }
        if let Some(c) = class_name {
            private = Some(c.to_string());
        }
        self.scopes.insert(k, Scope::new(kind, private));
        self.stack.push(k);
    }
    fn pop(&mut self) {
        self.stack.pop();
    }

    fn stmts(&mut self, body: &[Stmt]) -> Result<(), CompileError> {
        for s in body {
            self.stmt(s)?;
        }
        Ok(())
    }

    fn params(&mut self, p: &ast::Parameters) -> Result<(), CompileError> {
        // A name given twice, in source order (CPython reports the second one).
        let mut seen = std::collections::HashSet::new();
        for (name, range) in p.iter().map(|a| (&a.name().id, a.name().range)) {
            if !seen.insert(name.as_str()) {
                return Err(CompileError::syntax(
                    format!("duplicate argument '{name}' in function definition"),
                    range,
                ));
            }
        }
        let mut names = Vec::new();
        for a in p.posonlyargs.iter().chain(p.args.iter()) {
            names.push(a.parameter.name.id.to_string());
        }
        for a in p.kwonlyargs.iter() {
            names.push(a.parameter.name.id.to_string());
        }
        if let Some(v) = &p.vararg {
            // varargs come after kwonly in the slot order, as CPython
            names.push(v.name.id.to_string());
        }
        if let Some(k) = &p.kwarg {
            names.push(k.name.id.to_string());
        }
        // CPython's order: positional, kwonly, *args, **kwargs.
        for n in &names {
            self.cur().mark(n, PARAM | ASSIGNED);
        }
        let names = names
            .iter()
            .map(|n| self.cur().mangle(n).into_owned())
            .collect();
        self.cur().params = names;
        Ok(())
    }

    fn defaults_and_annotations(&mut self, p: &ast::Parameters) -> Result<(), CompileError> {
        for a in p
            .posonlyargs
            .iter()
            .chain(p.args.iter())
            .chain(p.kwonlyargs.iter())
        {
            if let Some(d) = &a.default {
                self.expr(d)?;
            }
        }
        // Parameter annotations: `function_annotations` (a `def`'s; a lambda has none).
        Ok(())
    }

    fn stmt(&mut self, s: &Stmt) -> Result<(), CompileError> {
        match s {
            // PEP 695: generic functions and classes, `type` (symtable/typeparams.rs).
            Stmt::FunctionDef(f) if f.type_params.is_some() => self.generic_function(f)?,
            Stmt::ClassDef(c) if c.type_params.is_some() => self.generic_class(c)?,
            Stmt::FunctionDef(f) => {
                for d in &f.decorator_list {
                    self.expr(&d.expression)?;
                }
                self.defaults_and_annotations(&f.parameters)?;
                self.function_annotations(f)?;
                self.cur().mark(&f.name.id, ASSIGNED);
                self.push(f.range, ScopeKind::Function, None);
                self.cur().is_coroutine = f.is_async;
                self.params(&f.parameters)?;
                self.stmts(&f.body)?;
                self.pop();
            }
            Stmt::ClassDef(c) => {
                for d in &c.decorator_list {
                    self.expr(&d.expression)?;
                }
                if let Some(args) = &c.arguments {
                    for a in args.args.iter() {
                        self.expr(a)?;
                    }
                    for k in args.keywords.iter() {
                        self.expr(&k.value)?;
                    }
                }
                self.cur().mark(&c.name.id, ASSIGNED);
                self.push(c.range, ScopeKind::Class, Some(&c.name.id));
                self.stmts(&c.body)?;
                self.pop();
            }
            Stmt::Return(r) => {
                if let Some(v) = &r.value {
                    self.expr(v)?;
                    let cur = self.cur();
                    if cur.is_coroutine && cur.is_generator {
                        return Err(CompileError::syntax(
                            "'return' with value in async generator".into(),
                            r.range,
                        ));
                    }
                    cur.return_value.get_or_insert(r.range);
                }
            }
            Stmt::Delete(d) => {
                for t in &d.targets {
                    self.target(t)?;
                }
            }
            Stmt::Assign(a) => {
                self.expr(&a.value)?;
                for t in &a.targets {
                    self.target(t)?;
                }
            }
            Stmt::AugAssign(a) => {
                self.expr(&a.value)?;
                if let Expr::Name(n) = &*a.target {
                    self.cur().mark(&n.id, ASSIGNED | USED);
                } else {
                    self.target(&a.target)?;
                }
            }
            // PEP 649: a module's or class's `name: T` goes into its `__annotate__`.
            Stmt::AnnAssign(a) if self.deferred_annotation(a) => self.body_annotation(a)?,
            Stmt::AnnAssign(a) => {
                // A module's or class's annotations are evaluated by the statement (a
                // function's are not): their comprehensions and lambdas are scopes.
                if matches!(self.cur().kind, ScopeKind::Module | ScopeKind::Class) {
                    self.expr(&a.annotation)?;
                }
                if let Some(v) = &a.value {
                    self.expr(v)?;
                    self.target(&a.target)?;
                } else if let Expr::Name(n) = &*a.target {
                    self.cur().mark(&n.id, ASSIGNED);
                }
                // Module and class bodies evaluate the annotation (codegen's AnnAssign):
                // the scopes in it (a generator expression) must be known.
                if matches!(self.cur().kind, ScopeKind::Module | ScopeKind::Class) {
                    self.expr(&a.annotation)?;
                }
            }
            Stmt::For(f) => {
                if f.is_async {
                    self.check_async_stmt("'async for'", f.range)?;
                }
                self.expr(&f.iter)?;
                self.target(&f.target)?;
                self.stmts(&f.body)?;
                self.stmts(&f.orelse)?;
            }
            Stmt::While(w) => {
                self.expr(&w.test)?;
                self.stmts(&w.body)?;
                self.stmts(&w.orelse)?;
            }
            Stmt::If(i) => {
                self.expr(&i.test)?;
                self.stmts(&i.body)?;
                for c in &i.elif_else_clauses {
                    if let Some(t) = &c.test {
                        self.expr(t)?;
                    }
                    self.stmts(&c.body)?;
                }
            }
            Stmt::With(w) => {
                if w.is_async {
                    self.check_async_stmt("'async with'", w.range)?;
                }
                for it in &w.items {
                    self.expr(&it.context_expr)?;
                    if let Some(v) = &it.optional_vars {
                        self.target(v)?;
                    }
                }
                self.stmts(&w.body)?;
            }
            Stmt::Raise(r) => {
                if let Some(e) = &r.exc {
                    self.expr(e)?;
                }
                if let Some(c) = &r.cause {
                    self.expr(c)?;
                }
            }
            Stmt::Try(t) => {
                self.stmts(&t.body)?;
                for h in &t.handlers {
                    let ast::ExceptHandler::ExceptHandler(h) = h;
                    if let Some(ty) = &h.type_ {
                        self.expr(ty)?;
                    }
                    if let Some(n) = &h.name {
                        self.cur().mark(&n.id, ASSIGNED);
                    }
                    self.stmts(&h.body)?;
                }
                self.stmts(&t.orelse)?;
                self.stmts(&t.finalbody)?;
            }
            Stmt::Assert(a) => {
                self.expr(&a.test)?;
                if let Some(m) = &a.msg {
                    self.expr(m)?;
                }
            }
            Stmt::Import(i) => {
                for a in &i.names {
                    let bound = match &a.asname {
                        Some(n) => n.id.to_string(),
                        None => a.name.id.split('.').next().unwrap_or("").to_string(),
                    };
                    self.cur().mark(&bound, ASSIGNED);
                }
            }
            Stmt::ImportFrom(i) => {
                for a in &i.names {
                    if &*a.name.id == "*" {
                        continue;
                    }
                    let bound = a.asname.as_ref().unwrap_or(&a.name).id.to_string();
                    self.cur().mark(&bound, ASSIGNED);
                }
            }
            Stmt::Global(g) => {
                for n in &g.names {
                    let m = self.cur().mangle(&n.id).into_owned();
                    if self
                        .cur()
                        .flags
                        .get(m.as_str())
                        .is_some_and(|f| f & (ASSIGNED | USED) != 0)
                    {
                        return Err(CompileError::syntax(
                            format!("name '{}' is used prior to global declaration", n.id),
                            n.range,
                        ));
                    }
                    self.cur().mark(&n.id, GLOBAL);
                }
            }
            Stmt::Nonlocal(g) => {
                if self.cur().kind == ScopeKind::Module {
                    return Err(CompileError::syntax(
                        "nonlocal declaration not allowed at module level".into(),
                        g.range,
                    ));
                }
                for n in &g.names {
                    self.cur().mark(&n.id, NONLOCAL);
                }
            }
            Stmt::Expr(e) => self.expr(&e.value)?,
            Stmt::Pass(_) | Stmt::Break(_) | Stmt::Continue(_) => {}
            Stmt::Match(m) => {
                self.expr(&m.subject)?;
                for case in &m.cases {
                    self.pattern(&case.pattern)?;
                    if let Some(g) = &case.guard {
                        self.expr(g)?;
                    }
                    self.stmts(&case.body)?;
                }
            }
            Stmt::TypeAlias(t) => self.type_alias(t)?,
            Stmt::IpyEscapeCommand(e) => {
                return Err(CompileError::syntax("invalid syntax".into(), e.range))
            }
        }
        Ok(())
    }

    /// A `case` pattern: captures are assignments, values and classes are reads.
    fn pattern(&mut self, p: &ast::Pattern) -> Result<(), CompileError> {
        use ast::Pattern as P;
        match p {
            P::MatchValue(v) => self.expr(&v.value)?,
            P::MatchSingleton(_) => {}
            P::MatchSequence(s) => {
                for x in &s.patterns {
                    self.pattern(x)?;
                }
            }
            P::MatchMapping(m) => {
                for k in m.keys.iter() {
                    self.expr(k)?;
                }
                for x in m.patterns.iter() {
                    self.pattern(x)?;
                }
                if let Some(r) = &m.rest {
                    self.cur().mark(&r.id, ASSIGNED);
                }
            }
            P::MatchClass(c) => {
                self.expr(&c.cls)?;
                for x in c.arguments.patterns.iter() {
                    self.pattern(x)?;
                }
                for k in &c.arguments.keywords {
                    self.pattern(&k.pattern)?;
                }
            }
            P::MatchStar(s) => {
                if let Some(n) = &s.name {
                    self.cur().mark(&n.id, ASSIGNED);
                }
            }
            P::MatchAs(a) => {
                if let Some(x) = &a.pattern {
                    self.pattern(x)?;
                }
                if let Some(n) = &a.name {
                    self.cur().mark(&n.id, ASSIGNED);
                }
            }
            P::MatchOr(o) => {
                for x in &o.patterns {
                    self.pattern(x)?;
                }
            }
        }
        Ok(())
    }

    fn target(&mut self, t: &Expr) -> Result<(), CompileError> {
        match t {
            Expr::Name(n) => self.cur().mark(&n.id, ASSIGNED),
            Expr::Tuple(x) => {
                for e in &x.elts {
                    self.target(e)?;
                }
            }
            Expr::List(x) => {
                for e in &x.elts {
                    self.target(e)?;
                }
            }
            Expr::Starred(s) => self.target(&s.value)?,
            other => self.expr(other)?,
        }
        Ok(())
    }

    fn comprehension(
        &mut self,
        range: TextRange,
        gens: &[ast::Comprehension],
        elts: &[&Expr],
        is_gen: bool,
        comp_name: &'static str,
    ) -> Result<(), CompileError> {
        // The outermost iterable is evaluated in the enclosing scope.
        self.expr(&gens[0].iter)?;
        self.push(range, ScopeKind::Comprehension, None);
        self.cur().params = vec![".0".into()];
        self.cur().mark(".0", PARAM | ASSIGNED);
        self.cur().is_generator = is_gen;
        self.cur().comp_name = comp_name;
        for (i, g) in gens.iter().enumerate() {
            if g.is_async {
                self.cur().is_coroutine = true;
            }
            if i > 0 {
                self.expr(&g.iter)?;
            }
            self.target(&g.target)?;
            for c in &g.ifs {
                self.expr(c)?;
            }
        }
        for e in elts {
            self.expr(e)?;
        }
        // An async list/set/dict comprehension is awaited where it is: only in an async
        // function, or in another comprehension (which becomes async in turn).
        let is_async = self.cur().is_coroutine && !is_gen;
        self.pop();
        if is_async {
            let parent = self.cur();
            let in_async_def = parent.kind == ScopeKind::Function && parent.is_coroutine;
            if !in_async_def && parent.kind != ScopeKind::Comprehension {
                return Err(CompileError::syntax(
                    "asynchronous comprehension outside of an asynchronous function".into(),
                    range,
                ));
            }
            parent.is_coroutine = true;
        }
        Ok(())
    }

    /// `async for` / `async with` are only allowed directly in an `async def`.
    fn check_async_stmt(&mut self, what: &str, r: TextRange) -> Result<(), CompileError> {
        let cur = self.cur();
        if cur.kind == ScopeKind::Function && cur.is_coroutine {
            Ok(())
        } else {
            Err(CompileError::syntax(
                format!("{what} outside async function"),
                r,
            ))
        }
    }

    fn expr(&mut self, e: &Expr) -> Result<(), CompileError> {
        match e {
            Expr::Name(n) => {
                self.cur().mark(&n.id, USED);
                if &*n.id == "super" {
                    self.cur().mark("__class__", USED);
                }
            }
            Expr::Lambda(l) => {
                if let Some(p) = &l.parameters {
                    self.defaults_and_annotations(p)?;
                }
                self.push(l.range, ScopeKind::Function, None);
                if let Some(p) = &l.parameters {
                    self.params(p)?;
                }
                self.expr(&l.body)?;
                self.pop();
            }
            Expr::ListComp(c) => self.comprehension(
                c.range,
                &c.generators,
                &[&c.elt],
                false,
                "list comprehension",
            )?,
            Expr::SetComp(c) => self.comprehension(
                c.range,
                &c.generators,
                &[&c.elt],
                false,
                "set comprehension",
            )?,
            Expr::Generator(c) => self.comprehension(
                c.range,
                &c.generators,
                &[&c.elt],
                true,
                "generator expression",
            )?,
            Expr::DictComp(c) => {
                let mut v: Vec<&Expr> = Vec::new();
                if let Some(k) = &c.key {
                    v.push(k);
                }
                v.push(&c.value);
                self.comprehension(c.range, &c.generators, &v, false, "dict comprehension")?
            }
            Expr::Yield(y) => {
                if self.cur().kind == ScopeKind::Module || self.cur().kind == ScopeKind::Class {
                    return Err(CompileError::syntax(
                        "'yield' outside function".into(),
                        y.range,
                    ));
                }
                if self.cur().kind == ScopeKind::Comprehension {
                    return Err(CompileError::syntax(
                        format!("'yield' inside {}", self.cur().comp_name),
                        y.range,
                    ));
                }
                self.cur().is_generator = true;
                if let (true, Some(r)) = (self.cur().is_coroutine, self.cur().return_value) {
                    return Err(CompileError::syntax(
                        "'return' with value in async generator".into(),
                        r,
                    ));
                }
                if let Some(v) = &y.value {
                    self.expr(v)?;
                }
            }
            Expr::YieldFrom(y) => {
                if self.cur().kind == ScopeKind::Module || self.cur().kind == ScopeKind::Class {
                    return Err(CompileError::syntax(
                        "'yield' outside function".into(),
                        y.range,
                    ));
                }
                let cur = self.cur();
                if cur.kind == ScopeKind::Comprehension {
                    return Err(CompileError::syntax(
                        format!("'yield' inside {}", cur.comp_name),
                        y.range,
                    ));
                }
                if cur.kind == ScopeKind::Function && cur.is_coroutine {
                    return Err(CompileError::syntax(
                        "'yield from' inside async function".into(),
                        y.range,
                    ));
                }
                self.cur().is_generator = true;
                self.expr(&y.value)?;
            }
            Expr::Named(n) => {
                self.expr(&n.value)?;
                self.target(&n.target)?;
            }
            Expr::Await(a) => {
                let cur = self.cur();
                match cur.kind {
                    ScopeKind::Module | ScopeKind::Class => {
                        return Err(CompileError::syntax(
                            "'await' outside function".into(),
                            a.range,
                        ))
                    }
                    ScopeKind::Function if !cur.is_coroutine => {
                        return Err(CompileError::syntax(
                            "'await' outside async function".into(),
                            a.range,
                        ))
                    }
                    _ => {}
                }
                self.expr(&a.value)?;
                self.cur().is_coroutine = true;
            }
            Expr::TString(t) => {
                for ts in t.value.iter() {
                    let mut err = None;
                    walk_fstring_elements(&ts.elements, &mut |c| {
                        if err.is_none() {
                            if let Err(x) = self.expr(c) {
                                err = Some(x);
                            }
                        }
                    });
                    if let Some(x) = err {
                        return Err(x);
                    }
                }
            }
            _ => {
                let mut err = None;
                walk_children(e, &mut |c| {
                    if err.is_none() {
                        if let Err(x) = self.expr(c) {
                            err = Some(x);
                        }
                    }
                });
                if let Some(x) = err {
                    return Err(x);
                }
            }
        }
        Ok(())
    }
}

/// Calls `f` on each direct sub-expression of a non-scope expression.
pub fn walk_children(e: &Expr, f: &mut dyn FnMut(&Expr)) {
    match e {
        Expr::BoolOp(b) => b.values.iter().for_each(f),
        Expr::BinOp(b) => {
            f(&b.left);
            f(&b.right)
        }
        Expr::UnaryOp(u) => f(&u.operand),
        Expr::If(i) => {
            f(&i.test);
            f(&i.body);
            f(&i.orelse)
        }
        Expr::Dict(d) => {
            for it in &d.items {
                if let Some(k) = &it.key {
                    f(k)
                }
                f(&it.value)
            }
        }
        Expr::Set(s) => s.elts.iter().for_each(f),
        Expr::Compare(c) => {
            f(&c.left);
            c.comparators.iter().for_each(f)
        }
        Expr::Call(c) => {
            f(&c.func);
            c.arguments.args.iter().for_each(&mut *f);
            for k in c.arguments.keywords.iter() {
                f(&k.value)
            }
        }
        Expr::FString(fs) => {
            for part in fs.value.iter() {
                if let ast::FStringPart::FString(x) = part {
                    walk_fstring_elements(&x.elements, f);
                }
            }
        }
        Expr::Attribute(a) => f(&a.value),
        Expr::Subscript(s) => {
            f(&s.value);
            f(&s.slice)
        }
        Expr::Starred(s) => f(&s.value),
        Expr::List(l) => l.elts.iter().for_each(f),
        Expr::Tuple(t) => t.elts.iter().for_each(f),
        Expr::Slice(s) => {
            for x in [&s.lower, &s.upper, &s.step].into_iter().flatten() {
                f(x)
            }
        }
        _ => {}
    }
}

fn walk_fstring_elements(elts: &ast::InterpolatedStringElements, f: &mut dyn FnMut(&Expr)) {
    for el in elts.iter() {
        if let ast::InterpolatedStringElement::Interpolation(i) = el {
            f(&i.expression);
            if let Some(spec) = &i.format_spec {
                walk_fstring_elements(&spec.elements, f);
            }
        }
    }
}

/// Builds and resolves the table for a module.
pub fn build(module: &ast::ModModule) -> Result<SymbolTable, CompileError> {
    build_with(module, false)
}

/// [`build`]; with `names_in_namespace`, the module body reads and writes its implicit
/// globals through its namespace, as CPython's LOAD_NAME/STORE_NAME (see
/// [`Scope::names_in_namespace`]).
pub fn build_with(
    module: &ast::ModModule,
    names_in_namespace: bool,
) -> Result<SymbolTable, CompileError> {
    let mut b = Builder {
        scopes: HashMap::new(),
        stack: Vec::new(),
        future_annotations: has_future_annotations(&module.body),
    };
    b.push(module.range, ScopeKind::Module, None);
    b.stmts(&module.body)?;
    b.pop();
    let module_key = key(module.range);
    let mut scopes = b.scopes;
    resolve(&mut scopes, module_key, &HashSet::new(), false)?;
    if names_in_namespace {
        // The module, and the list/set/dict comprehensions in it (nested in one another):
        // CPython inlines those into the module body, so they see its locals mapping too
        // (the VM runs them with their caller's locals: `flags::INHERIT_LOCALS`).
        let mut todo = vec![module_key];
        while let Some(k) = todo.pop() {
            let Some(s) = scopes.get_mut(&k) else {
                continue;
            };
            s.names_in_namespace = true;
            for a in s.access.values_mut() {
                if *a == Access::GlobalImplicit {
                    *a = Access::Name;
                }
            }
            let children: Vec<(u32, u32)> = s.children.clone();
            for c in children {
                if let Some(cs) = scopes.get(&c) {
                    if cs.kind == ScopeKind::Comprehension && !cs.is_generator {
                        todo.push(c);
                    }
                }
            }
        }
    }
    Ok(SymbolTable { scopes, module_key })
}

/// Resolves a scope; `enclosing` are names bound in enclosing function scopes (visible as
/// free variables); `class_cell` says an enclosing class provides `__class__`.
/// Returns the free variables this scope needs from its parent.
fn resolve(
    scopes: &mut HashMap<(u32, u32), Scope>,
    k: (u32, u32),
    enclosing: &HashSet<String>,
    class_cell: bool,
) -> Result<Vec<String>, CompileError> {
    let (kind, children, order, flags, can_see_class) = {
        let s = &scopes[&k];
        (
            s.kind,
            s.children.clone(),
            s.order.clone(),
            s.flags.clone(),
            s.can_see_class,
        )
    };
    let mut access: HashMap<String, Access> = HashMap::new();
    let mut free: Vec<String> = Vec::new();
    for n in &order {
        let f = flags[n];
        let a = if f & GLOBAL != 0 {
            Access::GlobalExplicit
        } else if kind == ScopeKind::Module {
            Access::GlobalImplicit
        } else if f & NONLOCAL != 0 {
            if !enclosing.contains(n) {
                return Err(CompileError::syntax(
                    format!("no binding for nonlocal '{n}' found"),
                    TextRange::default(),
                ));
            }
            free.push(n.clone());
            Access::Free
        } else if f & (ASSIGNED | PARAM) != 0 {
            if kind == ScopeKind::Class {
                Access::Name
            } else {
                Access::Fast
            }
        } else if n == "__class__" && class_cell && kind != ScopeKind::Class {
            free.push(n.clone());
            Access::Free
        } else if enclosing.contains(n) {
            free.push(n.clone());
            Access::Free
        } else if kind == ScopeKind::Class {
            Access::Name
        } else {
            Access::GlobalImplicit
        };
        access.insert(n.clone(), a);
    }
    // What children can see.
    let mut visible = enclosing.clone();
    if kind == ScopeKind::Function || kind == ScopeKind::Comprehension {
        for (n, a) in &access {
            if matches!(a, Access::Fast | Access::Free) {
                visible.insert(n.clone());
            }
        }
    }
    // Names declared global here hide outer bindings from children.
    for (n, a) in &access {
        if *a == Access::GlobalExplicit {
            visible.remove(n);
        }
    }
    let child_class_cell = kind == ScopeKind::Class || (class_cell && kind != ScopeKind::Module);
    let mut cells: Vec<String> = Vec::new();
    let mut needs_class_cell = false;
    let mut needs_classdict = false;
    if can_see_class && !access.contains_key("__classdict__") {
        // An annotation scope in a class body reads the class namespace (PEP 695).
        free.push("__classdict__".into());
        access.insert("__classdict__".into(), Access::Free);
    }
    for c in children {
        let child_free = resolve(scopes, c, &visible, child_class_cell)?;
        for n in child_free {
            if kind == ScopeKind::Class && n == "__class__" {
                needs_class_cell = true;
                continue;
            }
            if kind == ScopeKind::Class && n == "__classdict__" {
                needs_classdict = true;
                continue;
            }
            match access.get(&n).copied() {
                Some(Access::Fast) => {
                    access.insert(n.clone(), Access::Cell);
                    if !cells.contains(&n) {
                        cells.push(n);
                    }
                }
                Some(Access::Cell) => {}
                Some(Access::Free) => {}
                _ => {
                    // Pass-through free variable (also for class scopes).
                    if kind != ScopeKind::Module && !free.contains(&n) {
                        free.push(n.clone());
                        if !access.contains_key(&n) || kind != ScopeKind::Class {
                            access.insert(n.clone(), Access::Free);
                        }
                    }
                }
            }
        }
    }
    if needs_class_cell {
        cells.push("__class__".into());
        access.insert("__class__".into(), Access::Cell);
    }
    if needs_classdict {
        cells.push("__classdict__".into());
        access.insert("__classdict__".into(), Access::Cell);
    }
    let s = scopes.get_mut(&k).unwrap();
    // Cells in parameter order first, then others, as CPython sorts them.
    s.access = access;
    s.cellvars = cells;
    s.freevars = free.clone();
    s.needs_class_cell = needs_class_cell;
    Ok(free)
}

/// Range of a scope-defining statement or expression.
pub fn range_of<T: Ranged>(n: &T) -> TextRange {
    n.range()
}
