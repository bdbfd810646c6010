//! The `match` statement: compiling cases and their patterns.
//!
//! **What.** `match subject:` evaluates the subject once and tries each `case` in turn.
//! A pattern is compiled to straight-line code that expects the value it tests on top of
//! the stack, consumes it, and either falls through (a match) or jumps to a failure label.
//! The runtime tests that are more than a comparison are instructions of their own
//! (`MatchSequence`, `MatchMapping`, `MatchKeys`, `MatchClass`, `GetLen`; executed by the
//! VM's `matching.rs`).
//!
//! **Bindings happen only on success.** A capture pattern does not store its name when it
//! is reached: the captured value stays on the value stack, tucked under whatever the
//! pattern still works on, and the names are stored together once the whole pattern has
//! matched (before the guard, as CPython: a failing guard leaves the names bound). So a
//! case that fails half-way binds nothing. [`PatternCtx`] tracks what is on the stack:
//! `stores` are the captured values (the first name captured nearest the top, each later
//! one tucked under the earlier ones), `on_top` the items above them that the pattern
//! still needs (the subject of a sequence test, the values of a class pattern not yet
//! matched). A failure therefore has to pop `on_top + stores.len()` items: `fail_pop[n]`
//! is a label followed by n `Pop`s that fall into each other, emitted after the case.
//!
//! **Or-patterns** compile each alternative against a copy of the subject with a fresh
//! context; every alternative must bind the same names, and the ones after the first
//! permute their captures into the first one's stack order before joining, so the code
//! after the or-pattern sees one layout whichever alternative matched.
//!
//! **Compile-time checks** (CPython's messages and locations): an irrefutable pattern
//! (a bare capture or `_`) only in the last case or guarded, a name bound twice in one
//! pattern, alternatives binding different names, duplicate literal keys in a mapping
//! pattern, two starred sub-patterns, a keyword repeated in a class pattern.
//!
//! Invariant: after a case's pattern, the stack is as before the pattern plus the captured
//! values; after a failure jump and its pops, exactly as before the pattern.
use ruff_python_ast::{self as ast, Expr, Pattern};
use ruff_text_size::{Ranged, TextRange};

use gilvm_object::code::{CmpOp, Instr};
use gilvm_object::{ObjRef, Owned, Value};

use crate::builder::Label;
use crate::codegen::{CResult, Compiler};
use crate::error::CompileError;
use crate::expr::K;

/// What a pattern being compiled has on the stack (see the module essay).
struct PatternCtx {
    /// Names captured so far, in capture order; their values are on the stack, the first
    /// nearest the top.
    stores: Vec<String>,
    /// May this pattern be irrefutable (a bare name or `_`)?
    allow_irrefutable: bool,
    /// `fail_pop[n]`: jump here to pop n items and fail.
    fail_pop: Vec<Label>,
    /// Items above the captured values that a failure must pop.
    on_top: u32,
}

impl PatternCtx {
    fn new(allow_irrefutable: bool) -> PatternCtx {
        PatternCtx {
            stores: Vec::new(),
            allow_irrefutable,
            fail_pop: Vec::new(),
            on_top: 0,
        }
    }
}

/// `_` (and not `_ as x`).
fn is_wildcard(p: &Pattern) -> bool {
    matches!(p, Pattern::MatchAs(a) if a.pattern.is_none() && a.name.is_none())
}

/// `*_`.
fn is_wildcard_star(p: &Pattern) -> bool {
    matches!(p, Pattern::MatchStar(s) if s.name.is_none())
}

/// A literal mapping key, for the duplicate-key check: equal keys compare equal here as
/// they do in a Python set (`1`, `1.0` and `True` are one key).
#[derive(PartialEq)]
enum KeyConst {
    None,
    Str(String),
    Bytes(Vec<u8>),
    Int(num_bigint::BigInt),
    Float(u64),
}

impl<'a, 'py> Compiler<'a, 'py> {
    pub fn match_stmt(&mut self, m: &'a ast::StmtMatch) -> CResult {
        self.expr(&m.subject)?;
        let end = self.b().new_label();
        let ncases = m.cases.len();
        let has_default = ncases > 1 && is_wildcard(&m.cases[ncases - 1].pattern);
        let n = ncases - has_default as usize;
        for (i, case) in m.cases[..n].iter().enumerate() {
            let prev = self.set_loc(case.pattern.range());
            // The last tested case consumes the subject itself; the others a copy.
            let last = i == n - 1;
            if !last {
                self.emit(Instr::Copy(1));
            }
            let mut pc = PatternCtx::new(case.guard.is_some() || i == ncases - 1);
            self.pattern(&case.pattern, &mut pc)?;
            debug_assert_eq!(pc.on_top, 0);
            // A match: store the captured names (the first one is on top).
            for name in pc.stores.clone() {
                self.store_name(&name);
            }
            if let Some(g) = &case.guard {
                self.ensure_fail_pop(&mut pc, 0);
                let target = pc.fail_pop[0];
                self.jump_if(g, false, target)?;
            }
            if !last {
                self.emit(Instr::Pop);
            }
            self.restore_loc(prev);
            self.stmts(&case.body)?;
            self.emit(Instr::Jump(end.0));
            let prev = self.set_loc(case.pattern.range());
            self.emit_fail_pops(&mut pc);
            self.restore_loc(prev);
        }
        if has_default {
            let case = &m.cases[ncases - 1];
            if let Some(g) = &case.guard {
                let prev = self.set_loc(case.pattern.range());
                self.jump_if(g, false, end)?;
                self.restore_loc(prev);
            }
            self.stmts(&case.body)?;
        }
        self.b().bind(end);
        Ok(())
    }

    fn ensure_fail_pop(&mut self, pc: &mut PatternCtx, n: usize) {
        while pc.fail_pop.len() <= n {
            let l = self.b().new_label();
            pc.fail_pop.push(l);
        }
    }

    /// Emits a jump (`PopJumpIfFalse` or `Jump`) to the failure label that pops what the
    /// pattern has on the stack.
    fn jump_to_fail_pop(&mut self, pc: &mut PatternCtx, conditional: bool) {
        let pops = pc.on_top as usize + pc.stores.len();
        self.ensure_fail_pop(pc, pops);
        let l = pc.fail_pop[pops];
        if conditional {
            self.emit(Instr::PopJumpIfFalse(l.0));
        } else {
            self.emit(Instr::Jump(l.0));
        }
    }

    /// The failure labels: `fail_pop[n]` pops n items and falls into `fail_pop[n - 1]`.
    fn emit_fail_pops(&mut self, pc: &mut PatternCtx) {
        let labels = std::mem::take(&mut pc.fail_pop);
        for (i, l) in labels.iter().enumerate().rev() {
            self.b().bind(*l);
            if i > 0 {
                self.emit(Instr::Pop);
            }
        }
    }

    /// Moves the top of the stack down to position `count` (1 = top), shifting the items
    /// above that position up by one.
    fn rotate(&mut self, count: u32) {
        let mut k = count;
        while k > 1 {
            self.emit(Instr::Swap(k));
            k -= 1;
        }
    }

    /// The value on top is captured as `name` (or dropped for `_`/`*_`): tucked under the
    /// items the pattern still needs and the earlier captures.
    fn store_capture(
        &mut self,
        name: Option<&'a ast::Identifier>,
        r: TextRange,
        pc: &mut PatternCtx,
    ) -> CResult {
        let Some(name) = name else {
            self.emit(Instr::Pop);
            return Ok(());
        };
        let n = name.id.as_str();
        if n == "__debug__" {
            return Err(CompileError::syntax(
                "cannot assign to __debug__".into(),
                name.range,
            ));
        }
        if pc.stores.iter().any(|s| s == n) {
            return Err(CompileError::syntax(
                format!("multiple assignments to name '{n}' in pattern"),
                r,
            ));
        }
        self.rotate(pc.on_top + pc.stores.len() as u32 + 1);
        pc.stores.push(n.to_string());
        Ok(())
    }

    /// A sub-pattern: it may be irrefutable whatever the case is.
    fn subpattern(&mut self, p: &'a Pattern, pc: &mut PatternCtx) -> CResult {
        let saved = pc.allow_irrefutable;
        pc.allow_irrefutable = true;
        let r = self.pattern(p, pc);
        pc.allow_irrefutable = saved;
        r
    }

    fn pattern(&mut self, p: &'a Pattern, pc: &mut PatternCtx) -> CResult {
        let prev = self.set_loc(p.range());
        let r = match p {
            Pattern::MatchValue(v) => self.pattern_value(v, pc),
            Pattern::MatchSingleton(s) => {
                self.b().load_const(match s.value {
                    ast::Singleton::None => Value::None,
                    ast::Singleton::True => Value::Bool(true),
                    ast::Singleton::False => Value::Bool(false),
                });
                self.emit(Instr::IsOp(0));
                self.jump_to_fail_pop(pc, true);
                Ok(())
            }
            Pattern::MatchSequence(s) => self.pattern_sequence(s, pc),
            Pattern::MatchMapping(m) => self.pattern_mapping(m, pc),
            Pattern::MatchClass(c) => self.pattern_class(c, pc),
            Pattern::MatchStar(s) => self.store_capture(s.name.as_ref(), s.range, pc),
            Pattern::MatchAs(a) => self.pattern_as(a, pc),
            Pattern::MatchOr(o) => self.pattern_or(o, pc),
        };
        self.restore_loc(prev);
        r
    }

    fn pattern_value(&mut self, v: &'a ast::PatternMatchValue, pc: &mut PatternCtx) -> CResult {
        // `1 + 2j` is the only arithmetic a value pattern may hold.
        if let Expr::BinOp(b) = &*v.value {
            let is_complex = |e: &Expr| {
                matches!(e, Expr::NumberLiteral(n)
                    if matches!(n.value, ast::Number::Complex { .. }))
            };
            if !is_complex(&b.right) {
                return Err(CompileError::syntax(
                    "imaginary number required in complex literal".into(),
                    b.right.range(),
                ));
            }
        }
        self.expr(&v.value)?;
        self.emit(Instr::CompareOp(CmpOp::Eq));
        self.jump_to_fail_pop(pc, true);
        Ok(())
    }

    fn pattern_as(&mut self, a: &'a ast::PatternMatchAs, pc: &mut PatternCtx) -> CResult {
        match &a.pattern {
            None => {
                if !pc.allow_irrefutable {
                    let msg = match &a.name {
                        None => "wildcard makes remaining patterns unreachable".to_string(),
                        Some(n) => {
                            format!(
                                "name capture '{}' makes remaining patterns unreachable",
                                n.id
                            )
                        }
                    };
                    return Err(CompileError::syntax(msg, a.range));
                }
                self.store_capture(a.name.as_ref(), a.range, pc)
            }
            Some(sub) => {
                // Keep a copy of the subject to store if the sub-pattern matches.
                pc.on_top += 1;
                self.emit(Instr::Copy(1));
                self.pattern(sub, pc)?;
                pc.on_top -= 1;
                self.store_capture(a.name.as_ref(), a.range, pc)
            }
        }
    }

    fn pattern_sequence(
        &mut self,
        s: &'a ast::PatternMatchSequence,
        pc: &mut PatternCtx,
    ) -> CResult {
        let pats = &s.patterns;
        let size = pats.len();
        let mut star: Option<usize> = None;
        let mut only_wildcard = true;
        let mut star_wildcard = false;
        for (i, p) in pats.iter().enumerate() {
            if matches!(p, Pattern::MatchStar(_)) {
                if star.is_some() {
                    return Err(CompileError::syntax(
                        "multiple starred names in sequence pattern".into(),
                        s.range,
                    ));
                }
                star_wildcard = is_wildcard_star(p);
                only_wildcard &= star_wildcard;
                star = Some(i);
                continue;
            }
            only_wildcard &= is_wildcard(p);
        }
        // The subject stays on the stack during the type and length tests.
        pc.on_top += 1;
        self.emit(Instr::MatchSequence);
        self.jump_to_fail_pop(pc, true);
        match star {
            None => {
                self.emit(Instr::GetLen);
                self.b().load_const(Value::Int(size as i64));
                self.emit(Instr::CompareOp(CmpOp::Eq));
                self.jump_to_fail_pop(pc, true);
            }
            Some(_) if size > 1 => {
                self.emit(Instr::GetLen);
                self.b().load_const(Value::Int(size as i64 - 1));
                self.emit(Instr::CompareOp(CmpOp::Ge));
                self.jump_to_fail_pop(pc, true);
            }
            Some(_) => {}
        }
        pc.on_top -= 1;
        if only_wildcard {
            self.emit(Instr::Pop);
            Ok(())
        } else if star_wildcard {
            self.sequence_subscr(pats, star.unwrap_or(size), pc)
        } else {
            match star {
                None => self.emit(Instr::UnpackSequence(size as u32)),
                Some(i) => {
                    let after = size - i - 1;
                    self.emit(Instr::UnpackEx(i as u32 | (after as u32) << 8));
                }
            }
            self.subpatterns(pats.iter(), size, pc)
        }
    }

    /// Matches `size` values unpacked on the stack (the first on top) against `pats`.
    fn subpatterns(
        &mut self,
        pats: impl Iterator<Item = &'a Pattern>,
        size: usize,
        pc: &mut PatternCtx,
    ) -> CResult {
        pc.on_top += size as u32;
        for p in pats {
            pc.on_top -= 1;
            if is_wildcard(p) || is_wildcard_star(p) {
                self.emit(Instr::Pop);
                continue;
            }
            self.subpattern(p, pc)?;
        }
        Ok(())
    }

    /// A sequence pattern with `*_`: the other items are read by index (from the end
    /// after the star), so the sequence is never iterated or copied.
    fn sequence_subscr(
        &mut self,
        pats: &'a [Pattern],
        star: usize,
        pc: &mut PatternCtx,
    ) -> CResult {
        let size = pats.len();
        pc.on_top += 1;
        for (i, p) in pats.iter().enumerate() {
            if i == star || is_wildcard(p) {
                continue;
            }
            self.emit(Instr::Copy(1));
            if i < star {
                self.b().load_const(Value::Int(i as i64));
            } else {
                self.emit(Instr::GetLen);
                self.b().load_const(Value::Int((size - i) as i64));
                self.emit(Instr::BinaryOp(gilvm_object::code::BinOp::Sub));
            }
            self.emit(Instr::BinarySubscr);
            self.subpattern(p, pc)?;
        }
        pc.on_top -= 1;
        self.emit(Instr::Pop);
        Ok(())
    }

    /// A literal key as a set would compare it, or `None` for a key that is not a literal.
    fn key_const(&self, e: &Expr) -> Option<KeyConst> {
        use num_traits::ToPrimitive;
        match e {
            Expr::NoneLiteral(_) => Some(KeyConst::None),
            Expr::BooleanLiteral(b) => Some(KeyConst::Int((b.value as i64).into())),
            Expr::StringLiteral(s) => Some(KeyConst::Str(s.value.to_str().to_string())),
            Expr::BytesLiteral(b) => Some(KeyConst::Bytes(b.value.bytes().collect())),
            _ => match self.fold(e)? {
                K::Int(i) => Some(KeyConst::Int(i)),
                K::Float(f) => {
                    if f.fract() == 0.0 && f.is_finite() && f.abs() < 1e300 {
                        let i = num_bigint::BigInt::from(f.to_i128()?);
                        Some(KeyConst::Int(i))
                    } else {
                        Some(KeyConst::Float(f.to_bits()))
                    }
                }
            },
        }
    }

    /// The repr of a literal key, for the duplicate-key message.
    fn key_repr(&self, e: &Expr) -> String {
        match e {
            Expr::NoneLiteral(_) => "None".into(),
            Expr::BooleanLiteral(b) => if b.value { "True" } else { "False" }.into(),
            Expr::StringLiteral(s) => crate::codegen::str_repr(s.value.to_str()),
            Expr::BytesLiteral(b) => {
                let bytes: Vec<u8> = b.value.bytes().collect();
                let mut out = String::from("b'");
                for c in bytes {
                    match c {
                        b'\'' => out.push_str("\\'"),
                        b'\\' => out.push_str("\\\\"),
                        b'\n' => out.push_str("\\n"),
                        b'\r' => out.push_str("\\r"),
                        b'\t' => out.push_str("\\t"),
                        0x20..=0x7e => out.push(c as char),
                        _ => out.push_str(&format!("\\x{c:02x}")),
                    }
                }
                out.push('\'');
                out
            }
            _ => match self.fold(e) {
                Some(K::Int(i)) => i.to_string(),
                Some(K::Float(f)) => gilvm_object::fmt::float_repr(f),
                None => "?".into(),
            },
        }
    }

    fn pattern_mapping(&mut self, m: &'a ast::PatternMatchMapping, pc: &mut PatternCtx) -> CResult {
        let size = m.keys.len();
        pc.on_top += 1;
        self.emit(Instr::MatchMapping);
        self.jump_to_fail_pop(pc, true);
        if size == 0 && m.rest.is_none() {
            // `{}` matches any mapping.
            pc.on_top -= 1;
            self.emit(Instr::Pop);
            return Ok(());
        }
        if size > 0 {
            self.emit(Instr::GetLen);
            self.b().load_const(Value::Int(size as i64));
            self.emit(Instr::CompareOp(CmpOp::Ge));
            self.jump_to_fail_pop(pc, true);
        }
        let mut seen: Vec<KeyConst> = Vec::new();
        for key in m.keys.iter() {
            match key {
                Expr::Attribute(_) => {}
                _ => match self.key_const(key) {
                    Some(k) => {
                        if seen.contains(&k) {
                            let r = self.key_repr(key);
                            return Err(CompileError::syntax(
                                format!("mapping pattern checks duplicate key ({r})"),
                                m.range,
                            ));
                        }
                        seen.push(k);
                    }
                    None => {
                        // Complex literals are keys too; anything else is not.
                        if !matches!(
                            key,
                            Expr::NumberLiteral(_) | Expr::BinOp(_) | Expr::UnaryOp(_)
                        ) {
                            return Err(CompileError::syntax(
                                "mapping pattern keys may only match literals and attribute lookups"
                                    .into(),
                                key.range(),
                            ));
                        }
                    }
                },
            }
            self.expr(key)?;
        }
        self.emit(Instr::BuildTuple(size as u32));
        // [subject, keys] -> [subject, keys, values or None]
        self.emit(Instr::MatchKeys);
        pc.on_top += 2;
        self.emit(Instr::Copy(1));
        self.b().load_const(Value::None);
        self.emit(Instr::IsOp(1));
        self.jump_to_fail_pop(pc, true);
        self.emit(Instr::UnpackSequence(size as u32));
        pc.on_top -= 1;
        self.subpatterns(m.patterns.iter(), size, pc)?;
        // Matched: what follows consumes the keys tuple and the subject.
        pc.on_top -= 2;
        match &m.rest {
            Some(rest) => {
                // rest = dict(subject); del rest[k] for each key
                self.emit(Instr::BuildMap(0)); // [subject, keys, {}]
                self.emit(Instr::Swap(3)); // [{}, keys, subject]
                self.emit(Instr::DictUpdate(2)); // [rest, keys]
                self.emit(Instr::UnpackSequence(size as u32)); // [rest, k_last.., k_first]
                let mut k = size as u32;
                while k > 0 {
                    self.emit(Instr::Copy(1 + k)); // [rest, keys.., rest]
                    self.emit(Instr::Swap(2)); // [rest, keys.., rest, key]
                    self.emit(Instr::DeleteSubscr);
                    k -= 1;
                }
                self.store_capture(Some(rest), m.range, pc)
            }
            None => {
                self.emit(Instr::Pop);
                self.emit(Instr::Pop);
                Ok(())
            }
        }
    }

    fn pattern_class(&mut self, c: &'a ast::PatternMatchClass, pc: &mut PatternCtx) -> CResult {
        let args = &c.arguments;
        let nargs = args.patterns.len();
        let nattrs = args.keywords.len();
        for (i, kw) in args.keywords.iter().enumerate() {
            if kw.attr.id.as_str() == "__debug__" {
                return Err(CompileError::syntax(
                    "cannot assign to __debug__".into(),
                    kw.attr.range,
                ));
            }
            if let Some(other) = args.keywords[i + 1..]
                .iter()
                .find(|o| o.attr.id == kw.attr.id)
            {
                return Err(CompileError::syntax(
                    format!("attribute name repeated in class pattern: {}", kw.attr.id),
                    other.pattern.range(),
                ));
            }
        }
        self.expr(&c.cls)?;
        let names: Vec<Value> = args
            .keywords
            .iter()
            .map(|k| Value::Obj(gilvm_object::str::intern(self.py, &k.attr.id)))
            .collect();
        let tuple = ObjRef::new_immortal(self.py, Owned::Tuple(names.into_boxed_slice()));
        self.b().load_const(Value::Obj(tuple));
        // [subject, cls, names] -> [attributes tuple or None]
        self.emit(Instr::MatchClass(nargs as u32));
        self.emit(Instr::Copy(1));
        self.b().load_const(Value::None);
        self.emit(Instr::IsOp(1));
        pc.on_top += 1;
        self.jump_to_fail_pop(pc, true);
        let total = nargs + nattrs;
        self.emit(Instr::UnpackSequence(total as u32));
        pc.on_top -= 1;
        let pats = args
            .patterns
            .iter()
            .chain(args.keywords.iter().map(|k| &k.pattern));
        self.subpatterns(pats, total, pc)
    }

    fn pattern_or(&mut self, o: &'a ast::PatternMatchOr, pc: &mut PatternCtx) -> CResult {
        let end = self.b().new_label();
        let size = o.patterns.len();
        let mut control: Option<Vec<String>> = None;
        for (i, alt) in o.patterns.iter().enumerate() {
            let mut apc = PatternCtx::new(i == size - 1 && pc.allow_irrefutable);
            let prev = self.set_loc(alt.range());
            self.emit(Instr::Copy(1));
            self.pattern(alt, &mut apc)?;
            match &control {
                None => control = Some(apc.stores.clone()),
                Some(ctl) => {
                    if ctl.len() != apc.stores.len() || ctl.iter().any(|n| !apc.stores.contains(n))
                    {
                        return Err(CompileError::syntax(
                            "alternative patterns bind different names".into(),
                            o.range,
                        ));
                    }
                    // Put the captures in the first alternative's order: position p
                    // (0 = top) must hold ctl[p].
                    let mut cur = apc.stores.clone();
                    for p in 0..cur.len() {
                        if cur[p] == ctl[p] {
                            continue;
                        }
                        let q = cur.iter().position(|n| *n == ctl[p]).unwrap_or(p);
                        self.swap_positions(p as u32, q as u32);
                        cur.swap(p, q);
                    }
                }
            }
            self.emit(Instr::Jump(end.0));
            self.emit_fail_pops(&mut apc);
            self.restore_loc(prev);
        }
        // No alternative matched: drop the subject and fail.
        self.emit(Instr::Pop);
        self.jump_to_fail_pop(pc, false);
        self.b().bind(end);
        // [.. old captures, on_top items, subject, new captures (first on top)]: tuck the
        // new captures under everything, in order.
        let control = control.unwrap_or_default();
        let nstores = control.len() as u32;
        let nrots = nstores + 1 + pc.on_top + pc.stores.len() as u32;
        for name in &control {
            self.rotate(nrots);
            if pc.stores.contains(name) {
                return Err(CompileError::syntax(
                    format!("multiple assignments to name '{name}' in pattern"),
                    o.range,
                ));
            }
            pc.stores.push(name.clone());
        }
        // The copy of the subject.
        self.emit(Instr::Pop);
        Ok(())
    }

    /// Exchanges stack positions `p` and `q` (0 = top), `p < q`.
    fn swap_positions(&mut self, p: u32, q: u32) {
        if p == 0 {
            self.emit(Instr::Swap(q + 1));
        } else {
            self.emit(Instr::Swap(p + 1));
            self.emit(Instr::Swap(q + 1));
            self.emit(Instr::Swap(p + 1));
        }
    }
}
