//! Annotation scopes of PEP 695 (type parameters) and PEP 696 (their defaults).
//!
//! `def f[T: int = str](x: T)`, `class C[T](Base)` and `type X[T] = V` each get a
//! function scope between the statement's scope and the function/class/alias
//! ("<generic parameters of f>"): the type parameters are its locals (cells when the
//! function or class body uses them), so that `T` in the body, the annotations and the
//! bases means this `TypeVar`. Each bound, constraint tuple, default and alias value is
//! its own function scope, evaluated lazily by the runtime object (`_typing`), with one
//! parameter, the annotation `format`.
//!
//! These scopes have no node of their own, so their keys are synthetic: the node's range
//! with the top bit of the start set and a tag folded into the end ([`synthetic_key`]);
//! no real range has that start.
//!
//! An annotation scope directly inside a class body (`can_see_class`) reads names
//! through the class namespace first: it has the free variable `__classdict__`, which
//! the class body provides as a cell (see `resolve`).
use ruff_python_ast::visitor::{walk_expr, Visitor};

use super::*;

/// The generic-parameters scope of a `def`, `class` or `type` statement.
pub const GENERIC: u32 = 1;
/// The value of a `type` statement.
pub const ALIAS_VALUE: u32 = 2;
/// A type variable's bound or constraints (keyed by the type parameter's range).
pub const BOUND: u32 = 3;
/// A type parameter's default (keyed by the type parameter's range).
pub const DEFAULT: u32 = 4;

/// The key of the annotation scope `tag` of the node at `r`.
pub fn synthetic_key(r: TextRange, tag: u32) -> (u32, u32) {
    (
        r.start().to_u32() | 0x8000_0000,
        r.end().to_u32() ^ (tag << 28),
    )
}

impl Builder {
    fn enter_annotation(&mut self, k: (u32, u32), can_see_class: bool) {
        self.push_key(k, ScopeKind::Function, None);
        let s = self.cur();
        s.annotation = true;
        s.can_see_class = can_see_class;
    }

    /// A lazily evaluated annotation scope's one parameter, the format.
    fn format_param(&mut self) {
        self.cur().mark(".format", PARAM | ASSIGNED);
        self.cur().params = vec![".format".into()];
    }

    fn lazy(
        &mut self,
        k: (u32, u32),
        e: &Expr,
        what: &str,
        can_see_class: bool,
    ) -> Result<(), CompileError> {
        check_annotation_expr(e, what)?;
        self.enter_annotation(k, can_see_class);
        self.format_param();
        self.expr(e)?;
        self.pop();
        Ok(())
    }

    pub(super) fn generic_function(
        &mut self,
        f: &ast::StmtFunctionDef,
    ) -> Result<(), CompileError> {
        for d in &f.decorator_list {
            self.expr(&d.expression)?;
        }
        // The defaults are evaluated outside, and passed to the generic scope.
        let p = &f.parameters;
        let (mut pos, mut kw) = (false, false);
        for a in p.posonlyargs.iter().chain(p.args.iter()) {
            if let Some(d) = &a.default {
                self.expr(d)?;
                pos = true;
            }
        }
        for a in p.kwonlyargs.iter() {
            if let Some(d) = &a.default {
                self.expr(d)?;
                kw = true;
            }
        }
        self.cur().mark(&f.name.id, ASSIGNED);
        let in_class = self.cur().kind == ScopeKind::Class;
        self.enter_annotation(synthetic_key(f.range, GENERIC), in_class);
        let mut params = Vec::new();
        if pos {
            params.push(".defaults".to_string());
        }
        if kw {
            params.push(".kwdefaults".to_string());
        }
        for n in &params {
            self.cur().mark(n, PARAM | ASSIGNED);
        }
        self.cur().params = params;
        self.type_params(f.type_params.as_deref().unwrap())?;
        self.cur().mark(".type_params", ASSIGNED);
        // The annotations' scope is in the generic scope (they may name T).
        self.function_annotations(f)?;
        self.push(f.range, ScopeKind::Function, None);
        self.params(&f.parameters)?;
        self.stmts(&f.body)?;
        self.pop();
        self.pop();
        Ok(())
    }

    pub(super) fn generic_class(&mut self, c: &ast::StmtClassDef) -> Result<(), CompileError> {
        for d in &c.decorator_list {
            self.expr(&d.expression)?;
        }
        self.cur().mark(&c.name.id, ASSIGNED);
        let in_class = self.cur().kind == ScopeKind::Class;
        self.enter_annotation(synthetic_key(c.range, GENERIC), in_class);
        self.type_params(c.type_params.as_deref().unwrap())?;
        self.cur().mark(".type_params", ASSIGNED);
        self.cur().mark(".generic_base", ASSIGNED);
        if let Some(args) = &c.arguments {
            for a in args.args.iter() {
                self.expr(a)?;
            }
            for k in args.keywords.iter() {
                self.expr(&k.value)?;
            }
        }
        self.push(c.range, ScopeKind::Class, Some(&c.name.id));
        // The body's `__type_params__ = .type_params`.
        self.cur().mark(".type_params", USED);
        self.stmts(&c.body)?;
        self.pop();
        self.pop();
        Ok(())
    }

    pub(super) fn type_alias(&mut self, t: &ast::StmtTypeAlias) -> Result<(), CompileError> {
        let Expr::Name(n) = &*t.name else {
            return Err(CompileError::syntax(
                "invalid syntax".into(),
                t.name.range(),
            ));
        };
        self.cur().mark(&n.id, ASSIGNED);
        let in_class = self.cur().kind == ScopeKind::Class;
        if let Some(tp) = &t.type_params {
            self.enter_annotation(synthetic_key(t.range, GENERIC), in_class);
            self.type_params(tp)?;
            self.cur().mark(".type_params", ASSIGNED);
        }
        self.lazy(
            synthetic_key(t.range, ALIAS_VALUE),
            &t.value,
            "a type alias",
            in_class,
        )?;
        if t.type_params.is_some() {
            self.pop();
        }
        Ok(())
    }

    /// The type parameters, locals of the current (generic) scope, with CPython's checks.
    fn type_params(&mut self, tp: &ast::TypeParams) -> Result<(), CompileError> {
        let mut seen: HashSet<&str> = HashSet::new();
        let mut seen_default = false;
        // Bounds and defaults see the class namespace when their generic scope does.
        let see = self.cur().can_see_class;
        for p in &tp.type_params {
            let (name, bound, default, kind) = match p {
                ast::TypeParam::TypeVar(v) => {
                    (&v.name, v.bound.as_deref(), v.default.as_deref(), "TypeVar")
                }
                ast::TypeParam::ParamSpec(v) => (&v.name, None, v.default.as_deref(), "ParamSpec"),
                ast::TypeParam::TypeVarTuple(v) => {
                    (&v.name, None, v.default.as_deref(), "TypeVarTuple")
                }
            };
            if name.id.as_str() == "__classdict__" {
                return Err(CompileError::syntax(
                    "reserved name '__classdict__' cannot be used for type parameter".into(),
                    name.range,
                ));
            }
            if !seen.insert(name.id.as_str()) {
                return Err(CompileError::syntax(
                    format!("duplicate type parameter '{}'", name.id),
                    p.range(),
                ));
            }
            if default.is_some() {
                seen_default = true;
            } else if seen_default {
                return Err(CompileError::syntax(
                    format!(
                        "non-default type parameter '{}' follows default type parameter",
                        name.id
                    ),
                    p.range(),
                ));
            }
            self.cur().mark(&name.id, ASSIGNED);
            if let Some(b) = bound {
                let what = if matches!(b, Expr::Tuple(_)) {
                    "a TypeVar constraint"
                } else {
                    "a TypeVar bound"
                };
                self.lazy(synthetic_key(p.range(), BOUND), b, what, see)?;
            }
            if let Some(d) = default {
                let what = format!("a {kind} default");
                self.lazy(synthetic_key(p.range(), DEFAULT), d, &what, see)?;
            }
        }
        Ok(())
    }
}

/// CPython's "… cannot be used within {what}" for `yield`, `await` and `:=` in an
/// annotation scope's expression (a lambda in it is a scope of its own).
fn check_annotation_expr(e: &Expr, what: &str) -> Result<(), CompileError> {
    struct Find(Option<(&'static str, TextRange)>);
    impl<'a> Visitor<'a> for Find {
        fn visit_expr(&mut self, e: &'a Expr) {
            if self.0.is_some() {
                return;
            }
            match e {
                Expr::Yield(y) => self.0 = Some(("yield expression", y.range)),
                Expr::YieldFrom(y) => self.0 = Some(("yield expression", y.range)),
                Expr::Await(a) => self.0 = Some(("await expression", a.range)),
                Expr::Named(n) => self.0 = Some(("named expression", n.range)),
                Expr::Lambda(_) => {}
                _ => walk_expr(self, e),
            }
        }
    }
    let mut f = Find(None);
    f.visit_expr(e);
    match f.0 {
        Some((kind, r)) => Err(CompileError::syntax(
            format!("{kind} cannot be used within {what}"),
            r,
        )),
        None => Ok(()),
    }
}
