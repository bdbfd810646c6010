//! The code builder: instruction buffer, labels, constants, names, and the per-instruction
//! exception handler from which the exception table is assembled.
use std::collections::HashMap;

use gilvm_object::code::{CodeObject, ExcEntry, Instr};
use gilvm_object::str::intern;
use gilvm_object::{ObjRef, Py, Value};

/// A jump target, resolved when the code is assembled.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Label(pub u32);

/// An active exception handler: where to jump and the stack depth to keep.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Handler {
    pub target: Label,
    pub depth: u32,
}

pub struct CodeBuilder<'py> {
    pub py: Py<'py>,
    pub instrs: Vec<Instr>,
    pub lines: Vec<u32>,
    pub cols: Vec<(u32, u32)>,
    pub handlers: Vec<Option<Handler>>,
    labels: Vec<Option<u32>>,
    pub consts: Vec<Value>,
    const_keys: HashMap<ConstKey, u32>,
    pub names: Vec<ObjRef>,
    name_map: HashMap<String, u32>,
    pub varnames: Vec<String>,
    /// `varnames`' index (helper ctests: a function of 150 000 parameters, the Lib's
    /// namedtuple of as many fields, compiles in linear time).
    varname_map: HashMap<String, u32>,
    pub cur_line: u32,
    pub cur_cols: (u32, u32),
    pub handler_stack: Vec<Handler>,
    /// The line the next `emit_inherit` takes instead of the last instruction's, until
    /// the next instruction: where CPython has instructions gilvm does not emit (a `for`
    /// loop's exit, END_FOR and POP_ITER on the `for` line).
    inherit_line: Option<u32>,
}

#[derive(Hash, PartialEq, Eq)]
enum ConstKey {
    None,
    Bool(bool),
    Int(i64),
    Float(u64),
    Str(String),
}

impl<'py> CodeBuilder<'py> {
    pub fn new(py: Py<'py>) -> Self {
        CodeBuilder {
            py,
            instrs: Vec::new(),
            lines: Vec::new(),
            cols: Vec::new(),
            handlers: Vec::new(),
            labels: Vec::new(),
            consts: Vec::new(),
            const_keys: HashMap::new(),
            names: Vec::new(),
            name_map: HashMap::new(),
            varnames: Vec::new(),
            varname_map: HashMap::new(),
            cur_line: 1,
            cur_cols: (0, 0),
            handler_stack: Vec::new(),
            inherit_line: None,
        }
    }

    pub fn emit(&mut self, i: Instr) {
        self.inherit_line = None;
        self.instrs.push(i);
        self.lines.push(self.cur_line);
        self.cols.push(self.cur_cols);
        self.handlers.push(self.handler_stack.last().copied());
    }

    /// Emits `i` on the line of the instruction emitted last: for the instructions CPython
    /// gives no location of their own (a jump over an `else`, the clean-up after an
    /// `except` body, a `return` after an inlined `finally`), which then report the line
    /// that ran before them and start no line of their own in `sys.settrace`'s events.
    pub fn emit_inherit(&mut self, i: Instr) {
        let line = self.last_line();
        let prev = std::mem::replace(&mut self.cur_line, line);
        self.emit(i);
        self.cur_line = prev;
    }

    /// The implicit `return None` at the end of a body. CPython's has no location of its
    /// own (no 'line' event; the `return` event on the last line run), so the return is on
    /// the line emitted last. A function's `None` is loaded on its `def` line (`def_line`):
    /// that keeps the line in `co_lines()`, as CPython's RESUME does, and the traced loop
    /// reports no line there (`linetrace.rs`).
    pub fn emit_implicit_return(&mut self, def_line: Option<u32>) {
        let line = self.last_line();
        let prev = std::mem::replace(&mut self.cur_line, def_line.unwrap_or(line));
        self.load_const(gilvm_object::Value::None);
        self.cur_line = line;
        self.emit(Instr::ReturnValue);
        self.cur_line = prev;
    }

    /// The line an instruction without a location of its own takes: the one emitted
    /// last, or the one `inherit_line_next` set.
    fn last_line(&self) -> u32 {
        self.inherit_line
            .or_else(|| self.lines.last().copied())
            .unwrap_or(self.cur_line)
    }

    /// The next instruction without a location of its own takes `line`.
    pub fn inherit_line_next(&mut self, line: u32) {
        self.inherit_line = Some(line);
    }

    pub fn new_label(&mut self) -> Label {
        self.labels.push(None);
        Label(self.labels.len() as u32 - 1)
    }

    pub fn bind(&mut self, l: Label) {
        self.labels[l.0 as usize] = Some(self.instrs.len() as u32);
    }

    pub fn add_const(&mut self, v: Value) -> u32 {
        let key = match &v {
            Value::None => Some(ConstKey::None),
            Value::Bool(b) => Some(ConstKey::Bool(*b)),
            Value::Int(i) => Some(ConstKey::Int(*i)),
            Value::Float(f) => Some(ConstKey::Float(f.to_bits())),
            Value::Obj(_) => v.as_str().map(|s| ConstKey::Str(s.to_string())),
            Value::Undef => None,
        };
        if let Some(k) = &key {
            if let Some(&i) = self.const_keys.get(k) {
                return i;
            }
        }
        self.consts.push(v);
        let i = self.consts.len() as u32 - 1;
        if let Some(k) = key {
            self.const_keys.insert(k, i);
        }
        i
    }

    pub fn load_const(&mut self, v: Value) {
        let i = self.add_const(v);
        self.emit(Instr::LoadConst(i));
    }

    pub fn str_const(&mut self, s: &str) -> u32 {
        let v = Value::Obj(intern(self.py, s));
        self.add_const(v)
    }

    pub fn name(&mut self, n: &str) -> u32 {
        if let Some(&i) = self.name_map.get(n) {
            return i;
        }
        self.names.push(intern(self.py, n));
        let i = self.names.len() as u32 - 1;
        self.name_map.insert(n.to_string(), i);
        i
    }

    pub fn varname(&mut self, n: &str) -> u32 {
        if let Some(&i) = self.varname_map.get(n) {
            return i;
        }
        let i = self.varnames.len() as u32;
        self.varnames.push(n.to_string());
        self.varname_map.insert(n.to_string(), i);
        i
    }

    /// Resolves labels and builds the exception table.
    #[allow(clippy::too_many_arguments)]
    pub fn finish(
        mut self,
        name: &str,
        qualname: &str,
        filename: &ObjRef,
        firstlineno: u32,
        argcount: u32,
        posonly: u32,
        kwonly: u32,
        flags: u32,
        cellvars: &[String],
        freevars: &[String],
        cell2arg: Vec<Option<u32>>,
    ) -> CodeObject {
        let py = self.py;
        let resolve = |labels: &[Option<u32>], l: u32| labels[l as usize].expect("unbound label");
        for ins in self.instrs.iter_mut() {
            use Instr::*;
            *ins = match *ins {
                Jump(l) => Jump(resolve(&self.labels, l)),
                PopJumpIfFalse(l) => PopJumpIfFalse(resolve(&self.labels, l)),
                PopJumpIfTrue(l) => PopJumpIfTrue(resolve(&self.labels, l)),
                JumpIfFalseOrPop(l) => JumpIfFalseOrPop(resolve(&self.labels, l)),
                JumpIfTrueOrPop(l) => JumpIfTrueOrPop(resolve(&self.labels, l)),
                ForIter(l) => ForIter(resolve(&self.labels, l)),
                other => other,
            };
        }
        peephole(&mut self.instrs);
        let attr_ways = if flags & gilvm_object::code::flags::NAME_SCOPE != 0 {
            1
        } else {
            gilvm_object::code::ATTR_WAYS
        };
        let mut table: Vec<ExcEntry> = Vec::new();
        let mut i = 0;
        while i < self.handlers.len() {
            if let Some(h) = self.handlers[i] {
                let start = i;
                while i < self.handlers.len() && self.handlers[i] == Some(h) {
                    i += 1;
                }
                table.push(ExcEntry {
                    start: start as u32,
                    end: i as u32,
                    target: resolve(&self.labels, h.target.0),
                    depth: h.depth,
                });
            } else {
                i += 1;
            }
        }
        let mk = |v: &[String]| -> Box<[ObjRef]> { v.iter().map(|s| intern(py, s)).collect() };
        CodeObject {
            name: intern(py, name),
            qualname: intern(py, qualname),
            filename: filename.clone(),
            firstlineno,
            instrs: self.instrs.into_boxed_slice(),
            lines: self.lines.into_boxed_slice(),
            cols: self.cols.into_boxed_slice(),
            consts: self.consts.into_boxed_slice(),
            module_name_cache: gilvm_object::dict::SeqSlot::new(),
            global_cache: (0..self.names.len())
                .map(|_| gilvm_object::dict::SeqSlot::new())
                .collect(),
            attr_cache: (0..self.names.len() * attr_ways)
                .map(|_| gilvm_object::dict::SeqSlot::new())
                .collect(),
            attr_ways,
            names: self.names.into_boxed_slice(),
            varnames: mk(&self.varnames),
            cellvars: mk(cellvars),
            freevars: mk(freevars),
            cell2arg: cell2arg.into_boxed_slice(),
            argcount,
            posonlyargcount: posonly,
            kwonlyargcount: kwonly,
            flags,
            exc_table: table.into_boxed_slice(),
            stacksize: 0,
        }
    }
}

/// Fuses common instruction pairs into superinstructions (see `Instr::LoadFastLoadFast`).
/// The second instruction of a pair stays where it is: a jump to it runs it alone, and the
/// superinstruction skips it. So no jump target, exception-table range or line number
/// moves. Pairs do not overlap (the second instruction of a pair is never the first of
/// another), which keeps each superinstruction's skipped slot an ordinary instruction.
fn peephole(instrs: &mut [Instr]) {
    use Instr::*;
    let mut k = 0;
    while k + 1 < instrs.len() {
        let fused = match (instrs[k], instrs[k + 1]) {
            // An attribute of a local first: `LoadFast(a); LoadFast(b); LoadAttr(n)` fuses
            // its second pair, which also saves a reference count on the object.
            (LoadFast(a), LoadAttr(n)) if a < 1 << 16 && n < 1 << 16 => {
                Some(LoadFastLoadAttr(a | n << 16))
            }
            (LoadFast(a), LoadMethod(n)) if a < 1 << 16 && n < 1 << 16 => {
                Some(LoadFastLoadMethod(a | n << 16))
            }
            (LoadFast(a), StoreAttr(n)) if a < 1 << 16 && n < 1 << 16 => {
                Some(LoadFastStoreAttr(a | n << 16))
            }
            (LoadFast(a), LoadFast(b))
                if a < 1 << 16
                    && b < 1 << 16
                    && !matches!(
                        instrs.get(k + 2),
                        Some(LoadAttr(_) | LoadMethod(_) | StoreAttr(_))
                    ) =>
            {
                Some(LoadFastLoadFast(a | b << 16))
            }
            (LoadFast(a), LoadConst(c)) if a < 1 << 16 && c < 1 << 16 => {
                Some(LoadFastLoadConst(a | c << 16))
            }
            (CompareOp(op), PopJumpIfFalse(t)) => Some(CompareOpJumpIfFalse(op, t)),
            (IsOp(neg), PopJumpIfFalse(t)) => Some(IsOpJumpIfFalse(neg as u8, t)),
            (BinaryOp(op), StoreFast(i)) => Some(BinaryOpStoreFast(op, i)),
            (InplaceOp(op), StoreFast(i)) => Some(InplaceOpStoreFast(op, i)),
            _ => None,
        };
        match fused {
            Some(f) => {
                instrs[k] = f;
                k += 2;
            }
            None => k += 1,
        }
    }
}
