//! Expression code generation, with constant folding of numeric literals.
use gilvm_object::Owned;
use num_bigint::BigInt;
use num_traits::{ToPrimitive, Zero};
use ruff_python_ast::{self as ast, Expr};
use ruff_text_size::{Ranged, TextRange};

use gilvm_object::code::{BinOp, CmpOp, Instr, UnOp};
use gilvm_object::{ObjRef, Value};

use crate::builder::Label;
use crate::codegen::{CResult, CompKind, Compiler};
use crate::error::CompileError;

pub fn binop(op: ast::Operator) -> BinOp {
    use ast::Operator as O;
    match op {
        O::Add => BinOp::Add,
        O::Sub => BinOp::Sub,
        O::Mult => BinOp::Mul,
        O::MatMult => BinOp::MatMul,
        O::Div => BinOp::TrueDiv,
        O::Mod => BinOp::Mod,
        O::Pow => BinOp::Pow,
        O::LShift => BinOp::LShift,
        O::RShift => BinOp::RShift,
        O::BitOr => BinOp::Or,
        O::BitXor => BinOp::Xor,
        O::BitAnd => BinOp::And,
        O::FloorDiv => BinOp::FloorDiv,
    }
}

/// CPython's description of an expression in "cannot assign to …" messages.
pub fn describe(e: &Expr) -> &'static str {
    match e {
        Expr::Call(_) => "function call",
        Expr::NumberLiteral(_)
        | Expr::StringLiteral(_)
        | Expr::BytesLiteral(_)
        | Expr::BooleanLiteral(_)
        | Expr::NoneLiteral(_)
        | Expr::EllipsisLiteral(_) => "literal",
        Expr::BinOp(_) | Expr::UnaryOp(_) => "expression",
        Expr::BoolOp(_) => "expression",
        Expr::Compare(_) => "comparison",
        Expr::Lambda(_) => "lambda",
        Expr::If(_) => "conditional expression",
        Expr::Dict(_) => "dict literal",
        Expr::Set(_) => "set display",
        Expr::ListComp(_) => "list comprehension",
        Expr::SetComp(_) => "set comprehension",
        Expr::DictComp(_) => "dict comprehension",
        Expr::Generator(_) => "generator expression",
        Expr::Yield(_) | Expr::YieldFrom(_) => "yield expression",
        Expr::FString(_) => "f-string expression",
        Expr::Named(_) => "named expression",
        _ => "expression",
    }
}

/// A folded constant.
pub(crate) enum K {
    Int(BigInt),
    Float(f64),
}

impl<'a, 'py> Compiler<'a, 'py> {
    pub fn expr(&mut self, e: &'a Expr) -> CResult {
        let prev = self.set_loc(e.range());
        let r = self.expr_inner(e);
        self.restore_loc(prev);
        r
    }

    pub(crate) fn fold(&self, e: &Expr) -> Option<K> {
        match e {
            Expr::NumberLiteral(n) => match &n.value {
                ast::Number::Int(i) => {
                    let s = i.to_string();
                    parse_int_literal(&s).map(K::Int)
                }
                ast::Number::Float(f) => Some(K::Float(*f)),
                ast::Number::Complex { .. } => None,
            },
            Expr::UnaryOp(u) => {
                let v = self.fold(&u.operand)?;
                match (u.op, v) {
                    (ast::UnaryOp::USub, K::Int(i)) => Some(K::Int(-i)),
                    (ast::UnaryOp::USub, K::Float(f)) => Some(K::Float(-f)),
                    (ast::UnaryOp::UAdd, v) => Some(v),
                    (ast::UnaryOp::Invert, K::Int(i)) => Some(K::Int(-i - 1)),
                    _ => None,
                }
            }
            Expr::BinOp(b) => {
                let l = self.fold(&b.left)?;
                let r = self.fold(&b.right)?;
                match (l, r) {
                    (K::Int(a), K::Int(c)) => {
                        let v = match b.op {
                            ast::Operator::Add => a + c,
                            ast::Operator::Sub => a - c,
                            ast::Operator::Mult if a.bits() + c.bits() < 256 => a * c,
                            ast::Operator::Pow => {
                                let e = c.to_u32()?;
                                if (a.bits() as u64) * (e as u64) > 256 {
                                    return None;
                                }
                                num_traits::pow(a, e as usize)
                            }
                            ast::Operator::LShift => {
                                let s = c.to_u32()?;
                                if a.bits() + s as u64 > 256 {
                                    return None;
                                }
                                a << s
                            }
                            _ => return None,
                        };
                        Some(K::Int(v))
                    }
                    (K::Float(a), K::Float(c)) => match b.op {
                        ast::Operator::Add => Some(K::Float(a + c)),
                        ast::Operator::Sub => Some(K::Float(a - c)),
                        ast::Operator::Mult => Some(K::Float(a * c)),
                        _ => None,
                    },
                    _ => None,
                }
            }
            _ => None,
        }
    }

    fn k_value(&self, k: K) -> Value {
        match k {
            K::Int(i) => match i.to_i64() {
                Some(v) => Value::Int(v),
                None => Value::Obj(ObjRef::new_immortal(self.py, Owned::Int(i))),
            },
            K::Float(f) => Value::Float(f),
        }
    }

    fn expr_inner(&mut self, e: &'a Expr) -> CResult {
        if matches!(
            e,
            Expr::NumberLiteral(_) | Expr::UnaryOp(_) | Expr::BinOp(_)
        ) {
            if let Some(k) = self.fold(e) {
                let v = self.k_value(k);
                self.b().load_const(v);
                return Ok(());
            }
        }
        match e {
            Expr::NumberLiteral(n) => match &n.value {
                // An imaginary literal (`2j`; issue 18): an immortal complex constant.
                ast::Number::Complex { real, imag } => {
                    let c = gilvm_object::complex::PyComplex::new(*real, *imag);
                    let o = ObjRef::new_immortal(self.py, Owned::Complex(c));
                    self.b().load_const(Value::Obj(o));
                }
                _ => unreachable!("folded"),
            },
            Expr::StringLiteral(s) => {
                let text = s.value.to_str();
                let i = self.b().str_const(text);
                self.emit(Instr::LoadConst(i));
            }
            Expr::BytesLiteral(b) => {
                let bytes: Vec<u8> = b.value.bytes().collect();
                let o = ObjRef::new_immortal(self.py, Owned::Bytes(bytes.into_boxed_slice()));
                self.b().load_const(Value::Obj(o));
            }
            Expr::BooleanLiteral(b) => self.b().load_const(Value::Bool(b.value)),
            Expr::NoneLiteral(_) => self.b().load_const(Value::None),
            Expr::EllipsisLiteral(_) => {
                let n = self.b().name("Ellipsis");
                self.emit(Instr::LoadGlobal(n));
            }
            // `__debug__` is a constant: False under -O (CPython folds it at compile time).
            Expr::Name(n) if n.id.as_str() == "__debug__" => self
                .b()
                .load_const(Value::Bool(crate::optimize_level() == 0)),
            Expr::Name(n) => self.load_name(&n.id),
            Expr::BinOp(b) => {
                self.expr(&b.left)?;
                self.expr(&b.right)?;
                let prev = self.set_loc(b.range);
                self.emit(Instr::BinaryOp(binop(b.op)));
                self.restore_loc(prev);
            }
            Expr::UnaryOp(u) => {
                self.expr(&u.operand)?;
                self.emit(Instr::UnaryOp(match u.op {
                    ast::UnaryOp::Invert => UnOp::Invert,
                    ast::UnaryOp::Not => UnOp::Not,
                    ast::UnaryOp::UAdd => UnOp::Pos,
                    ast::UnaryOp::USub => UnOp::Neg,
                }));
            }
            Expr::BoolOp(b) => {
                let end = self.b().new_label();
                let n = b.values.len();
                for (i, v) in b.values.iter().enumerate() {
                    self.expr(v)?;
                    if i + 1 < n {
                        match b.op {
                            ast::BoolOp::And => self.emit(Instr::JumpIfFalseOrPop(end.0)),
                            ast::BoolOp::Or => self.emit(Instr::JumpIfTrueOrPop(end.0)),
                        }
                    }
                }
                self.b().bind(end);
            }
            Expr::Compare(c) => self.compare(c)?,
            Expr::If(i) => {
                let orelse = self.b().new_label();
                let end = self.b().new_label();
                self.jump_if(&i.test, false, orelse)?;
                self.expr(&i.body)?;
                self.emit(Instr::Jump(end.0));
                self.b().bind(orelse);
                self.expr(&i.orelse)?;
                self.b().bind(end);
            }
            Expr::Named(n) => {
                self.expr(&n.value)?;
                self.emit(Instr::Copy(1));
                self.store_target(&n.target)?;
            }
            Expr::Lambda(l) => self.lambda(l)?,
            Expr::Call(c) => self.call(c)?,
            Expr::Attribute(a) => {
                self.expr(&a.value)?;
                let prev = self.set_loc(a.range);
                let n = self.mangled_name(&a.attr.id);
                self.emit(Instr::LoadAttr(n));
                self.restore_loc(prev);
            }
            Expr::Subscript(s) => {
                // `x[key]` with `x` a fast local: the subscript reads the container from
                // the local's slot, so no reference is counted on it (a container shared
                // by threads is then not a counter they all write). Only when `key`
                // cannot rebind `x` (no `:=` in it); the order of evaluation and the
                // unbound-local error stay CPython's (`CheckFast` comes first).
                if let Some(i) = self.fast_local_index(&s.value) {
                    if !has_named_expr(&s.slice) {
                        let prev = self.set_loc(s.value.range());
                        self.emit(Instr::CheckFast(i));
                        self.restore_loc(prev);
                        self.expr(&s.slice)?;
                        let prev = self.set_loc(s.range);
                        self.emit(Instr::BinarySubscrFast(i));
                        self.restore_loc(prev);
                        return Ok(());
                    }
                }
                self.expr(&s.value)?;
                self.expr(&s.slice)?;
                let prev = self.set_loc(s.range);
                self.emit(Instr::BinarySubscr);
                self.restore_loc(prev);
            }
            Expr::Slice(s) => {
                for part in [&s.lower, &s.upper] {
                    match part {
                        Some(x) => self.expr(x)?,
                        None => self.b().load_const(Value::None),
                    }
                }
                match &s.step {
                    Some(x) => {
                        self.expr(x)?;
                        self.emit(Instr::BuildSlice(3));
                    }
                    None => self.emit(Instr::BuildSlice(2)),
                }
            }
            Expr::Starred(s) => {
                return Err(CompileError::syntax(
                    "can't use starred expression here".into(),
                    s.range,
                ))
            }
            Expr::Tuple(t) => {
                if let Some(v) = self.const_tuple(&t.elts) {
                    self.b().load_const(v);
                } else {
                    self.sequence(&t.elts, Seq::Tuple)?;
                }
            }
            Expr::List(l) => self.sequence(&l.elts, Seq::List)?,
            Expr::Set(s) => self.sequence(&s.elts, Seq::Set)?,
            Expr::Dict(d) => {
                let has_unpack = d.items.iter().any(|it| it.key.is_none());
                if !has_unpack {
                    for it in &d.items {
                        self.expr(it.key.as_ref().unwrap())?;
                        self.expr(&it.value)?;
                    }
                    self.emit(Instr::BuildMap(d.items.len() as u32));
                } else {
                    self.emit(Instr::BuildMap(0));
                    for it in &d.items {
                        match &it.key {
                            Some(k) => {
                                self.expr(k)?;
                                self.expr(&it.value)?;
                                self.emit(Instr::MapAdd(1));
                            }
                            None => {
                                self.expr(&it.value)?;
                                self.emit(Instr::DictUpdate(1));
                            }
                        }
                    }
                }
            }
            Expr::ListComp(c) => {
                self.comprehension(c.range, CompKind::List(&c.elt), &c.generators)?
            }
            Expr::SetComp(c) => {
                self.comprehension(c.range, CompKind::Set(&c.elt), &c.generators)?
            }
            Expr::DictComp(c) => {
                let Some(k) = &c.key else {
                    return Err(CompileError::syntax(
                        "dict unpacking cannot be used in dict comprehension".into(),
                        c.range,
                    ));
                };
                self.comprehension(c.range, CompKind::Dict(k, &c.value), &c.generators)?
            }
            Expr::Generator(c) => {
                self.comprehension(c.range, CompKind::Gen(&c.elt), &c.generators)?
            }
            Expr::Yield(y) => {
                match &y.value {
                    Some(v) => self.expr(v)?,
                    None => self.b().load_const(Value::None),
                }
                if self.scope().is_coroutine {
                    self.emit(Instr::AsyncGenWrap);
                }
                self.emit(Instr::YieldValue);
            }
            Expr::YieldFrom(y) => {
                self.expr(&y.value)?;
                self.emit(Instr::GetYieldFromIter);
                self.b().load_const(Value::None);
                self.emit(Instr::YieldFrom);
            }
            Expr::FString(f) => self.fstring(f)?,
            Expr::Await(a) => {
                self.expr(&a.value)?;
                self.emit_await(0);
            }
            Expr::TString(t) => self.tstring(t)?,
            Expr::IpyEscapeCommand(i) => {
                return Err(CompileError::syntax("invalid syntax".into(), i.range))
            }
        }
        Ok(())
    }

    fn const_tuple(&self, elts: &[Expr]) -> Option<Value> {
        if elts.is_empty() {
            return Some(Value::Obj(ObjRef::new_immortal(
                self.py,
                Owned::Tuple(Box::new([])),
            )));
        }
        let mut vals = Vec::new();
        for e in elts {
            let v = match e {
                Expr::NumberLiteral(_) | Expr::UnaryOp(_) | Expr::BinOp(_) => {
                    self.k_value(self.fold(e)?)
                }
                Expr::StringLiteral(s) => {
                    Value::Obj(gilvm_object::str::intern(self.py, s.value.to_str()))
                }
                Expr::BooleanLiteral(b) => Value::Bool(b.value),
                Expr::NoneLiteral(_) => Value::None,
                Expr::Tuple(t) => self.const_tuple(&t.elts)?,
                _ => return None,
            };
            vals.push(v);
        }
        Some(Value::Obj(ObjRef::new_immortal(
            self.py,
            Owned::Tuple(vals.into_boxed_slice()),
        )))
    }

    fn sequence(&mut self, elts: &'a [Expr], kind: Seq) -> CResult {
        let has_star = elts.iter().any(|e| matches!(e, Expr::Starred(_)));
        if !has_star {
            for e in elts {
                self.expr(e)?;
            }
            let n = elts.len() as u32;
            self.emit(match kind {
                Seq::Tuple => Instr::BuildTuple(n),
                Seq::List => Instr::BuildList(n),
                Seq::Set => Instr::BuildSet(n),
            });
            return Ok(());
        }
        match kind {
            Seq::Set => self.emit(Instr::BuildSet(0)),
            _ => self.emit(Instr::BuildList(0)),
        }
        for e in elts {
            match e {
                Expr::Starred(s) => {
                    self.expr(&s.value)?;
                    self.emit(if matches!(kind, Seq::Set) {
                        Instr::SetUpdate(1)
                    } else {
                        Instr::ListExtend(1)
                    });
                }
                other => {
                    self.expr(other)?;
                    self.emit(if matches!(kind, Seq::Set) {
                        Instr::SetAdd(1)
                    } else {
                        Instr::ListAppend(1)
                    });
                }
            }
        }
        if matches!(kind, Seq::Tuple) {
            self.emit(Instr::ListToTuple);
        }
        Ok(())
    }

    fn compare(&mut self, c: &'a ast::ExprCompare) -> CResult {
        self.expr(&c.left)?;
        let n = c.ops.len();
        if n == 1 {
            self.expr(&c.comparators[0])?;
            let prev = self.set_loc(c.range());
            self.cmp_op(c.ops[0]);
            self.restore_loc(prev);
            return Ok(());
        }
        let cleanup = self.b().new_label();
        let end = self.b().new_label();
        for (i, (op, comp)) in c.ops.iter().zip(c.comparators.iter()).enumerate() {
            self.expr(comp)?;
            if i + 1 < n {
                self.emit(Instr::Swap(2));
                self.emit(Instr::Copy(2));
                self.cmp_op(*op);
                self.emit(Instr::JumpIfFalseOrPop(cleanup.0));
            } else {
                self.cmp_op(*op);
            }
        }
        self.emit(Instr::Jump(end.0));
        self.b().bind(cleanup);
        self.emit(Instr::Swap(2));
        self.emit(Instr::Pop);
        self.b().bind(end);
        Ok(())
    }

    fn cmp_op(&mut self, op: ast::CmpOp) {
        use ast::CmpOp as C;
        self.emit(match op {
            C::Eq => Instr::CompareOp(CmpOp::Eq),
            C::NotEq => Instr::CompareOp(CmpOp::Ne),
            C::Lt => Instr::CompareOp(CmpOp::Lt),
            C::LtE => Instr::CompareOp(CmpOp::Le),
            C::Gt => Instr::CompareOp(CmpOp::Gt),
            C::GtE => Instr::CompareOp(CmpOp::Ge),
            C::Is => Instr::IsOp(0),
            C::IsNot => Instr::IsOp(1),
            C::In => Instr::ContainsOp(0),
            C::NotIn => Instr::ContainsOp(1),
        });
    }

    /// Jumps to `target` when `e` is truthy (`if_true`) or falsy.
    pub fn jump_if(&mut self, e: &'a Expr, if_true: bool, target: Label) -> CResult {
        match e {
            Expr::UnaryOp(u) if u.op == ast::UnaryOp::Not => {
                return self.jump_if(&u.operand, !if_true, target)
            }
            Expr::BoolOp(b) => {
                let is_and = b.op == ast::BoolOp::And;
                let n = b.values.len();
                if is_and != if_true {
                    // and/jump-if-false or or/jump-if-true: any operand decides.
                    for v in b.values.iter() {
                        self.jump_if(v, if_true, target)?;
                    }
                } else {
                    let skip = self.b().new_label();
                    for (i, v) in b.values.iter().enumerate() {
                        if i + 1 < n {
                            self.jump_if(v, !if_true, skip)?;
                        } else {
                            self.jump_if(v, if_true, target)?;
                        }
                    }
                    self.b().bind(skip);
                }
                return Ok(());
            }
            _ => {}
        }
        self.expr(e)?;
        self.emit(if if_true {
            Instr::PopJumpIfTrue(target.0)
        } else {
            Instr::PopJumpIfFalse(target.0)
        });
        Ok(())
    }

    fn call(&mut self, c: &'a ast::ExprCall) -> CResult {
        let args = &c.arguments;
        let simple =
            !args.args.iter().any(|a| matches!(a, Expr::Starred(_))) && args.keywords.is_empty();
        if simple {
            if let Expr::Attribute(a) = &*c.func {
                self.expr(&a.value)?;
                let prev = self.set_loc(a.range);
                let n = self.mangled_name(&a.attr.id);
                self.emit(Instr::LoadMethod(n));
                self.restore_loc(prev);
                for x in args.args.iter() {
                    self.expr(x)?;
                }
                let prev = self.set_loc(c.range());
                self.emit(Instr::CallMethod(args.args.len() as u32));
                self.restore_loc(prev);
                return Ok(());
            }
        }
        // Zero-argument super(): pass the enclosing class cell and the first argument.
        if let Expr::Name(n) = &*c.func {
            if &*n.id == "super" && args.args.is_empty() && args.keywords.is_empty() {
                let scope = self.scope();
                if scope.freevars.iter().any(|f| f == "__class__") {
                    if let Some(first) = scope.params.first().cloned() {
                        self.load_name("super");
                        self.load_name("__class__");
                        self.load_name(&first);
                        let prev = self.set_loc(c.range());
                        self.emit(Instr::Call(2));
                        self.restore_loc(prev);
                        return Ok(());
                    }
                }
            }
        }
        self.expr(&c.func)?;
        self.call_args(&args.args, &args.keywords, 0, c.range())
    }

    /// Emits the arguments and the call; `extra` positional arguments are already on the
    /// stack above the callable.
    pub fn call_args(
        &mut self,
        args: &'a [Expr],
        keywords: &'a [ast::Keyword],
        extra: u32,
        r: TextRange,
    ) -> CResult {
        let has_star = args.iter().any(|a| matches!(a, Expr::Starred(_)));
        let has_dstar = keywords.iter().any(|k| k.arg.is_none());
        if !has_star && !has_dstar {
            for a in args {
                self.expr(a)?;
            }
            for k in keywords {
                self.expr(&k.value)?;
            }
            let n = extra + (args.len() + keywords.len()) as u32;
            let prev = self.set_loc(r);
            if keywords.is_empty() {
                self.emit(Instr::Call(n));
            } else {
                let mut seen = std::collections::HashSet::new();
                let mut names = Vec::new();
                for k in keywords {
                    let id = k.arg.as_ref().unwrap();
                    if !seen.insert(id.id.to_string()) {
                        return Err(CompileError::syntax(
                            format!("keyword argument repeated: {}", id.id),
                            k.range,
                        ));
                    }
                    names.push(Value::Obj(gilvm_object::str::intern(self.py, &id.id)));
                }
                let t = ObjRef::new_immortal(self.py, Owned::Tuple(names.into_boxed_slice()));
                self.b().load_const(Value::Obj(t));
                self.emit(Instr::CallKw(n));
            }
            self.restore_loc(prev);
            return Ok(());
        }
        // General form: build an args tuple and a kwargs dict.
        self.emit(Instr::BuildList(extra));
        for a in args {
            match a {
                Expr::Starred(s) => {
                    self.expr(&s.value)?;
                    self.emit(Instr::ListExtend(1));
                }
                other => {
                    self.expr(other)?;
                    self.emit(Instr::ListAppend(1));
                }
            }
        }
        self.emit(Instr::ListToTuple);
        let has_kw = !keywords.is_empty();
        if has_kw {
            self.emit(Instr::BuildMap(0));
            for k in keywords {
                match &k.arg {
                    Some(id) => {
                        let i = self.b().str_const(&id.id);
                        self.emit(Instr::LoadConst(i));
                        self.expr(&k.value)?;
                        self.emit(Instr::MapAdd(1));
                    }
                    None => {
                        self.expr(&k.value)?;
                        self.emit(Instr::DictMerge(1));
                    }
                }
            }
        }
        let prev = self.set_loc(r);
        self.emit(Instr::CallEx(has_kw as u32));
        self.restore_loc(prev);
        Ok(())
    }

    fn fstring(&mut self, f: &'a ast::ExprFString) -> CResult {
        let mut n = 0u32;
        for part in f.value.iter() {
            match part {
                ast::FStringPart::Literal(l) => {
                    if !l.value.is_empty() {
                        let i = self.b().str_const(&l.value);
                        self.emit(Instr::LoadConst(i));
                        n += 1;
                    }
                }
                ast::FStringPart::FString(fs) => n += self.fstring_elements(&fs.elements)?,
            }
        }
        if n == 0 {
            let i = self.b().str_const("");
            self.emit(Instr::LoadConst(i));
        } else if n > 1 {
            self.emit(Instr::BuildString(n));
        } else {
            // A single piece may not be a str already (it is, after FormatValue).
        }
        Ok(())
    }

    /// Pushes the pieces of an f-string; returns how many.
    pub(crate) fn fstring_elements(
        &mut self,
        elts: &'a ast::InterpolatedStringElements,
    ) -> CResult<u32> {
        let mut n = 0;
        for el in elts.iter() {
            match el {
                ast::InterpolatedStringElement::Literal(l) => {
                    let i = self.b().str_const(&l.value);
                    self.emit(Instr::LoadConst(i));
                    n += 1;
                }
                ast::InterpolatedStringElement::Interpolation(x) => {
                    let mut conv = match x.conversion {
                        ast::ConversionFlag::None => 0,
                        ast::ConversionFlag::Str => 1,
                        ast::ConversionFlag::Repr => 2,
                        ast::ConversionFlag::Ascii => 3,
                    };
                    if let Some(d) = &x.debug_text {
                        let text = format!("{}{}{}", d.leading(), d.expression(), d.trailing());
                        let i = self.b().str_const(&text);
                        self.emit(Instr::LoadConst(i));
                        n += 1;
                        if conv == 0 && x.format_spec.is_none() {
                            conv = 2;
                        }
                    }
                    self.expr(&x.expression)?;
                    if let Some(spec) = &x.format_spec {
                        let k = self.fstring_elements(&spec.elements)?;
                        if k == 0 {
                            let i = self.b().str_const("");
                            self.emit(Instr::LoadConst(i));
                        } else if k > 1 {
                            self.emit(Instr::BuildString(k));
                        }
                        conv |= 4;
                    }
                    self.emit(Instr::FormatValue(conv));
                    n += 1;
                }
            }
        }
        Ok(n)
    }
}

enum Seq {
    Tuple,
    List,
    Set,
}

/// Parses an int literal's text (with `0x`, `0o`, `0b` prefixes and underscores).
pub(crate) fn parse_int_literal(s: &str) -> Option<BigInt> {
    let s = s.replace('_', "");
    let (digits, radix) = if let Some(r) = s.strip_prefix("0x").or_else(|| s.strip_prefix("0X")) {
        (r.to_string(), 16)
    } else if let Some(r) = s.strip_prefix("0o").or_else(|| s.strip_prefix("0O")) {
        (r.to_string(), 8)
    } else if let Some(r) = s.strip_prefix("0b").or_else(|| s.strip_prefix("0B")) {
        (r.to_string(), 2)
    } else {
        (s.clone(), 10)
    };
    let v = BigInt::parse_bytes(digits.as_bytes(), radix)?;
    let _ = v.is_zero();
    Some(v)
}

/// Does `e` contain an assignment expression (`:=`) anywhere?
fn has_named_expr(e: &Expr) -> bool {
    use ruff_python_ast::visitor::{walk_expr, Visitor};
    struct Find(bool);
    impl<'a> Visitor<'a> for Find {
        fn visit_expr(&mut self, e: &'a Expr) {
            if matches!(e, Expr::Named(_)) {
                self.0 = true;
            } else if !self.0 {
                walk_expr(self, e);
            }
        }
    }
    let mut f = Find(false);
    f.visit_expr(e);
    f.0
}
