//! `ast.parse`: ruff's syntax tree as CPython's `_ast` tree, in a neutral form.
//!
//! **What.** [`parse`] parses source as `compile(..., PyCF_ONLY_AST)` does and returns an
//! [`AstNode`] tree shaped exactly as CPython 3.14's `Parser/Python.asdl`: each node names its
//! `_ast` class, lists its fields in `_fields` order and carries CPython's location
//! (1-based lines, UTF-8 byte columns). The VM (`gilvm-vm/src/ast_objects.rs`) turns the tree
//! into instances of the `_ast` classes; this crate knows the object model (constants are
//! `Value`s) but not the interpreter, so it cannot build the instances itself.
//!
//! **Why a conversion.** ruff's tree differs from CPython's in shape: literals are typed
//! (string, bytes, number, ...) where CPython has one `Constant`; implicitly concatenated
//! strings and f-strings keep their parts where CPython joins them (`JoinedStr` with adjacent
//! literal parts merged); `if`/`elif` is one node with clauses where CPython nests `If`s;
//! `async` is a flag where CPython has separate classes; a decorated definition starts at
//! its first decorator where CPython's starts at `def`/`class`; a lone generator argument
//! `f(x for x in y)` takes the call's parentheses in CPython. Each of these is handled here.
//!
//! **Invariants.** The field names and their order are those of the `_ast` classes
//! (`gilvm-vm/src/modules/py/ast_nodes.py`); a field absent in CPython's tree is `None`, an
//! empty sequence an empty list. Columns are byte offsets from the start of the line.
use gilvm_object::str::PyStr;
use gilvm_object::{ObjRef, Owned, Py, Value};
use ruff_python_ast::str_prefix::StringLiteralPrefix;
use ruff_python_ast::{self as ast, Expr, Pattern, Stmt};
use ruff_text_size::{Ranged, TextRange, TextSize};

use crate::error::CompileError;
use crate::LineIndex;

/// One `_ast` node: its class, its fields in `_fields` order, its location if the class has
/// location attributes (`lineno`, `col_offset`, `end_lineno`, `end_col_offset`).
pub struct AstNode {
    pub kind: &'static str,
    pub fields: Vec<(&'static str, AstField)>,
    pub loc: Option<[u32; 4]>,
}

/// A field's value.
pub enum AstField {
    Node(Box<AstNode>),
    List(Vec<AstField>),
    /// A constant, identifier or number (`None` for an absent optional field).
    Value(Value),
    /// The `Ellipsis` singleton (a builtin the compiler cannot name).
    Ellipsis,
}

/// What `compile()`'s mode asks for.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum AstMode {
    Exec,
    Eval,
    Single,
    FuncType,
}

/// Parses `source` into CPython's tree for `mode`, or the `SyntaxError` compile() raises.
/// `optimize` is `Some(level)` for `PyCF_OPTIMIZED_AST`: CPython 3.14's AST optimizer, which
/// replaces `__debug__` by its constant and, at level 2, drops docstrings.
pub fn parse(
    py: Py<'_>,
    source: &str,
    mode: AstMode,
    optimize: Option<u8>,
) -> Result<AstNode, CompileError> {
    let index = LineIndex::new(source);
    let fix = |mut e: CompileError| -> CompileError {
        crate::locate(&mut e, source, &index);
        e
    };
    if source.contains('\0') {
        return Err(CompileError::syntax(
            "source code string cannot contain null bytes".into(),
            TextRange::default(),
        ));
    }
    let c = Conv {
        py,
        src: source,
        index: &index,
        optimize,
    };
    match mode {
        AstMode::Exec | AstMode::Single => {
            let m = ruff_python_parser::parse_module(source)
                .map_err(|e| fix(crate::parse_errors::convert(source, e)))?
                .into_syntax();
            let body = c.body(&m.body);
            if mode == AstMode::Exec {
                Ok(AstNode {
                    kind: "Module",
                    fields: vec![("body", body), ("type_ignores", AstField::List(vec![]))],
                    loc: None,
                })
            } else {
                Ok(AstNode {
                    kind: "Interactive",
                    fields: vec![("body", body)],
                    loc: None,
                })
            }
        }
        AstMode::Eval => {
            // CPython's eval mode accepts leading whitespace only on continuation lines.
            if source.starts_with([' ', '\t']) {
                let n = source.len() - source.trim_start_matches([' ', '\t']).len();
                return Err(fix(CompileError {
                    kind: crate::ErrorKind::IndentationError,
                    ..CompileError::syntax(
                        "unexpected indent".into(),
                        TextRange::at(0.into(), (n as u32).into()),
                    )
                }));
            }
            let e = ruff_python_parser::parse_expression(source)
                .map_err(|e| fix(crate::parse_errors::convert(source, e)))?
                .into_syntax();
            Ok(AstNode {
                kind: "Expression",
                fields: vec![("body", c.expr(&e.body))],
                loc: None,
            })
        }
        AstMode::FuncType => {
            // `(argtypes) -> returns`: the part before the top-level arrow is a
            // parenthesized argument list, the part after an expression.
            let Some(arrow) = top_level_arrow(source) else {
                return Err(fix(CompileError::syntax(
                    "invalid syntax".into(),
                    TextRange::at(0.into(), 1.into()),
                )));
            };
            // Parse `f(args)` with the arrow blanked, so offsets stay those of the source.
            let mut text = String::with_capacity(source.len() + 1);
            text.push_str(&source[..arrow]);
            text.push_str("  ");
            text.push_str(&source[arrow + 2..]);
            let head = text[..arrow].trim_start();
            if !head.starts_with('(') {
                return Err(fix(CompileError::syntax(
                    "invalid syntax".into(),
                    TextRange::at(0.into(), 1.into()),
                )));
            }
            let call_src = format!("_{}", &text[..arrow].trim_end());
            let call = ruff_python_parser::parse_expression(&call_src)
                .map_err(|e| fix(crate::parse_errors::convert(source, e)))?
                .into_syntax();
            let rs =
                arrow + 2 + (source[arrow + 2..].len() - source[arrow + 2..].trim_start().len());
            let ret = ruff_python_parser::parse_expression(&source[rs..])
                .map_err(|e| fix(crate::parse_errors::convert(source, e)))?
                .into_syntax();
            let Expr::Call(call) = *call.body else {
                return Err(fix(CompileError::syntax(
                    "invalid syntax".into(),
                    TextRange::at(0.into(), 1.into()),
                )));
            };
            // The argument list parsed one column to the right of the source; the
            // return expression at offset 0 of its slice: both are shifted back into place.
            let argidx = LineIndex::new(&call_src);
            let ca = Conv {
                py,
                src: &call_src,
                index: &argidx,
                optimize,
            };
            let argtypes: Vec<AstField> = call.arguments.args.iter().map(|a| ca.expr(a)).collect();
            let retsrc = &source[rs..];
            let retidx = LineIndex::new(retsrc);
            let cr = Conv {
                py,
                src: retsrc,
                index: &retidx,
                optimize,
            };
            let mut argtypes = AstField::List(argtypes);
            shift(&mut argtypes, 0, -1);
            let mut returns = cr.expr(&ret.body);
            let (l, col) = (index.line(rs as u32), {
                let o = rs as u32;
                o - index.line_start(o)
            });
            shift(&mut returns, l - 1, col as i64);
            Ok(AstNode {
                kind: "FunctionType",
                fields: vec![("argtypes", argtypes), ("returns", returns)],
                loc: None,
            })
        }
    }
}

/// The byte offset of the first `->` outside brackets, strings and comments.
fn top_level_arrow(s: &str) -> Option<usize> {
    let b = s.as_bytes();
    let mut depth = 0i32;
    let mut i = 0;
    while i < b.len() {
        match b[i] {
            b'(' | b'[' | b'{' => depth += 1,
            b')' | b']' | b'}' => depth -= 1,
            b'\'' | b'"' => {
                let q = b[i];
                i += 1;
                while i < b.len() && b[i] != q {
                    if b[i] == b'\\' {
                        i += 1;
                    }
                    i += 1;
                }
            }
            b'-' if depth == 0 && b.get(i + 1) == Some(&b'>') => return Some(i),
            _ => {}
        }
        i += 1;
    }
    None
}

/// Moves every location in `f`: lines by `dl`; columns on the first line by `dc`.
fn shift(f: &mut AstField, dl: u32, dc: i64) {
    match f {
        AstField::Node(n) => {
            if let Some(loc) = &mut n.loc {
                if loc[0] == 1 {
                    loc[1] = (loc[1] as i64 + dc).max(0) as u32;
                }
                if loc[2] == 1 {
                    loc[3] = (loc[3] as i64 + dc).max(0) as u32;
                }
                loc[0] += dl;
                loc[2] += dl;
            }
            for (_, v) in &mut n.fields {
                shift(v, dl, dc);
            }
        }
        AstField::List(v) => {
            for x in v {
                shift(x, dl, dc);
            }
        }
        _ => {}
    }
}

struct Conv<'s> {
    py: Py<'s>,
    src: &'s str,
    index: &'s LineIndex,
    optimize: Option<u8>,
}

/// One literal piece of a joined string, waiting to be merged with its neighbours.
struct Piece {
    text: String,
    start: TextSize,
    end: TextSize,
    u: bool,
}

type F = AstField;

impl<'s> Conv<'s> {
    fn loc(&self, r: TextRange) -> [u32; 4] {
        let (s, e) = (r.start().to_u32(), r.end().to_u32());
        let ls = self.index.line_start(s);
        let le = self.index.line_start(e);
        [self.index.line(s), s - ls, self.index.line(e), e - le]
    }

    fn node(&self, kind: &'static str, r: TextRange, fields: Vec<(&'static str, F)>) -> F {
        F::Node(Box::new(AstNode {
            kind,
            fields,
            loc: Some(self.loc(r)),
        }))
    }

    fn bare(&self, kind: &'static str, fields: Vec<(&'static str, F)>) -> F {
        F::Node(Box::new(AstNode {
            kind,
            fields,
            loc: None,
        }))
    }

    fn str(&self, s: &str) -> F {
        F::Value(Value::Obj(ObjRef::new(self.py, Owned::Str(PyStr::new(s)))))
    }

    fn opt_str(&self, s: Option<&ast::Identifier>) -> F {
        match s {
            Some(s) => self.str(s.as_str()),
            None => F::Value(Value::None),
        }
    }

    fn none() -> F {
        F::Value(Value::None)
    }

    fn int(v: i64) -> F {
        F::Value(Value::Int(v))
    }

    fn opt_expr(&self, e: Option<&Expr>) -> F {
        match e {
            Some(e) => self.expr(e),
            None => Self::none(),
        }
    }

    fn exprs<'a>(&self, es: impl IntoIterator<Item = &'a Expr>) -> F {
        F::List(es.into_iter().map(|e| self.expr(e)).collect())
    }

    fn stmts(&self, ss: &[Stmt]) -> F {
        F::List(ss.iter().map(|s| self.stmt(s)).collect())
    }

    /// A module's, class's or function's body: at optimisation level 2 without its
    /// docstring (unless it is the whole body).
    fn body(&self, ss: &[Stmt]) -> F {
        let doc = matches!(ss.first(), Some(Stmt::Expr(e)) if e.value.is_string_literal_expr());
        if self.optimize >= Some(2) && doc && ss.len() > 1 {
            return self.stmts(&ss[1..]);
        }
        self.stmts(ss)
    }

    fn ctx(&self, c: ast::ExprContext) -> F {
        self.bare(
            match c {
                ast::ExprContext::Store => "Store",
                ast::ExprContext::Del => "Del",
                _ => "Load",
            },
            vec![],
        )
    }

    fn op(&self, op: ast::Operator) -> F {
        use ast::Operator as O;
        self.bare(
            match op {
                O::Add => "Add",
                O::Sub => "Sub",
                O::Mult => "Mult",
                O::MatMult => "MatMult",
                O::Div => "Div",
                O::Mod => "Mod",
                O::Pow => "Pow",
                O::LShift => "LShift",
                O::RShift => "RShift",
                O::BitOr => "BitOr",
                O::BitXor => "BitXor",
                O::BitAnd => "BitAnd",
                O::FloorDiv => "FloorDiv",
            },
            vec![],
        )
    }

    fn cmpop(&self, op: ast::CmpOp) -> F {
        use ast::CmpOp as C;
        self.bare(
            match op {
                C::Eq => "Eq",
                C::NotEq => "NotEq",
                C::Lt => "Lt",
                C::LtE => "LtE",
                C::Gt => "Gt",
                C::GtE => "GtE",
                C::Is => "Is",
                C::IsNot => "IsNot",
                C::In => "In",
                C::NotIn => "NotIn",
            },
            vec![],
        )
    }

    /// Where a decorated definition's keyword (`def`, `async`, `class`) starts: CPython's
    /// node starts there, not at its first decorator.
    fn after_decorators(&self, decos: &[ast::Decorator], r: TextRange) -> TextRange {
        let Some(last) = decos.last() else {
            return r;
        };
        let b = self.src.as_bytes();
        let mut i = last.range.end().to_usize();
        while i < b.len() {
            match b[i] {
                b' ' | b'\t' | b'\n' | b'\r' | b'\x0c' | b'\\' => i += 1,
                b'#' => {
                    while i < b.len() && b[i] != b'\n' {
                        i += 1;
                    }
                }
                _ => break,
            }
        }
        TextRange::new(TextSize::new(i as u32).min(r.end()), r.end())
    }

    fn stmt(&self, s: &Stmt) -> F {
        let r = s.range();
        match s {
            Stmt::FunctionDef(f) => {
                let kind = if f.is_async {
                    "AsyncFunctionDef"
                } else {
                    "FunctionDef"
                };
                self.node(
                    kind,
                    self.after_decorators(&f.decorator_list, r),
                    vec![
                        ("name", self.str(f.name.as_str())),
                        ("args", self.arguments(Some(&f.parameters))),
                        ("body", self.body(&f.body)),
                        ("decorator_list", self.decorators(&f.decorator_list)),
                        ("returns", self.opt_expr(f.returns.as_deref())),
                        ("type_comment", Self::none()),
                        ("type_params", self.type_params(f.type_params.as_deref())),
                    ],
                )
            }
            Stmt::ClassDef(c) => {
                let (bases, keywords) = match &c.arguments {
                    Some(a) => (self.exprs(a.args.iter()), self.keywords(&a.keywords)),
                    None => (F::List(vec![]), F::List(vec![])),
                };
                self.node(
                    "ClassDef",
                    self.after_decorators(&c.decorator_list, r),
                    vec![
                        ("name", self.str(c.name.as_str())),
                        ("bases", bases),
                        ("keywords", keywords),
                        ("body", self.body(&c.body)),
                        ("decorator_list", self.decorators(&c.decorator_list)),
                        ("type_params", self.type_params(c.type_params.as_deref())),
                    ],
                )
            }
            Stmt::Return(x) => self.node(
                "Return",
                r,
                vec![("value", self.opt_expr(x.value.as_deref()))],
            ),
            Stmt::Delete(x) => self.node("Delete", r, vec![("targets", self.exprs(&x.targets))]),
            Stmt::TypeAlias(x) => self.node(
                "TypeAlias",
                r,
                vec![
                    ("name", self.expr(&x.name)),
                    ("type_params", self.type_params(x.type_params.as_deref())),
                    ("value", self.expr(&x.value)),
                ],
            ),
            Stmt::Assign(x) => self.node(
                "Assign",
                r,
                vec![
                    ("targets", self.exprs(&x.targets)),
                    ("value", self.expr(&x.value)),
                    ("type_comment", Self::none()),
                ],
            ),
            Stmt::AugAssign(x) => self.node(
                "AugAssign",
                r,
                vec![
                    ("target", self.expr(&x.target)),
                    ("op", self.op(x.op)),
                    ("value", self.expr(&x.value)),
                ],
            ),
            Stmt::AnnAssign(x) => self.node(
                "AnnAssign",
                r,
                vec![
                    ("target", self.expr(&x.target)),
                    ("annotation", self.expr(&x.annotation)),
                    ("value", self.opt_expr(x.value.as_deref())),
                    ("simple", Self::int(x.simple as i64)),
                ],
            ),
            Stmt::For(x) => self.node(
                if x.is_async { "AsyncFor" } else { "For" },
                r,
                vec![
                    ("target", self.expr(&x.target)),
                    ("iter", self.expr(&x.iter)),
                    ("body", self.stmts(&x.body)),
                    ("orelse", self.stmts(&x.orelse)),
                    ("type_comment", Self::none()),
                ],
            ),
            Stmt::While(x) => self.node(
                "While",
                r,
                vec![
                    ("test", self.expr(&x.test)),
                    ("body", self.stmts(&x.body)),
                    ("orelse", self.stmts(&x.orelse)),
                ],
            ),
            Stmt::If(x) => self.if_chain(&x.test, &x.body, &x.elif_else_clauses, r),
            Stmt::With(x) => self.node(
                if x.is_async { "AsyncWith" } else { "With" },
                r,
                vec![
                    (
                        "items",
                        F::List(
                            x.items
                                .iter()
                                .map(|i| {
                                    self.bare(
                                        "withitem",
                                        vec![
                                            ("context_expr", self.expr(&i.context_expr)),
                                            (
                                                "optional_vars",
                                                self.opt_expr(i.optional_vars.as_deref()),
                                            ),
                                        ],
                                    )
                                })
                                .collect(),
                        ),
                    ),
                    ("body", self.stmts(&x.body)),
                    ("type_comment", Self::none()),
                ],
            ),
            Stmt::Match(x) => self.node(
                "Match",
                r,
                vec![
                    ("subject", self.expr(&x.subject)),
                    (
                        "cases",
                        F::List(
                            x.cases
                                .iter()
                                .map(|c| {
                                    self.bare(
                                        "match_case",
                                        vec![
                                            ("pattern", self.pattern(&c.pattern)),
                                            ("guard", self.opt_expr(c.guard.as_deref())),
                                            ("body", self.stmts(&c.body)),
                                        ],
                                    )
                                })
                                .collect(),
                        ),
                    ),
                ],
            ),
            Stmt::Raise(x) => self.node(
                "Raise",
                r,
                vec![
                    ("exc", self.opt_expr(x.exc.as_deref())),
                    ("cause", self.opt_expr(x.cause.as_deref())),
                ],
            ),
            Stmt::Try(x) => self.node(
                if x.is_star { "TryStar" } else { "Try" },
                r,
                vec![
                    ("body", self.stmts(&x.body)),
                    (
                        "handlers",
                        F::List(
                            x.handlers
                                .iter()
                                .map(|h| {
                                    let ast::ExceptHandler::ExceptHandler(h) = h;
                                    self.node(
                                        "ExceptHandler",
                                        h.range,
                                        vec![
                                            ("type", self.opt_expr(h.type_.as_deref())),
                                            ("name", self.opt_str(h.name.as_ref())),
                                            ("body", self.stmts(&h.body)),
                                        ],
                                    )
                                })
                                .collect(),
                        ),
                    ),
                    ("orelse", self.stmts(&x.orelse)),
                    ("finalbody", self.stmts(&x.finalbody)),
                ],
            ),
            Stmt::Assert(x) => self.node(
                "Assert",
                r,
                vec![
                    ("test", self.expr(&x.test)),
                    ("msg", self.opt_expr(x.msg.as_deref())),
                ],
            ),
            Stmt::Import(x) => self.node("Import", r, vec![("names", self.aliases(&x.names))]),
            Stmt::ImportFrom(x) => self.node(
                "ImportFrom",
                r,
                vec![
                    ("module", self.opt_str(x.module.as_ref())),
                    ("names", self.aliases(&x.names)),
                    ("level", Self::int(x.level as i64)),
                ],
            ),
            Stmt::Global(x) => self.node(
                "Global",
                r,
                vec![(
                    "names",
                    F::List(x.names.iter().map(|n| self.str(n.as_str())).collect()),
                )],
            ),
            Stmt::Nonlocal(x) => self.node(
                "Nonlocal",
                r,
                vec![(
                    "names",
                    F::List(x.names.iter().map(|n| self.str(n.as_str())).collect()),
                )],
            ),
            Stmt::Expr(x) => self.node("Expr", r, vec![("value", self.expr(&x.value))]),
            Stmt::Pass(_) => self.node("Pass", r, vec![]),
            Stmt::Break(_) => self.node("Break", r, vec![]),
            Stmt::Continue(_) => self.node("Continue", r, vec![]),
            Stmt::IpyEscapeCommand(_) => self.node("Pass", r, vec![]),
        }
    }

    /// `if`/`elif`/`else` as CPython's nested `If`s: each `elif` is an `If` alone in its
    /// predecessor's `orelse`, from its keyword to the end of the whole chain.
    fn if_chain(
        &self,
        test: &Expr,
        body: &[Stmt],
        clauses: &[ast::ElifElseClause],
        r: TextRange,
    ) -> F {
        let orelse = match clauses.split_first() {
            None => F::List(vec![]),
            Some((c, rest)) => match &c.test {
                None => self.stmts(&c.body),
                Some(t) => F::List(vec![self.if_chain(
                    t,
                    &c.body,
                    rest,
                    TextRange::new(c.range.start(), r.end()),
                )]),
            },
        };
        self.node(
            "If",
            r,
            vec![
                ("test", self.expr(test)),
                ("body", self.stmts(body)),
                ("orelse", orelse),
            ],
        )
    }

    fn decorators(&self, d: &[ast::Decorator]) -> F {
        F::List(d.iter().map(|d| self.expr(&d.expression)).collect())
    }

    fn aliases(&self, names: &[ast::Alias]) -> F {
        F::List(
            names
                .iter()
                .map(|a| {
                    self.node(
                        "alias",
                        a.range,
                        vec![
                            ("name", self.str(a.name.as_str())),
                            ("asname", self.opt_str(a.asname.as_ref())),
                        ],
                    )
                })
                .collect(),
        )
    }

    fn keywords(&self, ks: &[ast::Keyword]) -> F {
        F::List(
            ks.iter()
                .map(|k| {
                    self.node(
                        "keyword",
                        k.range,
                        vec![
                            ("arg", self.opt_str(k.arg.as_ref())),
                            ("value", self.expr(&k.value)),
                        ],
                    )
                })
                .collect(),
        )
    }

    fn type_params(&self, tp: Option<&ast::TypeParams>) -> F {
        let Some(tp) = tp else {
            return F::List(vec![]);
        };
        F::List(
            tp.type_params
                .iter()
                .map(|p| match p {
                    ast::TypeParam::TypeVar(t) => self.node(
                        "TypeVar",
                        t.range,
                        vec![
                            ("name", self.str(t.name.as_str())),
                            ("bound", self.opt_expr(t.bound.as_deref())),
                            ("default_value", self.opt_expr(t.default.as_deref())),
                        ],
                    ),
                    ast::TypeParam::ParamSpec(t) => self.node(
                        "ParamSpec",
                        t.range,
                        vec![
                            ("name", self.str(t.name.as_str())),
                            ("default_value", self.opt_expr(t.default.as_deref())),
                        ],
                    ),
                    ast::TypeParam::TypeVarTuple(t) => self.node(
                        "TypeVarTuple",
                        t.range,
                        vec![
                            ("name", self.str(t.name.as_str())),
                            ("default_value", self.opt_expr(t.default.as_deref())),
                        ],
                    ),
                })
                .collect(),
        )
    }

    fn arg(&self, p: &ast::Parameter) -> F {
        self.node(
            "arg",
            p.range,
            vec![
                ("arg", self.str(p.name.as_str())),
                ("annotation", self.opt_expr(p.annotation.as_deref())),
                ("type_comment", Self::none()),
            ],
        )
    }

    /// `*args` / `**kw`: CPython's `arg` starts at the name, after the stars.
    fn star_arg(&self, p: &ast::Parameter) -> F {
        let mut f = self.arg(p);
        if let F::Node(n) = &mut f {
            n.loc = Some(self.loc(TextRange::new(p.name.range.start(), p.range.end())));
        }
        f
    }

    fn arguments(&self, p: Option<&ast::Parameters>) -> F {
        let empty = || F::List(vec![]);
        let Some(p) = p else {
            return self.bare(
                "arguments",
                vec![
                    ("posonlyargs", empty()),
                    ("args", empty()),
                    ("vararg", Self::none()),
                    ("kwonlyargs", empty()),
                    ("kw_defaults", empty()),
                    ("kwarg", Self::none()),
                    ("defaults", empty()),
                ],
            );
        };
        let defaults = p
            .posonlyargs
            .iter()
            .chain(p.args.iter())
            .filter_map(|a| a.default.as_deref())
            .map(|d| self.expr(d))
            .collect();
        self.bare(
            "arguments",
            vec![
                (
                    "posonlyargs",
                    F::List(
                        p.posonlyargs
                            .iter()
                            .map(|a| self.arg(&a.parameter))
                            .collect(),
                    ),
                ),
                (
                    "args",
                    F::List(p.args.iter().map(|a| self.arg(&a.parameter)).collect()),
                ),
                (
                    "vararg",
                    p.vararg
                        .as_deref()
                        .map_or_else(Self::none, |a| self.star_arg(a)),
                ),
                (
                    "kwonlyargs",
                    F::List(
                        p.kwonlyargs
                            .iter()
                            .map(|a| self.arg(&a.parameter))
                            .collect(),
                    ),
                ),
                (
                    "kw_defaults",
                    F::List(
                        p.kwonlyargs
                            .iter()
                            .map(|a| self.opt_expr(a.default.as_deref()))
                            .collect(),
                    ),
                ),
                (
                    "kwarg",
                    p.kwarg
                        .as_deref()
                        .map_or_else(Self::none, |a| self.star_arg(a)),
                ),
                ("defaults", F::List(defaults)),
            ],
        )
    }

    fn comprehensions(&self, gens: &[ast::Comprehension]) -> F {
        F::List(
            gens.iter()
                .map(|g| {
                    self.bare(
                        "comprehension",
                        vec![
                            ("target", self.expr(&g.target)),
                            ("iter", self.expr(&g.iter)),
                            ("ifs", self.exprs(&g.ifs)),
                            ("is_async", Self::int(g.is_async as i64)),
                        ],
                    )
                })
                .collect(),
        )
    }

    fn constant(&self, r: TextRange, v: F, u: bool) -> F {
        self.node(
            "Constant",
            r,
            vec![
                ("value", v),
                ("kind", if u { self.str("u") } else { Self::none() }),
            ],
        )
    }

    fn expr(&self, e: &Expr) -> F {
        let r = e.range();
        match e {
            Expr::BoolOp(x) => self.node(
                "BoolOp",
                r,
                vec![
                    (
                        "op",
                        self.bare(
                            match x.op {
                                ast::BoolOp::And => "And",
                                ast::BoolOp::Or => "Or",
                            },
                            vec![],
                        ),
                    ),
                    ("values", self.exprs(&x.values)),
                ],
            ),
            Expr::Named(x) => self.node(
                "NamedExpr",
                r,
                vec![
                    ("target", self.expr(&x.target)),
                    ("value", self.expr(&x.value)),
                ],
            ),
            Expr::BinOp(x) => self.node(
                "BinOp",
                r,
                vec![
                    ("left", self.expr(&x.left)),
                    ("op", self.op(x.op)),
                    ("right", self.expr(&x.right)),
                ],
            ),
            Expr::UnaryOp(x) => self.node(
                "UnaryOp",
                r,
                vec![
                    (
                        "op",
                        self.bare(
                            match x.op {
                                ast::UnaryOp::Invert => "Invert",
                                ast::UnaryOp::Not => "Not",
                                ast::UnaryOp::UAdd => "UAdd",
                                ast::UnaryOp::USub => "USub",
                            },
                            vec![],
                        ),
                    ),
                    ("operand", self.expr(&x.operand)),
                ],
            ),
            Expr::Lambda(x) => self.node(
                "Lambda",
                r,
                vec![
                    ("args", self.arguments(x.parameters.as_deref())),
                    ("body", self.expr(&x.body)),
                ],
            ),
            Expr::If(x) => self.node(
                "IfExp",
                r,
                vec![
                    ("test", self.expr(&x.test)),
                    ("body", self.expr(&x.body)),
                    ("orelse", self.expr(&x.orelse)),
                ],
            ),
            Expr::Dict(x) => self.node(
                "Dict",
                r,
                vec![
                    (
                        "keys",
                        F::List(
                            x.items
                                .iter()
                                .map(|i| self.opt_expr(i.key.as_ref()))
                                .collect(),
                        ),
                    ),
                    (
                        "values",
                        F::List(x.items.iter().map(|i| self.expr(&i.value)).collect()),
                    ),
                ],
            ),
            Expr::Set(x) => self.node("Set", r, vec![("elts", self.exprs(&x.elts))]),
            Expr::ListComp(x) => self.node(
                "ListComp",
                r,
                vec![
                    ("elt", self.expr(&x.elt)),
                    ("generators", self.comprehensions(&x.generators)),
                ],
            ),
            Expr::SetComp(x) => self.node(
                "SetComp",
                r,
                vec![
                    ("elt", self.expr(&x.elt)),
                    ("generators", self.comprehensions(&x.generators)),
                ],
            ),
            Expr::DictComp(x) => self.node(
                "DictComp",
                r,
                vec![
                    ("key", self.opt_expr(x.key.as_deref())),
                    ("value", self.expr(&x.value)),
                    ("generators", self.comprehensions(&x.generators)),
                ],
            ),
            Expr::Generator(x) => self.node(
                "GeneratorExp",
                r,
                vec![
                    ("elt", self.expr(&x.elt)),
                    ("generators", self.comprehensions(&x.generators)),
                ],
            ),
            Expr::Await(x) => self.node("Await", r, vec![("value", self.expr(&x.value))]),
            Expr::Yield(x) => self.node(
                "Yield",
                r,
                vec![("value", self.opt_expr(x.value.as_deref()))],
            ),
            Expr::YieldFrom(x) => self.node("YieldFrom", r, vec![("value", self.expr(&x.value))]),
            Expr::Compare(x) => self.node(
                "Compare",
                r,
                vec![
                    ("left", self.expr(&x.left)),
                    (
                        "ops",
                        F::List(x.ops.iter().map(|o| self.cmpop(*o)).collect()),
                    ),
                    ("comparators", self.exprs(x.comparators.iter())),
                ],
            ),
            Expr::Call(x) => {
                let a = &x.arguments;
                // A lone unparenthesized generator argument takes the call's parentheses.
                let args = match (&a.args[..], a.keywords.is_empty()) {
                    ([Expr::Generator(g)], true) if !g.parenthesized => {
                        let mut f = self.expr(&a.args[0]);
                        if let F::Node(n) = &mut f {
                            n.loc = Some(self.loc(a.range));
                        }
                        F::List(vec![f])
                    }
                    _ => self.exprs(a.args.iter()),
                };
                self.node(
                    "Call",
                    r,
                    vec![
                        ("func", self.expr(&x.func)),
                        ("args", args),
                        ("keywords", self.keywords(&a.keywords)),
                    ],
                )
            }
            Expr::FString(x) => {
                let mut out = Vec::new();
                let mut pend: Vec<Piece> = Vec::new();
                for part in x.value.iter() {
                    match part {
                        ast::FStringPart::Literal(l) => pend.push(Piece {
                            text: l.value.to_string(),
                            start: l.range.start(),
                            end: l.range.end(),
                            u: matches!(l.flags.prefix(), StringLiteralPrefix::Unicode),
                        }),
                        ast::FStringPart::FString(f) => {
                            self.interp_elements(&f.elements, false, &mut pend, &mut out)
                        }
                    }
                }
                self.flush(&mut pend, &mut out);
                self.node("JoinedStr", r, vec![("values", F::List(out))])
            }
            Expr::TString(x) => {
                let mut out = Vec::new();
                let mut pend: Vec<Piece> = Vec::new();
                for t in x.value.iter() {
                    self.interp_elements(&t.elements, true, &mut pend, &mut out);
                }
                self.flush(&mut pend, &mut out);
                self.node("TemplateStr", r, vec![("values", F::List(out))])
            }
            Expr::StringLiteral(x) => {
                let u = x
                    .value
                    .iter()
                    .next()
                    .is_some_and(|p| matches!(p.flags.prefix(), StringLiteralPrefix::Unicode));
                let s = x.value.to_str();
                self.constant(r, self.str(s), u)
            }
            Expr::BytesLiteral(x) => {
                let bytes: Vec<u8> = x.value.bytes().collect();
                let v = Value::Obj(ObjRef::new(self.py, Owned::Bytes(bytes.into_boxed_slice())));
                self.constant(r, F::Value(v), false)
            }
            Expr::NumberLiteral(x) => {
                let v = match &x.value {
                    ast::Number::Int(i) => match i.as_i64() {
                        Some(v) => Value::Int(v),
                        None => {
                            let s = i.to_string();
                            match crate::expr::parse_int_literal(&s) {
                                Some(b) => Value::from_bigint(self.py, b),
                                None => Value::None,
                            }
                        }
                    },
                    ast::Number::Float(f) => Value::Float(*f),
                    ast::Number::Complex { real, imag } => Value::Obj(ObjRef::new(
                        self.py,
                        Owned::Complex(gilvm_object::complex::PyComplex::new(*real, *imag)),
                    )),
                };
                self.constant(r, F::Value(v), false)
            }
            Expr::BooleanLiteral(x) => self.constant(r, F::Value(Value::Bool(x.value)), false),
            Expr::NoneLiteral(_) => self.constant(r, F::Value(Value::None), false),
            Expr::EllipsisLiteral(_) => self.constant(r, F::Ellipsis, false),
            Expr::Attribute(x) => self.node(
                "Attribute",
                r,
                vec![
                    ("value", self.expr(&x.value)),
                    ("attr", self.str(x.attr.as_str())),
                    ("ctx", self.ctx(x.ctx)),
                ],
            ),
            Expr::Subscript(x) => self.node(
                "Subscript",
                r,
                vec![
                    ("value", self.expr(&x.value)),
                    ("slice", self.expr(&x.slice)),
                    ("ctx", self.ctx(x.ctx)),
                ],
            ),
            Expr::Starred(x) => self.node(
                "Starred",
                r,
                vec![("value", self.expr(&x.value)), ("ctx", self.ctx(x.ctx))],
            ),
            Expr::Name(x)
                if x.id.as_str() == "__debug__"
                    && self.optimize.is_some()
                    && x.ctx == ast::ExprContext::Load =>
            {
                self.constant(r, F::Value(Value::Bool(self.optimize == Some(0))), false)
            }
            Expr::Name(x) => self.node(
                "Name",
                r,
                vec![("id", self.str(x.id.as_str())), ("ctx", self.ctx(x.ctx))],
            ),
            Expr::List(x) => self.node(
                "List",
                r,
                vec![("elts", self.exprs(&x.elts)), ("ctx", self.ctx(x.ctx))],
            ),
            Expr::Tuple(x) => self.node(
                "Tuple",
                r,
                vec![("elts", self.exprs(&x.elts)), ("ctx", self.ctx(x.ctx))],
            ),
            Expr::Slice(x) => self.node(
                "Slice",
                r,
                vec![
                    ("lower", self.opt_expr(x.lower.as_deref())),
                    ("upper", self.opt_expr(x.upper.as_deref())),
                    ("step", self.opt_expr(x.step.as_deref())),
                ],
            ),
            Expr::IpyEscapeCommand(_) => self.constant(r, F::Value(Value::None), false),
        }
    }

    /// The elements of one f-string or t-string: literal text joins the pending pieces;
    /// an interpolation flushes them and adds a `FormattedValue` (`Interpolation`).
    fn interp_elements(
        &self,
        elements: &ast::InterpolatedStringElements,
        template: bool,
        pend: &mut Vec<Piece>,
        out: &mut Vec<F>,
    ) {
        for el in elements.iter() {
            match el {
                ast::InterpolatedStringElement::Literal(l) => pend.push(Piece {
                    text: l.value.to_string(),
                    start: l.range.start(),
                    end: l.range.end(),
                    u: false,
                }),
                ast::InterpolatedStringElement::Interpolation(i) => {
                    let er = i.expression.range();
                    let expr_text = &self.src[er.start().to_usize()..er.end().to_usize()];
                    if let Some(d) = &i.debug_text {
                        let start = er.start() - TextSize::of(d.leading());
                        let end = er.end() + TextSize::of(d.trailing());
                        pend.push(Piece {
                            text: format!("{}{}{}", d.leading(), d.expression(), d.trailing()),
                            start,
                            end,
                            u: false,
                        });
                    }
                    self.flush(pend, out);
                    let conversion = match i.conversion {
                        ast::ConversionFlag::None
                            if i.debug_text.is_some() && i.format_spec.is_none() =>
                        {
                            b'r' as i64
                        }
                        ast::ConversionFlag::None => -1,
                        ast::ConversionFlag::Str => b's' as i64,
                        ast::ConversionFlag::Repr => b'r' as i64,
                        ast::ConversionFlag::Ascii => b'a' as i64,
                    };
                    let spec = match &i.format_spec {
                        None => Self::none(),
                        Some(s) => {
                            let mut sout = Vec::new();
                            let mut spend = Vec::new();
                            self.interp_elements(&s.elements, false, &mut spend, &mut sout);
                            self.flush(&mut spend, &mut sout);
                            // CPython's spec starts at its colon.
                            let r = TextRange::new(
                                s.range.start().checked_sub(1.into()).unwrap_or_default(),
                                s.range.end(),
                            );
                            self.node("JoinedStr", r, vec![("values", F::List(sout))])
                        }
                    };
                    if template {
                        self.node(
                            "Interpolation",
                            i.range,
                            vec![
                                ("value", self.expr(&i.expression)),
                                ("str", self.str(expr_text)),
                                ("conversion", Self::int(conversion)),
                                ("format_spec", spec),
                            ],
                        )
                    } else {
                        self.node(
                            "FormattedValue",
                            i.range,
                            vec![
                                ("value", self.expr(&i.expression)),
                                ("conversion", Self::int(conversion)),
                                ("format_spec", spec),
                            ],
                        )
                    }
                    .pipe(|n| out.push(n));
                }
            }
        }
    }

    /// Merges the pending literal pieces into one `Constant` (none if they are empty).
    fn flush(&self, pend: &mut Vec<Piece>, out: &mut Vec<F>) {
        if pend.is_empty() {
            return;
        }
        let text: String = pend.iter().map(|p| p.text.as_str()).collect();
        let (start, end, u) = (pend[0].start, pend[pend.len() - 1].end, pend[0].u);
        pend.clear();
        if text.is_empty() {
            return;
        }
        out.push(self.constant(TextRange::new(start, end), self.str(&text), u));
    }

    fn pattern(&self, p: &Pattern) -> F {
        let r = p.range();
        match p {
            Pattern::MatchValue(x) => {
                self.node("MatchValue", r, vec![("value", self.expr(&x.value))])
            }
            Pattern::MatchSingleton(x) => self.node(
                "MatchSingleton",
                r,
                vec![(
                    "value",
                    F::Value(match x.value {
                        ast::Singleton::None => Value::None,
                        ast::Singleton::True => Value::Bool(true),
                        ast::Singleton::False => Value::Bool(false),
                    }),
                )],
            ),
            Pattern::MatchSequence(x) => self.node(
                "MatchSequence",
                r,
                vec![(
                    "patterns",
                    F::List(x.patterns.iter().map(|p| self.pattern(p)).collect()),
                )],
            ),
            Pattern::MatchMapping(x) => self.node(
                "MatchMapping",
                r,
                vec![
                    ("keys", self.exprs(x.keys.iter())),
                    (
                        "patterns",
                        F::List(x.patterns.iter().map(|p| self.pattern(p)).collect()),
                    ),
                    ("rest", self.opt_str(x.rest.as_ref())),
                ],
            ),
            Pattern::MatchClass(x) => self.node(
                "MatchClass",
                r,
                vec![
                    ("cls", self.expr(&x.cls)),
                    (
                        "patterns",
                        F::List(
                            x.arguments
                                .patterns
                                .iter()
                                .map(|p| self.pattern(p))
                                .collect(),
                        ),
                    ),
                    (
                        "kwd_attrs",
                        F::List(
                            x.arguments
                                .keywords
                                .iter()
                                .map(|k| self.str(k.attr.as_str()))
                                .collect(),
                        ),
                    ),
                    (
                        "kwd_patterns",
                        F::List(
                            x.arguments
                                .keywords
                                .iter()
                                .map(|k| self.pattern(&k.pattern))
                                .collect(),
                        ),
                    ),
                ],
            ),
            Pattern::MatchStar(x) => self.node(
                "MatchStar",
                r,
                vec![("name", self.opt_str(x.name.as_ref()))],
            ),
            Pattern::MatchAs(x) => self.node(
                "MatchAs",
                r,
                vec![
                    (
                        "pattern",
                        x.pattern
                            .as_deref()
                            .map_or_else(Self::none, |p| self.pattern(p)),
                    ),
                    ("name", self.opt_str(x.name.as_ref())),
                ],
            ),
            Pattern::MatchOr(x) => self.node(
                "MatchOr",
                r,
                vec![(
                    "patterns",
                    F::List(x.patterns.iter().map(|p| self.pattern(p)).collect()),
                )],
            ),
        }
    }
}

trait Pipe: Sized {
    fn pipe<R>(self, f: impl FnOnce(Self) -> R) -> R {
        f(self)
    }
}
impl<T> Pipe for T {}
