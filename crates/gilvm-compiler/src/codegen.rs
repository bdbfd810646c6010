//! Code generation: the compiler state, code units (one per scope), and the frame-block
//! stack that lets `break`/`continue`/`return` unwind through `finally`, `with` and
//! `except` blocks.
//!
//! Exception handling follows CPython 3.11: every emitted instruction records the innermost
//! active handler ([`Handler`]); the builder turns that into a static exception table. The
//! stack depth a handler restores is the number of values held by the enclosing frame
//! blocks (a `for` loop holds its iterator, a `with` its `__exit__`, an `except` body the
//! previously handled exception).
use gilvm_object::Owned;
use ruff_python_ast::{self as ast, Expr, Stmt};
use ruff_text_size::TextRange;

use gilvm_object::code::{flags, make_function, CodeObject, Instr};
use gilvm_object::{ObjRef, Payload, Py, Value};

use crate::builder::{CodeBuilder, Handler, Label};
use crate::error::CompileError;
use crate::symtable::{key, Access, Scope, ScopeKind, SymbolTable};
use crate::LineIndex;

pub type CResult<T = ()> = Result<T, CompileError>;

// PEP 695 type parameters, PEP 750 template strings, PEP 649 annotations (branch `pep`).
mod annotate;
mod trystar;
mod tstring;
mod typeparams;

/// A frame block: what must be undone when control leaves it early.
pub enum FBlock<'a> {
    Loop {
        cont: Label,
        brk: Label,
        is_for: bool,
    },
    TryExcept,
    TryFinally {
        body: &'a [Stmt],
    },
    ExceptHandler {
        name: Option<String>,
    },
    FinallyHandler,
    /// The body of an `except*` clause (`codegen/trystar.rs`).
    ExceptStarHandler,
    With,
    /// `async with`: on an early exit `__aexit__(None, None, None)` is called and awaited.
    AsyncWith,
    /// A return value held under a `finally` body that runs on the way out of a `return`
    /// (CPython's POP_VALUE block): handlers inside that body keep it, and a nested
    /// `return`/`break` drops it.
    PopValue,
}

impl FBlock<'_> {
    /// Values this block keeps on the stack while its body runs.
    fn held(&self) -> u32 {
        match self {
            FBlock::Loop { is_for: true, .. } => 1,
            FBlock::Loop { .. } | FBlock::TryExcept | FBlock::TryFinally { .. } => 0,
            FBlock::ExceptHandler { .. } => 1,
            FBlock::FinallyHandler => 2,
            FBlock::ExceptStarHandler => 5,
            FBlock::With | FBlock::AsyncWith => 1,
            FBlock::PopValue => 1,
        }
    }
}

pub struct Unit<'a, 'py> {
    pub b: CodeBuilder<'py>,
    pub scope: &'a Scope,
    pub fblocks: Vec<(FBlock<'a>, usize)>,
    pub qualname: String,
    /// Cell slot index of each cell/free name.
    pub cells: Vec<String>,
}

pub struct Compiler<'a, 'py> {
    pub py: Py<'py>,
    #[allow(dead_code)]
    pub source: &'a str,
    pub index: &'a LineIndex,
    pub filename: ObjRef,
    pub table: &'a SymbolTable,
    pub units: Vec<Unit<'a, 'py>>,
    /// `from __future__ import annotations`: annotations are kept as their source text.
    pub future_annotations: bool,
    /// The leading `from __future__ import …` statements (the only place they may be).
    pub future_imports: Vec<ruff_text_size::TextRange>,
    /// `'single'` mode: module-level expression statements print their value.
    pub interactive: bool,
}

/// The `__future__` features Python 3 knows; all but `annotations` are always on.
const FUTURE_FEATURES: &[&str] = &[
    "nested_scopes",
    "generators",
    "division",
    "absolute_import",
    "with_statement",
    "print_function",
    "unicode_literals",
    "barry_as_FLUFL",
    "generator_stop",
    "annotations",
];

/// Reads the `from __future__ import …` statements at the top of a module (after its
/// docstring): their ranges, and whether `annotations` is among them. An unknown feature
/// is CPython's SyntaxError.
fn future_imports(body: &[Stmt]) -> CResult<(Vec<ruff_text_size::TextRange>, bool)> {
    let mut ranges = Vec::new();
    let mut annotations = false;
    let skip = match body.first() {
        Some(Stmt::Expr(e)) if matches!(&*e.value, Expr::StringLiteral(_)) => 1,
        _ => 0,
    };
    for st in &body[skip..] {
        let Stmt::ImportFrom(i) = st else { break };
        if i.level != 0 || i.module.as_ref().map(|m| m.id.as_str()) != Some("__future__") {
            break;
        }
        for a in &i.names {
            // CPython 3.14 points at the whole alias (`nonsense as x`).
            let at = a.range;
            let n = a.name.id.as_str();
            if n == "braces" {
                return Err(CompileError::syntax("not a chance".into(), at));
            }
            if !FUTURE_FEATURES.contains(&n) {
                return Err(CompileError::syntax(
                    format!("future feature {n} is not defined"),
                    at,
                ));
            }
            annotations |= n == "annotations";
        }
        ranges.push(i.range);
    }
    Ok((ranges, annotations))
}

/// Python's `repr` of a str (single quotes unless the text has a single quote and no
/// double quote).
pub(crate) fn str_repr(s: &str) -> String {
    let q = if s.contains('\'') && !s.contains('"') {
        '"'
    } else {
        '\''
    };
    let mut out = String::with_capacity(s.len() + 2);
    out.push(q);
    for ch in s.chars() {
        match ch {
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if c == q => {
                out.push('\\');
                out.push(c);
            }
            c if (c as u32) < 0x20 || c as u32 == 0x7f => {
                out.push_str(&format!("\\x{:02x}", c as u32));
            }
            c => out.push(c),
        }
    }
    out.push(q);
    out
}

/// Does a module or class body have an annotated assignment (outside nested functions and
/// classes)? Then it gets an `__annotations__` dict first, as CPython's SETUP_ANNOTATIONS.
fn has_annotations(body: &[Stmt]) -> bool {
    body.iter().any(|s| match s {
        Stmt::AnnAssign(_) => true,
        Stmt::If(i) => {
            has_annotations(&i.body) || i.elif_else_clauses.iter().any(|c| has_annotations(&c.body))
        }
        Stmt::For(f) => has_annotations(&f.body) || has_annotations(&f.orelse),
        Stmt::While(w) => has_annotations(&w.body) || has_annotations(&w.orelse),
        Stmt::With(w) => has_annotations(&w.body),
        Stmt::Match(m) => m.cases.iter().any(|c| has_annotations(&c.body)),
        Stmt::Try(t) => {
            has_annotations(&t.body)
                || has_annotations(&t.orelse)
                || has_annotations(&t.finalbody)
                || t.handlers.iter().any(|h| match h {
                    ast::ExceptHandler::ExceptHandler(h) => has_annotations(&h.body),
                })
        }
        _ => false,
    })
}

pub fn compile<'py>(
    py: Py<'py>,
    source: &str,
    index: &LineIndex,
    filename: &ObjRef,
    table: &SymbolTable,
    module: &ast::ModModule,
    mode: crate::Mode,
) -> CResult<CodeObject> {
    let (future_imports, future_annotations) = future_imports(&module.body)?;
    let mut c = Compiler {
        py,
        source,
        index,
        filename: filename.clone(),
        table,
        units: Vec::new(),
        future_annotations,
        future_imports,
        interactive: mode == crate::Mode::Single,
    };
    let scope = &table.scopes[&table.module_key];
    c.push_unit(scope, "<module>".into());
    if mode == crate::Mode::Eval {
        // `compile(..., 'eval')`: the body is the one expression, whose value is returned.
        if let Some(Stmt::Expr(e)) = module.body.first() {
            c.set_loc(e.range);
            c.expr(&e.value)?;
            c.b().emit(Instr::ReturnValue);
        }
        return Ok(c.pop_unit("<module>", 1, 0, 0, 0, 0));
    }
    if has_annotations(&module.body) && c.future_annotations {
        c.setup_annotations();
    }
    // A module docstring becomes the module's `__doc__` (not in interactive mode, nor at
    // optimisation level 2, `-OO`).
    let keep_doc = crate::optimize_level() < 2;
    if let (false, true, Some(Stmt::Expr(e))) = (c.interactive, keep_doc, module.body.first()) {
        if let Expr::StringLiteral(s) = &*e.value {
            let d = c.b().str_const(s.value.to_str());
            c.emit(Instr::LoadConst(d));
            let dn = c.b().name("__doc__");
            c.emit(Instr::StoreName(dn));
        }
    }
    if !c.interactive {
        // PEP 649: the module's `__annotate__` is there from the start (evaluated lazily).
        let r = module.range;
        c.body_annotate(
            &module.body,
            table.module_key,
            "__annotate__",
            "__annotate__".into(),
            r,
        )?;
    }
    c.stmts(&module.body)?;
    c.b().emit_implicit_return(None);
    Ok(c.pop_unit("<module>", 1, 0, 0, 0, 0))
}

impl<'a, 'py> Compiler<'a, 'py> {
    #[inline]
    pub fn u(&mut self) -> &mut Unit<'a, 'py> {
        self.units.last_mut().unwrap()
    }
    #[inline]
    pub fn b(&mut self) -> &mut CodeBuilder<'py> {
        &mut self.units.last_mut().unwrap().b
    }
    pub fn emit(&mut self, i: Instr) {
        self.b().emit(i)
    }
    pub fn scope(&self) -> &'a Scope {
        self.units.last().unwrap().scope
    }

    pub fn push_unit(&mut self, scope: &'a Scope, qualname: String) {
        let mut b = CodeBuilder::new(self.py);
        for p in &scope.params {
            b.varname(p);
        }
        let mut cells = scope.cellvars.clone();
        cells.extend(scope.freevars.iter().cloned());
        self.units.push(Unit {
            b,
            scope,
            fblocks: Vec::new(),
            qualname,
            cells,
        });
    }

    pub fn pop_unit(
        &mut self,
        name: &str,
        firstline: u32,
        argcount: u32,
        posonly: u32,
        kwonly: u32,
        fl: u32,
    ) -> CodeObject {
        let u = self.units.pop().unwrap();
        let scope = u.scope;
        let mut fl = fl;
        match (scope.is_generator, scope.is_coroutine) {
            (true, false) => fl |= flags::GENERATOR,
            (true, true) => fl |= flags::ASYNC_GENERATOR,
            (false, true) => fl |= flags::COROUTINE,
            (false, false) => {}
        }
        if matches!(scope.kind, ScopeKind::Class | ScopeKind::Module) {
            fl |= flags::NAME_SCOPE;
        }
        if scope.kind == ScopeKind::Comprehension && scope.names_in_namespace {
            fl |= flags::INHERIT_LOCALS;
        }
        let cell2arg = scope
            .cellvars
            .iter()
            .map(|c| scope.params.iter().position(|p| p == c).map(|i| i as u32))
            .collect();
        u.b.finish(
            name,
            &u.qualname,
            &self.filename,
            firstline,
            argcount,
            posonly,
            kwonly,
            fl,
            &scope.cellvars,
            &scope.freevars,
            cell2arg,
        )
    }

    /// Sets the location of the next instructions; returns the previous one.
    pub fn set_loc(&mut self, r: TextRange) -> (u32, (u32, u32)) {
        let start = r.start().to_u32();
        let line = self.index.line(start);
        let ls = self.index.line_start(start);
        let col = start - ls;
        let end = r.end().to_u32();
        let ecol = if self.index.line(end) == line {
            end - ls
        } else {
            col + 1
        };
        let b = self.b();
        let prev = (b.cur_line, b.cur_cols);
        b.cur_line = line;
        b.cur_cols = (col, ecol);
        prev
    }
    pub fn restore_loc(&mut self, prev: (u32, (u32, u32))) {
        let b = self.b();
        b.cur_line = prev.0;
        b.cur_cols = prev.1;
    }

    pub fn line_of(&self, r: TextRange) -> u32 {
        self.index.line(r.start().to_u32())
    }

    // ---- frame blocks and handlers ----

    /// Stack depth held by the enclosing frame blocks.
    pub fn depth(&mut self) -> u32 {
        self.u().fblocks.iter().map(|(f, _)| f.held()).sum()
    }
    pub fn push_fblock(&mut self, f: FBlock<'a>) {
        let hl = self.b().handler_stack.len();
        self.u().fblocks.push((f, hl));
    }
    pub fn pop_fblock(&mut self) {
        self.u().fblocks.pop();
    }
    pub fn push_handler(&mut self, target: Label, depth: u32) {
        self.b().handler_stack.push(Handler { target, depth });
    }
    pub fn pop_handler(&mut self) {
        self.b().handler_stack.pop();
    }

    /// Emits the clean-up for leaving frame blocks early. `to_loop`: stop at (and return)
    /// the innermost loop; `preserve_tos`: a return value is on top of the stack.
    pub fn unwind(
        &mut self,
        to_loop: bool,
        preserve_tos: bool,
        r: TextRange,
    ) -> CResult<Option<(Label, Label, bool)>> {
        let n = self.u().fblocks.len();
        let saved_blocks: Vec<(FBlock<'a>, usize)> = std::mem::take(&mut self.u().fblocks);
        let saved_handlers = self.b().handler_stack.clone();
        let mut result = None;
        let mut i = n;
        let mut blocks = saved_blocks;
        while i > 0 {
            i -= 1;
            // Code emitted for this block runs outside it: drop it and its handlers.
            let (fb, hl) = blocks.remove(i);
            self.u().fblocks = blocks;
            self.b().handler_stack.truncate(hl);
            let stop = match &fb {
                FBlock::Loop { cont, brk, is_for } => {
                    if to_loop {
                        result = Some((*cont, *brk, *is_for));
                        true
                    } else {
                        if *is_for {
                            if preserve_tos {
                                self.emit(Instr::Swap(2));
                            }
                            self.emit(Instr::Pop);
                        }
                        false
                    }
                }
                FBlock::TryExcept => false,
                FBlock::TryFinally { body } => {
                    let body: &'a [Stmt] = body;
                    if preserve_tos {
                        self.push_fblock(FBlock::PopValue);
                    }
                    let r = self.stmts(body);
                    if preserve_tos {
                        self.pop_fblock();
                    }
                    r?;
                    false
                }
                FBlock::ExceptHandler { name } => {
                    if preserve_tos {
                        self.emit(Instr::Swap(2));
                    }
                    self.emit(Instr::PopExcept);
                    if let Some(nm) = name.clone() {
                        self.clear_name(&nm);
                    }
                    false
                }
                FBlock::ExceptStarHandler => {
                    return Err(CompileError::syntax(
                        "'break', 'continue' and 'return' cannot appear in an except* block".into(),
                        r,
                    ));
                }
                FBlock::FinallyHandler => {
                    if preserve_tos {
                        self.emit(Instr::Swap(2));
                        self.emit(Instr::Pop);
                        self.emit(Instr::Swap(2));
                    } else {
                        self.emit(Instr::Pop);
                    }
                    self.emit(Instr::PopExcept);
                    false
                }
                FBlock::With => {
                    if preserve_tos {
                        self.emit(Instr::Swap(2));
                    }
                    self.call_exit_none();
                    false
                }
                FBlock::AsyncWith => {
                    if preserve_tos {
                        self.emit(Instr::Swap(2));
                    }
                    self.call_aexit_none();
                    false
                }
                FBlock::PopValue => {
                    if preserve_tos {
                        self.emit(Instr::Swap(2));
                    }
                    self.emit(Instr::Pop);
                    false
                }
            };
            blocks = std::mem::take(&mut self.u().fblocks);
            blocks.insert(i, (fb, hl));
            if stop {
                break;
            }
        }
        self.u().fblocks = blocks;
        self.b().handler_stack = saved_handlers;
        if to_loop && result.is_none() {
            return Err(CompileError::syntax("'break' outside loop".into(), r));
        }
        Ok(result)
    }

    /// `[exit]` → call exit(None, None, None) and discard the result.
    pub fn call_exit_none(&mut self) {
        self.b().load_const(Value::None);
        self.b().load_const(Value::None);
        self.b().load_const(Value::None);
        self.emit(Instr::Call(3));
        self.emit(Instr::Pop);
    }

    /// `[aexit]` → call and await aexit(None, None, None), discard the result.
    pub fn call_aexit_none(&mut self) {
        self.b().load_const(Value::None);
        self.b().load_const(Value::None);
        self.b().load_const(Value::None);
        self.emit(Instr::Call(3));
        self.emit_await(2);
        self.emit(Instr::Pop);
    }

    /// `[x]` → `[await x]`; `kind` as `Instr::GetAwaitable`'s.
    pub fn emit_await(&mut self, kind: u32) {
        self.emit(Instr::GetAwaitable(kind));
        self.b().load_const(Value::None);
        self.emit(Instr::YieldFrom);
    }

    /// `[aiter]` → `[aiter, next item]`: awaits `aiter.__anext__()`; at the end of the
    /// iteration (StopAsyncIteration) the iterator is popped and control goes to `end`.
    /// `depth` is the stack depth with `aiter` on it. Returns the label to bind the
    /// `EndAsyncFor` handler at.
    pub fn emit_anext(&mut self, depth: u32) -> Label {
        let handler = self.b().new_label();
        self.push_handler(handler, depth);
        self.emit(Instr::GetANext);
        self.emit_await(0);
        self.pop_handler();
        handler
    }

    /// `name = None; del name` (the end of `except E as name`).
    pub fn clear_name(&mut self, name: &str) {
        self.b().load_const(Value::None);
        self.store_name(name);
        self.delete_name(name);
    }

    // ---- names ----

    /// The index in `co_names` of `name` mangled for the current scope (an attribute or
    /// imported name: `crate::mangle`).
    pub fn mangled_name(&mut self, name: &str) -> u32 {
        let name = self.scope().mangle(name);
        self.b().name(&name)
    }

    fn cell_index(&mut self, name: &str) -> u32 {
        self.u()
            .cells
            .iter()
            .position(|c| c == name)
            .expect("cell slot") as u32
    }

    /// The fast-local slot of `e`, if `e` is a name read from a fast local.
    pub fn fast_local_index(&mut self, e: &Expr) -> Option<u32> {
        let Expr::Name(n) = e else { return None };
        let name = self.scope().mangle(&n.id);
        match self.scope().lookup(&name) {
            Access::Fast => Some(self.b().varname(&name)),
            _ => None,
        }
    }

    pub fn load_name(&mut self, name: &str) {
        let scope = self.scope();
        let name = scope.mangle(name);
        let name: &str = &name;
        if scope.can_see_class && self.load_through_classdict(name) {
            return;
        }
        match scope.lookup(name) {
            Access::Fast => {
                let i = self.b().varname(name);
                self.emit(Instr::LoadFast(i))
            }
            Access::Cell | Access::Free => {
                let i = self.cell_index(name);
                if scope.kind == ScopeKind::Class {
                    self.emit(Instr::LoadClassDeref(i));
                } else {
                    self.emit(Instr::LoadDeref(i))
                }
            }
            Access::GlobalExplicit | Access::GlobalImplicit if scope.kind != ScopeKind::Class => {
                let i = self.b().name(name);
                self.emit(Instr::LoadGlobal(i))
            }
            Access::GlobalExplicit => {
                let i = self.b().name(name);
                self.emit(Instr::LoadGlobal(i))
            }
            _ => {
                let i = self.b().name(name);
                self.emit(Instr::LoadName(i))
            }
        }
    }

    pub fn store_name(&mut self, name: &str) {
        let scope = self.scope();
        let name = scope.mangle(name);
        let name: &str = &name;
        match scope.lookup(name) {
            Access::Fast => {
                let i = self.b().varname(name);
                self.emit(Instr::StoreFast(i))
            }
            Access::Cell | Access::Free => {
                let i = self.cell_index(name);
                self.emit(Instr::StoreDeref(i))
            }
            Access::GlobalExplicit | Access::GlobalImplicit => {
                let i = self.b().name(name);
                self.emit(Instr::StoreGlobal(i))
            }
            _ => {
                let i = self.b().name(name);
                self.emit(Instr::StoreName(i))
            }
        }
    }

    pub fn delete_name(&mut self, name: &str) {
        let scope = self.scope();
        let name = scope.mangle(name);
        let name: &str = &name;
        match scope.lookup(name) {
            Access::Fast => {
                let i = self.b().varname(name);
                self.emit(Instr::DeleteFast(i))
            }
            Access::Cell | Access::Free if scope.kind != ScopeKind::Class => {
                let i = self.cell_index(name);
                self.emit(Instr::DeleteDeref(i))
            }
            Access::GlobalExplicit | Access::GlobalImplicit => {
                let i = self.b().name(name);
                self.emit(Instr::DeleteGlobal(i))
            }
            _ => {
                let i = self.b().name(name);
                self.emit(Instr::DeleteName(i))
            }
        }
    }

    // ---- functions, lambdas, classes, comprehensions ----

    fn child_scope(&self, r: TextRange) -> &'a Scope {
        &self.table.scopes[&key(r)]
    }

    fn child_qualname(&mut self, name: &str) -> String {
        // Annotation scopes (PEP 695) do not show in qualified names.
        let u = self
            .units
            .iter()
            .rev()
            .find(|u| !u.scope.annotation)
            .unwrap();
        match u.scope.kind {
            ScopeKind::Module => name.to_string(),
            ScopeKind::Class => format!("{}.{}", u.qualname, name),
            _ => format!("{}.<locals>.{}", u.qualname, name),
        }
    }

    /// Emits `[defaults?, kwdefaults?]` for parameters; returns MakeFunction flags.
    fn emit_defaults(&mut self, p: Option<&'a ast::Parameters>) -> CResult<u32> {
        let Some(p) = p else { return Ok(0) };
        let mut fl = 0;
        let pos: Vec<&ast::ParameterWithDefault> = p
            .posonlyargs
            .iter()
            .chain(p.args.iter())
            .filter(|a| a.default.is_some())
            .collect();
        if !pos.is_empty() {
            for a in &pos {
                self.expr(a.default.as_ref().unwrap())?;
            }
            self.emit(Instr::BuildTuple(pos.len() as u32));
            fl |= make_function::DEFAULTS;
        }
        let kw: Vec<&ast::ParameterWithDefault> = p
            .kwonlyargs
            .iter()
            .filter(|a| a.default.is_some())
            .collect();
        if !kw.is_empty() {
            for a in &kw {
                let name = self.scope().mangle(&a.parameter.name.id);
                let k = self.b().str_const(&name);
                self.emit(Instr::LoadConst(k));
                self.expr(a.default.as_ref().unwrap())?;
            }
            self.emit(Instr::BuildMap(kw.len() as u32));
            fl |= make_function::KWDEFAULTS;
        }
        Ok(fl)
    }

    /// Pushes the closure tuple (if the child has free variables) and the code, then
    /// `MakeFunction`.
    fn make_function(&mut self, code: CodeObject, mut fl: u32) {
        if !code.freevars.is_empty() {
            let names: Vec<String> = code
                .freevars
                .iter()
                .map(|n| n.as_str_payload().to_string())
                .collect();
            for n in &names {
                let i = self.cell_index(n);
                self.emit(Instr::LoadClosure(i));
            }
            self.emit(Instr::BuildTuple(names.len() as u32));
            fl |= make_function::CLOSURE;
        }
        let py = self.py;
        let code = ObjRef::new_immortal(py, Owned::Code(code));
        self.b().load_const(Value::Obj(code));
        self.emit(Instr::MakeFunction(fl));
    }

    fn params_counts(p: Option<&ast::Parameters>) -> (u32, u32, u32, u32) {
        let Some(p) = p else { return (0, 0, 0, 0) };
        let mut fl = 0;
        if p.vararg.is_some() {
            fl |= flags::VARARGS;
        }
        if p.kwarg.is_some() {
            fl |= flags::VARKEYWORDS;
        }
        (
            (p.posonlyargs.len() + p.args.len()) as u32,
            p.posonlyargs.len() as u32,
            p.kwonlyargs.len() as u32,
            fl,
        )
    }

    pub fn function_def(&mut self, f: &'a ast::StmtFunctionDef) -> CResult {
        for d in &f.decorator_list {
            self.expr(&d.expression)?;
        }
        let mkfl = self.emit_defaults(Some(&f.parameters))?;
        let generic = self.enter_generic(f.type_params.as_deref(), f.range, &f.name.id, mkfl)?;
        let scope = self.child_scope(f.range);
        let qual = self.child_qualname(&f.name.id);
        let firstline = self.line_of(f.range);
        self.push_unit(scope, qual);
        self.b().cur_line = firstline;
        // A docstring is not executed.
        let body: &[Stmt] = match f.body.first() {
            Some(Stmt::Expr(e))
                if matches!(&*e.value, Expr::StringLiteral(_)) && f.body.len() > 1 =>
            {
                &f.body[1..]
            }
            _ => &f.body,
        };
        self.stmts(body)?;
        self.b().emit_implicit_return(Some(firstline));
        let (argc, posonly, kwonly, fl) = Self::params_counts(Some(&f.parameters));
        let code = self.pop_unit(&f.name.id, firstline, argc, posonly, kwonly, fl);
        self.make_function(code, mkfl);
        self.function_annotations(&f.parameters, f.returns.as_deref(), f.range, &f.name.id)?;
        if let (Some(Stmt::Expr(e)), true) = (f.body.first(), crate::optimize_level() < 2) {
            if let Expr::StringLiteral(s) = &*e.value {
                // function.__doc__ = docstring (not at `-OO`)
                let d = self.b().str_const(s.value.to_str());
                self.emit(Instr::Copy(1));
                self.emit(Instr::LoadConst(d));
                self.emit(Instr::Swap(2));
                let n = self.b().name("__doc__");
                self.emit(Instr::StoreAttr(n));
            }
        }
        if generic.is_some() {
            self.set_function_type_params();
        }
        self.exit_generic(generic, f.range, &f.name.id)?;
        for _ in &f.decorator_list {
            self.emit(Instr::Call(1));
        }
        self.store_name(&f.name.id);
        Ok(())
    }

    /// `__annotations__ = {}` at the start of a module or class body.
    fn setup_annotations(&mut self) {
        self.emit(Instr::BuildMap(0));
        let n = self.b().name("__annotations__");
        self.emit(Instr::StoreName(n));
    }

    /// Pushes an annotation's value: the expression evaluated, or under
    /// `from __future__ import annotations` its source text.
    pub fn annotation(&mut self, e: &'a Expr) -> CResult {
        if self.future_annotations {
            // CPython un-parses the expression; the source text is the same but for
            // spacing and quotes. A string annotation is shown as its repr, as CPython does.
            let text = match e {
                Expr::StringLiteral(s) => str_repr(s.value.to_str()),
                _ => {
                    let r = ruff_text_size::Ranged::range(e);
                    self.source
                        .get(r.start().to_usize()..r.end().to_usize())
                        .unwrap_or("")
                        .to_string()
                }
            };
            let k = self.b().str_const(&text);
            self.emit(Instr::LoadConst(k));
            Ok(())
        } else {
            self.expr(e)
        }
    }

    /// With the new function on the stack: sets its `__annotations__` to the dict of its
    /// parameters' and return annotations, if it has any (evaluated in the defining scope,
    /// when the `def` runs, as CPython 3.13).
    fn function_annotations(
        &mut self,
        p: &'a ast::Parameters,
        returns: Option<&'a Expr>,
        r: TextRange,
        fname: &str,
    ) -> CResult {
        let mut anns: Vec<(&'a str, &'a Expr)> = Vec::new();
        for a in p.posonlyargs.iter().chain(p.args.iter()) {
            if let Some(t) = &a.parameter.annotation {
                anns.push((a.parameter.name.id.as_str(), t));
            }
        }
        if let Some(v) = &p.vararg {
            if let Some(t) = &v.annotation {
                anns.push((v.name.id.as_str(), t));
            }
        }
        for a in p.kwonlyargs.iter() {
            if let Some(t) = &a.parameter.annotation {
                anns.push((a.parameter.name.id.as_str(), t));
            }
        }
        if let Some(v) = &p.kwarg {
            if let Some(t) = &v.annotation {
                anns.push((v.name.id.as_str(), t));
            }
        }
        if let Some(r) = returns {
            anns.push(("return", r));
        }
        if anns.is_empty() {
            return Ok(());
        }
        if !self.future_annotations {
            // PEP 649: evaluated by `f.__annotate__` when first read.
            return self.function_annotate(&anns, r, fname);
        }
        self.emit(Instr::Copy(1));
        for (name, e) in &anns {
            let name = self.scope().mangle(name);
            let k = self.b().str_const(&name);
            self.emit(Instr::LoadConst(k));
            self.annotation(e)?;
        }
        self.emit(Instr::BuildMap(anns.len() as u32));
        self.emit(Instr::Swap(2));
        let n = self.b().name("__annotations__");
        self.emit(Instr::StoreAttr(n));
        Ok(())
    }

    pub fn lambda(&mut self, l: &'a ast::ExprLambda) -> CResult {
        let mkfl = self.emit_defaults(l.parameters.as_deref())?;
        let scope = self.child_scope(l.range);
        let qual = self.child_qualname("<lambda>");
        let firstline = self.line_of(l.range);
        self.push_unit(scope, qual);
        self.b().cur_line = firstline;
        self.expr(&l.body)?;
        self.emit(Instr::ReturnValue);
        let (argc, posonly, kwonly, fl) = Self::params_counts(l.parameters.as_deref());
        let code = self.pop_unit("<lambda>", firstline, argc, posonly, kwonly, fl);
        self.make_function(code, mkfl);
        Ok(())
    }

    pub fn class_def(&mut self, c: &'a ast::StmtClassDef) -> CResult {
        for d in &c.decorator_list {
            self.expr(&d.expression)?;
        }
        let generic = self.enter_generic(c.type_params.as_deref(), c.range, &c.name.id, 0)?;
        if generic.is_some() {
            self.generic_base();
        }
        self.emit(Instr::LoadBuildClass);
        let scope = self.child_scope(c.range);
        let qual = self.child_qualname(&c.name.id);
        let firstline = self.line_of(c.range);
        self.push_unit(scope, qual.clone());
        self.b().cur_line = firstline;
        // `__module__ = __name__`, read through the namespace first as CPython does (a
        // metaclass's `__prepare__` mapping sees the lookup).
        let n = self.b().name("__name__");
        self.emit(Instr::LoadName(n));
        let m = self.b().name("__module__");
        self.emit(Instr::StoreName(m));
        let q = self.b().str_const(&qual);
        self.emit(Instr::LoadConst(q));
        let qn = self.b().name("__qualname__");
        self.emit(Instr::StoreName(qn));
        if generic.is_some() {
            self.load_name(".type_params");
            let n = self.b().name("__type_params__");
            self.emit(Instr::StoreName(n));
        }
        if scope.cellvars.iter().any(|c| c == "__classdict__") {
            // Annotation scopes in the body read the namespace through this cell.
            self.emit(Instr::LoadLocals);
            let i = self.cell_index("__classdict__");
            self.emit(Instr::StoreDeref(i));
        }
        let body: &[Stmt] = &c.body;
        // The class's `__doc__` (not at `-OO`).
        if let (Some(Stmt::Expr(e)), true) = (body.first(), crate::optimize_level() < 2) {
            if let Expr::StringLiteral(s) = &*e.value {
                let d = self.b().str_const(s.value.to_str());
                self.emit(Instr::LoadConst(d));
                let dn = self.b().name("__doc__");
                self.emit(Instr::StoreName(dn));
            }
        }
        if has_annotations(body) && self.future_annotations {
            self.setup_annotations();
        }
        self.stmts(body)?;
        let aq = format!("{qual}.__annotate__");
        self.body_annotate(body, key(c.range), "__annotate_func__", aq, c.range)?;
        if scope.needs_class_cell {
            let i = self.cell_index("__class__");
            self.emit(Instr::StoreClassCell(i));
        }
        self.b().load_const(Value::None);
        self.emit(Instr::ReturnValue);
        let code = self.pop_unit(&c.name.id, firstline, 0, 0, 0, 0);
        self.make_function(code, 0);
        let name = self.b().str_const(&c.name.id);
        self.emit(Instr::LoadConst(name));
        match &c.arguments {
            _ if generic.is_some() => self.generic_class_call(c)?,
            Some(args) => self.call_args(&args.args, &args.keywords, 2, c.range)?,
            None => self.emit(Instr::Call(2)),
        }
        self.exit_generic(generic, c.range, &c.name.id)?;
        for _ in &c.decorator_list {
            self.emit(Instr::Call(1));
        }
        self.store_name(&c.name.id);
        Ok(())
    }

    /// Comprehensions and generator expressions: a nested function called with the
    /// outermost iterator.
    pub fn comprehension(
        &mut self,
        range: TextRange,
        kind: CompKind<'a>,
        gens: &'a [ast::Comprehension],
    ) -> CResult {
        let scope = self.child_scope(range);
        let name = match kind {
            CompKind::List(_) => "<listcomp>",
            CompKind::Set(_) => "<setcomp>",
            CompKind::Dict(..) => "<dictcomp>",
            CompKind::Gen(_) => "<genexpr>",
        };
        let qual = self.child_qualname(name);
        let firstline = self.line_of(range);
        self.push_unit(scope, qual);
        self.b().cur_line = firstline;
        match kind {
            CompKind::List(_) => self.emit(Instr::BuildList(0)),
            CompKind::Set(_) => self.emit(Instr::BuildSet(0)),
            CompKind::Dict(..) => self.emit(Instr::BuildMap(0)),
            CompKind::Gen(_) => {}
        }
        self.comp_loop(&kind, gens, 0, 1)?;
        if matches!(kind, CompKind::Gen(_)) {
            self.b().load_const(Value::None);
        }
        self.emit(Instr::ReturnValue);
        let code = self.pop_unit(name, firstline, 1, 0, 0, 0);
        self.make_function(code, 0);
        self.expr(&gens[0].iter)?;
        self.emit(if gens[0].is_async {
            Instr::GetAIter
        } else {
            Instr::GetIter
        });
        self.emit(Instr::Call(1));
        // An async list/set/dict comprehension is a coroutine: awaited here.
        if scope.is_coroutine && !scope.is_generator {
            self.emit_await(0);
        }
        Ok(())
    }

    fn comp_loop(
        &mut self,
        kind: &CompKind<'a>,
        gens: &'a [ast::Comprehension],
        i: usize,
        depth: u32,
    ) -> CResult {
        let g = &gens[i];
        let start = self.b().new_label();
        let end = self.b().new_label();
        if i == 0 {
            self.emit(Instr::LoadFast(0));
        } else {
            self.expr(&g.iter)?;
            self.emit(if g.is_async {
                Instr::GetAIter
            } else {
                Instr::GetIter
            });
        }
        self.b().bind(start);
        let anext_end = if g.is_async {
            // The iterators of the loops so far, and the accumulator under them.
            let held = depth + u32::from(!matches!(kind, CompKind::Gen(_)));
            Some(self.emit_anext(held))
        } else {
            self.emit(Instr::ForIter(end.0));
            None
        };
        self.store_target(&g.target)?;
        for cond in &g.ifs {
            self.jump_if(cond, false, start)?;
        }
        if i + 1 < gens.len() {
            self.comp_loop(kind, gens, i + 1, depth + 1)?;
        } else {
            match kind {
                CompKind::List(e) => {
                    self.expr(e)?;
                    self.emit(Instr::ListAppend(depth + 1));
                }
                CompKind::Set(e) => {
                    self.expr(e)?;
                    self.emit(Instr::SetAdd(depth + 1));
                }
                CompKind::Dict(k, v) => {
                    self.expr(k)?;
                    self.expr(v)?;
                    self.emit(Instr::MapAdd(depth + 1));
                }
                CompKind::Gen(e) => {
                    self.expr(e)?;
                    if self.scope().is_coroutine {
                        self.emit(Instr::AsyncGenWrap);
                    }
                    self.emit(Instr::YieldValue);
                    self.emit(Instr::Pop);
                }
            }
        }
        self.emit(Instr::Jump(start.0));
        if let Some(h) = anext_end {
            self.b().bind(h);
            self.emit(Instr::EndAsyncFor);
        }
        self.b().bind(end);
        Ok(())
    }
}

/// What a comprehension builds.
pub enum CompKind<'a> {
    List(&'a Expr),
    Set(&'a Expr),
    Dict(&'a Expr, &'a Expr),
    Gen(&'a Expr),
}

/// Helper to read an interned name back.
pub trait StrPayload {
    fn as_str_payload(&self) -> &str;
}
impl StrPayload for ObjRef {
    fn as_str_payload(&self) -> &str {
        match self.payload() {
            Payload::Str(s) => s.as_str(),
            _ => "",
        }
    }
}
