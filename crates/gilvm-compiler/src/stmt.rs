//! Statement code generation.
use ruff_python_ast::{self as ast, Expr, Stmt};
use ruff_text_size::Ranged;

use gilvm_object::code::Instr;
use gilvm_object::Value;

use crate::codegen::{CResult, Compiler, FBlock};
use crate::error::CompileError;
use crate::symtable::ScopeKind;

impl<'a, 'py> Compiler<'a, 'py> {
    pub fn stmts(&mut self, body: &'a [Stmt]) -> CResult {
        for s in body {
            self.stmt(s)?;
        }
        Ok(())
    }

    pub fn stmt(&mut self, s: &'a Stmt) -> CResult {
        let prev = self.set_loc(s.range());
        let r = self.stmt_inner(s);
        self.restore_loc(prev);
        r
    }

    fn stmt_inner(&mut self, s: &'a Stmt) -> CResult {
        match s {
            Stmt::Expr(e) => {
                self.expr(&e.value)?;
                // `compile(..., 'single')`: the module body's expression statements show
                // their value (CPython's interactive mode).
                if self.interactive && self.units.len() == 1 {
                    self.emit(Instr::PrintExpr);
                } else {
                    self.emit(Instr::Pop);
                }
            }
            Stmt::Assign(a) => {
                self.expr(&a.value)?;
                let n = a.targets.len();
                for (i, t) in a.targets.iter().enumerate() {
                    if i + 1 < n {
                        self.emit(Instr::Copy(1));
                    }
                    self.store_target(t)?;
                }
            }
            Stmt::AugAssign(a) => self.aug_assign(a)?,
            Stmt::AnnAssign(a) => {
                if let Some(v) = &a.value {
                    self.expr(v)?;
                    self.store_target(&a.target)?;
                }
                // In a module or class body, `name: T` records T in `__annotations__`;
                // other targets' annotations are evaluated and dropped. In a function
                // nothing is evaluated (CPython 3.13).
                let kind = self.units.last().map(|u| u.scope.kind);
                if matches!(kind, Some(ScopeKind::Module | ScopeKind::Class)) {
                    match &*a.target {
                        // PEP 649: in the body's `__annotate__` (codegen/annotate.rs);
                        // other targets' annotations are not evaluated.
                        _ if !self.future_annotations => {}
                        Expr::Name(n) if a.simple => {
                            self.annotation(&a.annotation)?;
                            let d = self.b().name("__annotations__");
                            self.emit(Instr::LoadName(d));
                            let name = self.scope().mangle(&n.id);
                            let k = self.b().str_const(&name);
                            self.emit(Instr::LoadConst(k));
                            self.emit(Instr::StoreSubscr);
                        }
                        _ => {
                            if !self.future_annotations {
                                self.expr(&a.annotation)?;
                                self.emit(Instr::Pop);
                            }
                        }
                    }
                }
            }
            // A line of its own for `sys.settrace` (CPython keeps a NOP for it too).
            Stmt::Pass(_) => self.emit(Instr::Nop),
            Stmt::Delete(d) => {
                for t in &d.targets {
                    self.delete_target(t)?;
                }
            }
            Stmt::If(i) => self.if_stmt(i)?,
            Stmt::While(w) => self.while_stmt(w)?,
            Stmt::For(f) => self.for_stmt(f)?,
            // `break` and `continue` start with a NOP of their line: the traced loop reports
            // no line at a `Jump` (`linetrace.rs`).
            Stmt::Break(b) => {
                self.emit(Instr::Nop);
                let (_, brk, is_for) = self.unwind(true, false, b.range)?.unwrap();
                if is_for {
                    self.emit(Instr::Pop);
                }
                self.emit(Instr::Jump(brk.0));
            }
            Stmt::Continue(c) => {
                self.emit(Instr::Nop);
                let r = self.unwind(true, false, c.range).map_err(|mut e| {
                    if e.msg == "'break' outside loop" {
                        e.msg = "'continue' not properly in loop".into();
                    }
                    e
                })?;
                let (cont, _, _) = r.unwrap();
                self.emit(Instr::Jump(cont.0));
            }
            Stmt::Return(r) => {
                if matches!(self.scope().kind, ScopeKind::Module | ScopeKind::Class) {
                    return Err(CompileError::syntax(
                        "'return' outside function".into(),
                        r.range,
                    ));
                }
                match &r.value {
                    Some(v) => self.expr(v)?,
                    None => self.b().load_const(Value::None),
                }
                let before = self.b().instrs.len();
                self.unwind(false, true, r.range)?;
                // After an inlined `finally` (or `with` exit), the return is that code's.
                if self.b().instrs.len() != before {
                    self.b().emit_inherit(Instr::ReturnValue);
                } else {
                    self.emit(Instr::ReturnValue);
                }
            }
            Stmt::FunctionDef(f) => self.function_def(f)?,
            Stmt::ClassDef(c) => self.class_def(c)?,
            Stmt::Global(_) | Stmt::Nonlocal(_) => {}
            Stmt::Raise(r) => {
                let mut n = 0;
                if let Some(e) = &r.exc {
                    self.expr(e)?;
                    n = 1;
                    if let Some(c) = &r.cause {
                        self.expr(c)?;
                        n = 2;
                    }
                }
                self.emit(Instr::Raise(n));
            }
            // `-O` removes assert statements.
            Stmt::Assert(_) if crate::optimize_level() > 0 => {}
            Stmt::Assert(a) => {
                let end = self.b().new_label();
                self.jump_if(&a.test, true, end)?;
                // The raise is located at the test, as CPython's (a traceback's carets
                // point at the failed condition).
                let prev = self.set_loc(a.test.range());
                self.emit(Instr::LoadAssertionError);
                if let Some(m) = &a.msg {
                    self.expr(m)?;
                    self.set_loc(a.test.range());
                    self.emit(Instr::Call(1));
                }
                self.emit(Instr::Raise(1));
                self.restore_loc(prev);
                self.b().bind(end);
            }
            Stmt::Try(t) => {
                if t.finalbody.is_empty() {
                    self.try_except(t)?;
                } else {
                    self.try_finally(t)?;
                }
            }
            Stmt::With(w) => {
                if w.is_async {
                    self.async_with_stmt(&w.items, &w.body)?;
                } else {
                    self.with_stmt(&w.items, &w.body)?;
                }
            }
            Stmt::Import(i) => {
                for a in &i.names {
                    self.b().load_const(Value::Int(0));
                    self.b().load_const(Value::None);
                    // A dotted name is never mangled (the parts after the first stay
                    // as they are in `import a.__b as c`, as in CPython).
                    let n = self.mangled_name(&a.name.id);
                    self.emit(Instr::ImportName(n));
                    match &a.asname {
                        Some(asname) => {
                            for part in a.name.id.split('.').skip(1) {
                                let p = self.b().name(part);
                                self.emit(Instr::LoadAttr(p));
                            }
                            self.store_name(&asname.id);
                        }
                        None => {
                            let top = a.name.id.split('.').next().unwrap_or("").to_string();
                            self.store_name(&top);
                        }
                    }
                }
            }
            Stmt::ImportFrom(i)
                if i.level == 0
                    && i.module.as_ref().map(|m| m.id.as_str()) == Some("__future__")
                    && !self.future_imports.contains(&i.range) =>
            {
                return Err(CompileError::syntax(
                    "from __future__ imports must occur at the beginning of the file".into(),
                    i.range,
                ));
            }
            Stmt::ImportFrom(i) => {
                self.b().load_const(Value::Int(i.level as i64));
                let names: Vec<Value> = i
                    .names
                    .iter()
                    .map(|a| Value::Obj(gilvm_object::str::intern(self.py, &a.name.id)))
                    .collect();
                let tuple = gilvm_object::ObjRef::new_immortal(
                    self.py,
                    gilvm_object::Owned::Tuple(names.into_boxed_slice()),
                );
                self.b().load_const(Value::Obj(tuple));
                let modname = i
                    .module
                    .as_ref()
                    .map(|m| m.id.to_string())
                    .unwrap_or_default();
                let n = self.mangled_name(&modname);
                self.emit(Instr::ImportName(n));
                if i.names.len() == 1 && &*i.names[0].name.id == "*" {
                    if self.scope().kind != ScopeKind::Module {
                        return Err(CompileError::syntax(
                            "import * only allowed at module level".into(),
                            i.range,
                        ));
                    }
                    self.emit(Instr::ImportStar);
                } else {
                    for a in &i.names {
                        let n = self.mangled_name(&a.name.id);
                        self.emit(Instr::ImportFrom(n));
                        self.store_name(&a.asname.as_ref().unwrap_or(&a.name).id);
                    }
                    self.emit(Instr::Pop);
                }
            }
            Stmt::Match(m) => self.match_stmt(m)?,
            Stmt::TypeAlias(t) => self.type_alias_stmt(t)?,
            Stmt::IpyEscapeCommand(e) => {
                return Err(CompileError::syntax("invalid syntax".into(), e.range))
            }
        }
        Ok(())
    }

    fn aug_assign(&mut self, a: &'a ast::StmtAugAssign) -> CResult {
        let op = crate::expr::binop(a.op);
        match &*a.target {
            Expr::Name(n) => {
                self.load_name(&n.id);
                self.expr(&a.value)?;
                self.emit(Instr::InplaceOp(op));
                self.store_name(&n.id);
            }
            Expr::Attribute(at) => {
                self.expr(&at.value)?;
                self.emit(Instr::Copy(1));
                let n = self.mangled_name(&at.attr.id);
                self.emit(Instr::LoadAttr(n));
                self.expr(&a.value)?;
                self.emit(Instr::InplaceOp(op));
                self.emit(Instr::Swap(2));
                self.emit(Instr::StoreAttr(n));
            }
            Expr::Subscript(sb) => {
                self.expr(&sb.value)?;
                self.expr(&sb.slice)?;
                self.emit(Instr::Copy(2));
                self.emit(Instr::Copy(2));
                self.emit(Instr::BinarySubscr);
                self.expr(&a.value)?;
                self.emit(Instr::InplaceOp(op));
                // [c, k, v] -> [v, c, k]
                self.emit(Instr::Swap(3));
                self.emit(Instr::Swap(2));
                self.emit(Instr::StoreSubscr);
            }
            other => {
                return Err(CompileError::syntax(
                    "'expression' is an illegal expression for augmented assignment".into(),
                    other.range(),
                ))
            }
        }
        Ok(())
    }

    pub fn store_target(&mut self, t: &'a Expr) -> CResult {
        match t {
            Expr::Name(n) => self.store_name(&n.id),
            Expr::Attribute(a) => {
                self.expr(&a.value)?;
                let n = self.mangled_name(&a.attr.id);
                self.emit(Instr::StoreAttr(n));
            }
            Expr::Subscript(s) => {
                self.expr(&s.value)?;
                self.expr(&s.slice)?;
                self.emit(Instr::StoreSubscr);
            }
            Expr::Tuple(x) => self.unpack(&x.elts)?,
            Expr::List(x) => self.unpack(&x.elts)?,
            Expr::Starred(s) => {
                return Err(CompileError::syntax(
                    "starred assignment target must be in a list or tuple".into(),
                    s.range,
                ))
            }
            other => {
                let what = crate::expr::describe(other);
                return Err(CompileError::syntax(
                    format!("cannot assign to {what}"),
                    other.range(),
                ));
            }
        }
        Ok(())
    }

    fn unpack(&mut self, elts: &'a [Expr]) -> CResult {
        let star = elts.iter().position(|e| matches!(e, Expr::Starred(_)));
        match star {
            None => self.emit(Instr::UnpackSequence(elts.len() as u32)),
            Some(i) => {
                if elts
                    .iter()
                    .filter(|e| matches!(e, Expr::Starred(_)))
                    .count()
                    > 1
                {
                    return Err(CompileError::syntax(
                        "multiple starred expressions in assignment".into(),
                        elts[i].range(),
                    ));
                }
                let after = elts.len() - i - 1;
                self.emit(Instr::UnpackEx(i as u32 | (after as u32) << 8));
            }
        }
        for e in elts {
            match e {
                Expr::Starred(s) => self.store_target(&s.value)?,
                other => self.store_target(other)?,
            }
        }
        Ok(())
    }

    fn delete_target(&mut self, t: &'a Expr) -> CResult {
        match t {
            Expr::Name(n) => self.delete_name(&n.id),
            Expr::Attribute(a) => {
                self.expr(&a.value)?;
                let n = self.mangled_name(&a.attr.id);
                self.emit(Instr::DeleteAttr(n));
            }
            Expr::Subscript(s) => {
                self.expr(&s.value)?;
                self.expr(&s.slice)?;
                self.emit(Instr::DeleteSubscr);
            }
            Expr::Tuple(x) => {
                for e in &x.elts {
                    self.delete_target(e)?;
                }
            }
            Expr::List(x) => {
                for e in &x.elts {
                    self.delete_target(e)?;
                }
            }
            other => {
                let what = crate::expr::describe(other);
                return Err(CompileError::syntax(
                    format!("cannot delete {what}"),
                    other.range(),
                ));
            }
        }
        Ok(())
    }

    fn if_stmt(&mut self, i: &'a ast::StmtIf) -> CResult {
        let end = self.b().new_label();
        let mut next = self.b().new_label();
        self.jump_if(&i.test, false, next)?;
        self.stmts(&i.body)?;
        for clause in &i.elif_else_clauses {
            self.b().emit_inherit(Instr::Jump(end.0));
            self.b().bind(next);
            next = self.b().new_label();
            if let Some(t) = &clause.test {
                let prev = self.set_loc(t.range());
                self.jump_if(t, false, next)?;
                self.restore_loc(prev);
            }
            self.stmts(&clause.body)?;
        }
        self.b().bind(next);
        self.b().bind(end);
        Ok(())
    }

    fn while_stmt(&mut self, w: &'a ast::StmtWhile) -> CResult {
        let top = self.b().new_label();
        let brk = self.b().new_label();
        let orelse = self.b().new_label();
        self.b().bind(top);
        self.jump_if(&w.test, false, orelse)?;
        self.push_fblock(FBlock::Loop {
            cont: top,
            brk,
            is_for: false,
        });
        self.stmts(&w.body)?;
        self.pop_fblock();
        self.b().emit_inherit(Instr::Jump(top.0));
        self.b().bind(orelse);
        self.stmts(&w.orelse)?;
        self.b().bind(brk);
        Ok(())
    }

    fn for_stmt(&mut self, f: &'a ast::StmtFor) -> CResult {
        if f.is_async {
            return self.async_for_stmt(f);
        }
        let top = self.b().new_label();
        let brk = self.b().new_label();
        let exhausted = self.b().new_label();
        self.expr(&f.iter)?;
        self.emit(Instr::GetIter);
        self.b().bind(top);
        let prev = self.set_loc(f.iter.range());
        self.emit(Instr::ForIter(exhausted.0));
        let for_line = self.b().cur_line;
        self.restore_loc(prev);
        self.push_fblock(FBlock::Loop {
            cont: top,
            brk,
            is_for: true,
        });
        self.store_target(&f.target)?;
        self.stmts(&f.body)?;
        self.pop_fblock();
        self.b().emit_inherit(Instr::Jump(top.0));
        self.b().bind(exhausted);
        // CPython's loop exit (END_FOR, POP_ITER) is on the `for` line: so is what
        // follows without a line of its own (an enclosing loop's jump back).
        self.b().inherit_line_next(for_line);
        self.stmts(&f.orelse)?;
        self.b().bind(brk);
        Ok(())
    }

    /// `[exc_prev, exc]` handler clean-up: restore the previous exception and re-raise.
    pub(crate) fn emit_cleanup(&mut self, label: crate::builder::Label) {
        self.b().bind(label);
        // On the line emitted last (the handler's end): no 'line' event of its own.
        self.b().emit_inherit(Instr::Swap(2));
        self.b().emit_inherit(Instr::PopExcept);
        self.b().emit_inherit(Instr::Reraise);
    }

    /// The body of a `try` with an exception handler at `handler`, then a jump to
    /// `orelse`; returns the stack depth the handler starts from.
    pub(crate) fn try_body(
        &mut self,
        body: &'a [Stmt],
        handler: crate::builder::Label,
        orelse: crate::builder::Label,
    ) -> CResult<u32> {
        let base = self.depth();
        // The `try:` line runs (a 'line' event of its own, as CPython's NOP).
        self.emit(Instr::Nop);
        self.push_handler(handler, base);
        self.push_fblock(FBlock::TryExcept);
        self.stmts(body)?;
        self.pop_fblock();
        self.pop_handler();
        self.b().emit_inherit(Instr::Jump(orelse.0));
        Ok(base)
    }

    fn try_except(&mut self, t: &'a ast::StmtTry) -> CResult {
        if t.is_star {
            return self.try_star(t);
        }
        let handler = self.b().new_label();
        let cleanup = self.b().new_label();
        let orelse = self.b().new_label();
        let end = self.b().new_label();
        let base = self.try_body(&t.body, handler, orelse)?;

        self.b().bind(handler);
        // On the first `except` line: the handler starts there for line events.
        let first = match t.handlers.first() {
            Some(ast::ExceptHandler::ExceptHandler(h)) => Some(self.set_loc(h.range)),
            None => None,
        };
        self.emit(Instr::PushExcInfo);
        if let Some(prev) = first {
            self.restore_loc(prev);
        }
        self.push_handler(cleanup, base + 1);
        for (idx, h) in t.handlers.iter().enumerate() {
            let ast::ExceptHandler::ExceptHandler(h) = h;
            let prev = self.set_loc(h.range);
            let next = self.b().new_label();
            match &h.type_ {
                Some(ty) => {
                    self.expr(ty)?;
                    self.emit(Instr::CheckExcMatch);
                    self.emit(Instr::PopJumpIfFalse(next.0));
                }
                None => {
                    if idx + 1 != t.handlers.len() {
                        return Err(CompileError::syntax(
                            "default 'except:' must be last".into(),
                            h.range,
                        ));
                    }
                }
            }
            match &h.name {
                Some(n) => {
                    self.store_name(&n.id);
                    let name_cleanup = self.b().new_label();
                    self.push_handler(name_cleanup, base + 1);
                    self.push_fblock(FBlock::ExceptHandler {
                        name: Some(n.id.to_string()),
                    });
                    self.stmts(&h.body)?;
                    self.pop_fblock();
                    self.pop_handler();
                    let prev_line = self.b().cur_line;
                    let last = self.b().lines.last().copied().unwrap_or(prev_line);
                    self.b().cur_line = last;
                    self.emit(Instr::PopExcept);
                    self.clear_name(&n.id);
                    self.emit(Instr::Jump(end.0));
                    self.b().cur_line = prev_line;
                    // An exception inside the body: clear the name, then the outer clean-up.
                    self.b().bind(name_cleanup);
                    self.clear_name(&n.id);
                    self.emit(Instr::Reraise);
                }
                None => {
                    self.emit(Instr::Pop);
                    self.push_fblock(FBlock::ExceptHandler { name: None });
                    self.stmts(&h.body)?;
                    self.pop_fblock();
                    self.b().emit_inherit(Instr::PopExcept);
                    self.b().emit_inherit(Instr::Jump(end.0));
                }
            }
            self.b().bind(next);
            self.restore_loc(prev);
        }
        // No clause matched: re-raise (through the clean-up), on the last clause's line.
        let last = match t.handlers.last() {
            Some(ast::ExceptHandler::ExceptHandler(h)) => Some(self.set_loc(h.range)),
            None => None,
        };
        self.emit(Instr::Reraise);
        if let Some(prev) = last {
            self.restore_loc(prev);
        }
        self.pop_handler();
        self.emit_cleanup(cleanup);

        self.b().bind(orelse);
        self.stmts(&t.orelse)?;
        self.b().bind(end);
        Ok(())
    }

    fn try_finally(&mut self, t: &'a ast::StmtTry) -> CResult {
        let handler = self.b().new_label();
        let cleanup = self.b().new_label();
        let end = self.b().new_label();
        let base = self.depth();
        if t.handlers.is_empty() {
            // The `try:` line (`try_body` emits it when there are handlers).
            self.emit(Instr::Nop);
        }
        self.push_handler(handler, base);
        self.push_fblock(FBlock::TryFinally { body: &t.finalbody });
        if t.handlers.is_empty() {
            self.stmts(&t.body)?;
        } else {
            self.try_except(t)?;
        }
        self.pop_fblock();
        self.pop_handler();
        self.stmts(&t.finalbody)?;
        self.emit(Instr::Jump(end.0));

        self.b().bind(handler);
        // On the `finally` body's first line, where the handler starts for line events.
        let first = t.finalbody.first().map(|s| self.set_loc(s.range()));
        self.emit(Instr::PushExcInfo);
        if let Some(prev) = first {
            self.restore_loc(prev);
        }
        self.push_handler(cleanup, base + 1);
        self.push_fblock(FBlock::FinallyHandler);
        self.stmts(&t.finalbody)?;
        self.pop_fblock();
        self.b().emit_inherit(Instr::Reraise);
        self.pop_handler();
        self.emit_cleanup(cleanup);
        self.b().bind(end);
        Ok(())
    }

    fn with_stmt(&mut self, items: &'a [ast::WithItem], body: &'a [Stmt]) -> CResult {
        let Some((item, rest)) = items.split_first() else {
            return self.stmts(body);
        };
        let handler = self.b().new_label();
        let cleanup = self.b().new_label();
        let suppress = self.b().new_label();
        let end = self.b().new_label();
        let base = self.depth();
        self.expr(&item.context_expr)?;
        self.emit(Instr::BeforeWith);
        self.push_handler(handler, base + 1);
        self.push_fblock(FBlock::With);
        match &item.optional_vars {
            Some(t) => self.store_target(t)?,
            None => self.emit(Instr::Pop),
        }
        self.with_stmt(rest, body)?;
        self.pop_fblock();
        self.pop_handler();
        self.call_exit_none();
        self.emit(Instr::Jump(end.0));

        self.b().bind(handler);
        self.emit(Instr::PushExcInfo);
        self.push_handler(cleanup, base + 2);
        self.emit(Instr::WithExceptStart);
        self.emit(Instr::PopJumpIfTrue(suppress.0));
        self.emit(Instr::Reraise);
        self.b().bind(suppress);
        self.emit(Instr::Pop);
        self.emit(Instr::PopExcept);
        self.emit(Instr::Pop);
        self.pop_handler();
        self.emit(Instr::Jump(end.0));
        self.emit_cleanup(cleanup);
        self.b().bind(end);
        Ok(())
    }

    /// `async for`: `[aiter]` is held while the body runs (as `for` holds its iterator);
    /// each step awaits `__anext__()`, whose StopAsyncIteration ends the loop.
    fn async_for_stmt(&mut self, f: &'a ast::StmtFor) -> CResult {
        let top = self.b().new_label();
        let brk = self.b().new_label();
        self.expr(&f.iter)?;
        let prev = self.set_loc(f.iter.range());
        self.emit(Instr::GetAIter);
        self.restore_loc(prev);
        self.b().bind(top);
        let base = self.depth();
        let prev = self.set_loc(f.iter.range());
        let exhausted = self.emit_anext(base + 1);
        self.restore_loc(prev);
        self.push_fblock(FBlock::Loop {
            cont: top,
            brk,
            is_for: true,
        });
        self.store_target(&f.target)?;
        self.stmts(&f.body)?;
        self.pop_fblock();
        self.b().emit_inherit(Instr::Jump(top.0));
        self.b().bind(exhausted);
        self.emit(Instr::EndAsyncFor);
        self.stmts(&f.orelse)?;
        self.b().bind(brk);
        Ok(())
    }

    /// `async with`: as `with`, with `__aenter__()` and `__aexit__()` awaited.
    fn async_with_stmt(&mut self, items: &'a [ast::WithItem], body: &'a [Stmt]) -> CResult {
        let Some((item, rest)) = items.split_first() else {
            return self.stmts(body);
        };
        let handler = self.b().new_label();
        let cleanup = self.b().new_label();
        let suppress = self.b().new_label();
        let end = self.b().new_label();
        let base = self.depth();
        self.expr(&item.context_expr)?;
        self.emit(Instr::BeforeAsyncWith);
        self.emit_await(1);
        self.push_handler(handler, base + 1);
        self.push_fblock(FBlock::AsyncWith);
        match &item.optional_vars {
            Some(t) => self.store_target(t)?,
            None => self.emit(Instr::Pop),
        }
        self.async_with_stmt(rest, body)?;
        self.pop_fblock();
        self.pop_handler();
        self.call_aexit_none();
        self.emit(Instr::Jump(end.0));

        self.b().bind(handler);
        self.emit(Instr::PushExcInfo);
        self.push_handler(cleanup, base + 2);
        self.emit(Instr::WithExceptStart);
        self.emit_await(2);
        self.emit(Instr::PopJumpIfTrue(suppress.0));
        self.emit(Instr::Reraise);
        self.b().bind(suppress);
        self.emit(Instr::Pop);
        self.emit(Instr::PopExcept);
        self.emit(Instr::Pop);
        self.pop_handler();
        self.emit(Instr::Jump(end.0));
        self.emit_cleanup(cleanup);
        self.b().bind(end);
        Ok(())
    }
}
