//! `try` … `except*` (PEP 654).
//!
//! Each `except* T` clause takes the part of the exception group that matches `T` and
//! runs with it; several clauses can run for one group. What leaves the statement is
//! what the clauses raised, plus what no clause matched, in the group's shape. The
//! handler keeps four values on the stack while the clauses run:
//!
//! ```text
//! [prev_handled, orig, raised_list, rest]
//! ```
//!
//! `rest` is the part not matched yet (`orig` at first). A clause computes
//! `(match, rest) = star_match(rest, T)` (intrinsic `STAR_MATCH`; a bare exception that
//! matches is wrapped in a group); when `match` is not None its body runs with `match` as
//! the handled exception (`PushExcInfo`, so `sys.exception()` and implicit chaining see
//! it), and an exception raised in the body is appended to `raised_list` instead of
//! leaving. After the last clause `rest` joins the list and `PREP_RERAISE_STAR(orig,
//! list)` computes the exception to re-raise (None: all handled).
//!
//! Invariant: the body's frame block holds five values (the four above and the
//! `prev_handled` of its own `PushExcInfo`), so nested handlers truncate the stack to the
//! right depth. `break`, `continue` and `return` cannot leave an `except*` body (a
//! SyntaxError, as in CPython): a clause must not skip the others.
use gilvm_object::code::Instr;
use gilvm_object::intrinsics;
use gilvm_object::Value;
use ruff_python_ast::{self as ast};

use super::{CResult, Compiler, FBlock};

impl<'a, 'py> Compiler<'a, 'py> {
    pub(crate) fn try_star(&mut self, t: &'a ast::StmtTry) -> CResult {
        let handler = self.b().new_label();
        let cleanup = self.b().new_label();
        let orelse = self.b().new_label();
        let reraise = self.b().new_label();
        let end = self.b().new_label();
        let base = self.try_body(&t.body, handler, orelse)?;

        // [prev, orig] → [prev, orig, list, rest=orig]
        self.b().bind(handler);
        self.emit(Instr::PushExcInfo);
        self.push_handler(cleanup, base + 1);
        self.emit(Instr::Copy(1));
        self.emit(Instr::BuildList(0));
        self.emit(Instr::Swap(2));
        for h in &t.handlers {
            let ast::ExceptHandler::ExceptHandler(h) = h;
            let prev = self.set_loc(h.range);
            let next = self.b().new_label();
            let no_match = self.b().new_label();
            let Some(ty) = &h.type_ else {
                return Err(crate::error::CompileError::syntax(
                    "expected one or more exception types".into(),
                    h.range,
                ));
            };
            self.expr(ty)?;
            // [.., rest, T] → [.., rest', match]
            self.emit(Instr::CallIntrinsic(intrinsics::STAR_MATCH << 8 | 2));
            self.emit(Instr::UnpackSequence(2));
            self.emit(Instr::Copy(1));
            self.b().load_const(Value::None);
            self.emit(Instr::IsOp(0));
            self.emit(Instr::PopJumpIfTrue(no_match.0));
            // [.., rest', match] → [.., rest', prev2, match]: match is the handled one.
            self.emit(Instr::PushExcInfo);
            let name = h.name.as_ref().map(|n| n.id.to_string());
            match &name {
                Some(n) => self.store_name(n),
                None => self.emit(Instr::Pop),
            }
            let body_exc = self.b().new_label();
            self.push_handler(body_exc, base + 5);
            self.push_fblock(FBlock::ExceptStarHandler);
            self.stmts(&h.body)?;
            self.pop_fblock();
            self.pop_handler();
            self.emit(Instr::PopExcept);
            if let Some(n) = &name {
                self.clear_name(n);
            }
            self.emit(Instr::Jump(next.0));
            // Raised in the body: [.., rest', prev2, exc] → keep exc in the list.
            self.b().bind(body_exc);
            self.emit(Instr::Swap(2));
            self.emit(Instr::PopExcept);
            if let Some(n) = &name {
                self.clear_name(n);
            }
            self.emit(Instr::ListAppend(2));
            self.emit(Instr::Jump(next.0));
            self.b().bind(no_match);
            self.emit(Instr::Pop);
            self.b().bind(next);
            self.restore_loc(prev);
        }
        // [prev, orig, list, rest] → [prev, result]
        self.emit(Instr::ListAppend(1));
        self.emit(Instr::CallIntrinsic(intrinsics::PREP_RERAISE_STAR << 8 | 2));
        self.emit(Instr::Copy(1));
        self.b().load_const(Value::None);
        self.emit(Instr::IsOp(0));
        self.emit(Instr::PopJumpIfFalse(reraise.0));
        self.emit(Instr::Pop);
        self.emit(Instr::PopExcept);
        self.emit(Instr::Jump(end.0));
        // Re-raised through the clean-up, which restores the previous handled exception.
        self.b().bind(reraise);
        self.emit(Instr::Reraise);
        self.pop_handler();
        self.emit_cleanup(cleanup);

        self.b().bind(orelse);
        self.stmts(&t.orelse)?;
        self.b().bind(end);
        Ok(())
    }
}
