//! Code objects in marshal data: gilvm's own record (type byte `'c'`), not CPython's.
//!
//! **What.** A code object is what gilvm's compiler produced (gilvm-object's
//! `CodeObject`); the record holds every field the compiler sets, so that reading it back
//! rebuilds the same object (its lock-free caches start empty, as after compiling):
//!
//! ```text
//! 'c' BUILD_ID:u64  argcount posonlyargcount kwonlyargcount flags firstlineno
//!     stacksize attr_ways (u32 each)
//!     ninstrs:u32 nbytes:u32 <instructions, nbytes bytes>  lines:u32 × ninstrs
//!     cols:(u32, u32) × ninstrs
//!     consts names varnames cellvars freevars (marshal tuples)  name qualname filename
//!     ncell2arg:u32 (u32, MAX for none) × n   nexc:u32 (start end target depth) × n
//! ```
//!
//! **Invariants.** `BUILD_ID` (build.rs) names the compiler and instruction set that made
//! the record; a record from another build is refused with ValueError, as is one whose
//! operands point outside its tables (an index past `consts`, `names`, the locals, the
//! cells, a jump past the end), so a bad file never reaches the interpreter's loop.
use gilvm_object::code::{BinOp, CmpOp, CodeObject, ExcEntry, Instr, UnOp};
use gilvm_object::{ObjRef, Owned, Payload, Value};

use super::read::{bad, Reader};
use super::write::Writer;
use crate::error::PyResult;
use crate::interp::Interp;

include!(concat!(env!("OUT_DIR"), "/build_id.rs"));
include!(concat!(env!("OUT_DIR"), "/instr_codec.rs"));

/// The instruction bytes being decoded.
pub(super) struct InstrInput<'a> {
    data: &'a [u8],
    pos: usize,
}

impl InstrInput<'_> {
    fn u8(&mut self) -> Option<u8> {
        let b = *self.data.get(self.pos)?;
        self.pos += 1;
        Some(b)
    }
    fn u32(&mut self) -> Option<u32> {
        let b = self.data.get(self.pos..self.pos + 4)?;
        self.pos += 4;
        Some(u32::from_le_bytes([b[0], b[1], b[2], b[3]]))
    }
}

fn binop(b: u8) -> Option<BinOp> {
    BinOp::ALL.get(b as usize).copied()
}
fn cmpop(b: u8) -> Option<CmpOp> {
    use CmpOp::*;
    [Lt, Le, Eq, Ne, Gt, Ge].get(b as usize).copied()
}
fn unop(b: u8) -> Option<UnOp> {
    use UnOp::*;
    [Neg, Pos, Invert, Not].get(b as usize).copied()
}

pub(super) fn write_code(w: &mut Writer, interp: &mut Interp, c: &CodeObject) -> PyResult<()> {
    w.out.extend_from_slice(&BUILD_ID.to_le_bytes());
    for v in [
        c.argcount,
        c.posonlyargcount,
        c.kwonlyargcount,
        c.flags,
        c.firstlineno,
        c.stacksize,
        c.attr_ways as u32,
    ] {
        w.u32(v);
    }
    let mut bytes = Vec::with_capacity(c.instrs.len() * 5);
    for i in c.instrs.iter() {
        encode_instr(i, &mut bytes);
    }
    w.u32(c.instrs.len() as u32);
    w.u32(bytes.len() as u32);
    w.out.extend_from_slice(&bytes);
    for &l in c.lines.iter() {
        w.u32(l);
    }
    for &(a, b) in c.cols.iter() {
        w.u32(a);
        w.u32(b);
    }
    let consts = interp.new_tuple(c.consts.to_vec());
    w.object(interp, &consts)?;
    for names in [&c.names, &c.varnames, &c.cellvars, &c.freevars] {
        let t = interp.new_tuple(names.iter().map(|n| Value::Obj(n.clone())).collect());
        w.object(interp, &t)?;
    }
    for s in [&c.name, &c.qualname, &c.filename] {
        w.object(interp, &Value::Obj(s.clone()))?;
    }
    w.u32(c.cell2arg.len() as u32);
    for a in c.cell2arg.iter() {
        w.u32(a.unwrap_or(u32::MAX));
    }
    w.u32(c.exc_table.len() as u32);
    for e in c.exc_table.iter() {
        for v in [e.start, e.end, e.target, e.depth] {
            w.u32(v);
        }
    }
    Ok(())
}

/// A tuple of interned strs (the name tables).
fn names(r: &mut Reader<'_>, interp: &mut Interp) -> PyResult<Box<[ObjRef]>> {
    let t = r.item(interp, "code")?;
    let items = match &t {
        Value::Obj(o) => match o.payload() {
            Payload::Tuple(items) => items.to_vec(),
            _ => return Err(bad(interp, "code object names are not a tuple")),
        },
        _ => return Err(bad(interp, "code object names are not a tuple")),
    };
    let mut out = Vec::with_capacity(items.len());
    for v in items {
        out.push(interned(interp, &v)?);
    }
    Ok(out.into_boxed_slice())
}

/// The interned str for a name read from the record (a `'t'`/`'Z'` string already is:
/// the reader interned it, so it is immortal).
fn interned(interp: &mut Interp, v: &Value) -> PyResult<ObjRef> {
    match v {
        Value::Obj(o) if o.is_immortal() && matches!(o.payload(), Payload::Str(_)) => Ok(o.clone()),
        _ => match v.as_str() {
            Some(s) => Ok(interp.intern(s)),
            None => Err(bad(interp, "code object name is not a str")),
        },
    }
}

fn str_field(r: &mut Reader<'_>, interp: &mut Interp) -> PyResult<ObjRef> {
    let v = r.item(interp, "code")?;
    interned(interp, &v)
}

pub(super) fn read_code(r: &mut Reader<'_>, interp: &mut Interp) -> PyResult<ObjRef> {
    let id = r.take(interp, 8)?;
    let mut idb = [0u8; 8];
    idb.copy_from_slice(id);
    if u64::from_le_bytes(idb) != BUILD_ID {
        return Err(bad(interp, "code object from another gilvm build"));
    }
    let mut hdr = [0u32; 7];
    for h in hdr.iter_mut() {
        *h = r.u32(interp)?;
    }
    let [argcount, posonlyargcount, kwonlyargcount, flags, firstlineno, stacksize, attr_ways] = hdr;
    let n = r.u32(interp)? as usize;
    let nbytes = r.u32(interp)? as usize;
    let data = r.take(interp, nbytes)?.to_vec();
    let mut input = InstrInput {
        data: &data,
        pos: 0,
    };
    let mut instrs = Vec::with_capacity(n.min(nbytes));
    for _ in 0..n {
        match decode_instr(&mut input) {
            Some(i) => instrs.push(i),
            None => return Err(bad(interp, "bad instruction in code object")),
        }
    }
    if input.pos != data.len() {
        return Err(bad(interp, "bad instruction in code object"));
    }
    let raw = r.take(interp, n * 4)?.to_vec();
    let lines: Box<[u32]> = raw
        .chunks_exact(4)
        .map(|b| u32::from_le_bytes([b[0], b[1], b[2], b[3]]))
        .collect();
    let raw = r.take(interp, n * 8)?.to_vec();
    let cols: Box<[(u32, u32)]> = raw
        .chunks_exact(8)
        .map(|b| {
            (
                u32::from_le_bytes([b[0], b[1], b[2], b[3]]),
                u32::from_le_bytes([b[4], b[5], b[6], b[7]]),
            )
        })
        .collect();
    let consts = match r.item(interp, "code")? {
        Value::Obj(o) => match o.payload() {
            Payload::Tuple(items) => items.to_vec().into_boxed_slice(),
            _ => return Err(bad(interp, "code object constants are not a tuple")),
        },
        _ => return Err(bad(interp, "code object constants are not a tuple")),
    };
    let names_t = names(r, interp)?;
    let varnames = names(r, interp)?;
    let cellvars = names(r, interp)?;
    let freevars = names(r, interp)?;
    let name = str_field(r, interp)?;
    let qualname = str_field(r, interp)?;
    let stored_filename = str_field(r, interp)?;
    let filename = r.filename.clone().unwrap_or(stored_filename);
    let ncell = r.u32(interp)? as usize;
    let raw = r.take(interp, ncell * 4)?.to_vec();
    let cell2arg: Box<[Option<u32>]> = raw
        .chunks_exact(4)
        .map(|b| match u32::from_le_bytes([b[0], b[1], b[2], b[3]]) {
            u32::MAX => None,
            a => Some(a),
        })
        .collect();
    let nexc = r.u32(interp)? as usize;
    let raw = r.take(interp, nexc * 16)?.to_vec();
    let exc_table: Box<[ExcEntry]> = raw
        .chunks_exact(16)
        .map(|b| {
            let f = |k: usize| u32::from_le_bytes([b[k], b[k + 1], b[k + 2], b[k + 3]]);
            ExcEntry {
                start: f(0),
                end: f(4),
                target: f(8),
                depth: f(12),
            }
        })
        .collect();
    let attr_ways = attr_ways as usize;
    let code = CodeObject {
        name,
        qualname,
        filename,
        firstlineno,
        instrs: instrs.into_boxed_slice(),
        lines,
        cols,
        consts,
        module_name_cache: gilvm_object::dict::SeqSlot::new(),
        global_cache: (0..names_t.len())
            .map(|_| gilvm_object::dict::SeqSlot::new())
            .collect(),
        attr_cache: (0..names_t.len() * attr_ways)
            .map(|_| gilvm_object::dict::SeqSlot::new())
            .collect(),
        attr_ways,
        names: names_t,
        varnames,
        cellvars,
        freevars,
        cell2arg,
        argcount,
        posonlyargcount,
        kwonlyargcount,
        flags,
        exc_table,
        stacksize,
    };
    if let Err(what) = validate(&code) {
        return Err(bad(interp, what));
    }
    Ok(interp.new_obj(Owned::Code(code)))
}

/// Checks the record's operands against its tables (see the module comment).
fn validate(c: &CodeObject) -> Result<(), &'static str> {
    let n = c.instrs.len() as u32;
    let (nconst, nname, nlocal) = (
        c.consts.len() as u32,
        c.names.len() as u32,
        c.varnames.len() as u32,
    );
    let ncell = (c.cellvars.len() + c.freevars.len()) as u32;
    if !(1..=4).contains(&c.attr_ways) {
        return Err("bad code object header");
    }
    if (c.argcount as usize) > c.varnames.len()
        || c.posonlyargcount > c.argcount
        || c.total_args() > c.varnames.len()
    {
        return Err("bad code object arguments");
    }
    if c.cell2arg.len() > c.cellvars.len() || c.cell2arg.iter().flatten().any(|&a| a >= nlocal) {
        return Err("bad code object cells");
    }
    for e in c.exc_table.iter() {
        if e.start > e.end || e.end > n || e.target >= n {
            return Err("bad code object exception table");
        }
    }
    let lo = |x: u32| x & 0xffff;
    let hi = |x: u32| x >> 16;
    for ins in c.instrs.iter() {
        use Instr::*;
        let ok = match *ins {
            LoadConst(i) => i < nconst,
            LoadFast(i) | StoreFast(i) | DeleteFast(i) | CheckFast(i) | BinarySubscrFast(i) => {
                i < nlocal
            }
            LoadDeref(i)
            | StoreDeref(i)
            | DeleteDeref(i)
            | LoadClosure(i)
            | LoadClassDeref(i)
            | StoreClassCell(i)
            | LoadFromDictOrDeref(i) => i < ncell,
            LoadGlobal(i)
            | StoreGlobal(i)
            | DeleteGlobal(i)
            | LoadName(i)
            | StoreName(i)
            | DeleteName(i)
            | LoadAttr(i)
            | StoreAttr(i)
            | DeleteAttr(i)
            | LoadMethod(i)
            | ImportName(i)
            | ImportFrom(i)
            | LoadFromDictOrGlobals(i) => i < nname,
            Jump(t) | PopJumpIfFalse(t) | PopJumpIfTrue(t) | JumpIfFalseOrPop(t)
            | JumpIfTrueOrPop(t) | ForIter(t) => t < n,
            CompareOpJumpIfFalse(_, t) | IsOpJumpIfFalse(_, t) => t < n,
            BinaryOpStoreFast(_, i) | InplaceOpStoreFast(_, i) => i < nlocal,
            LoadFastLoadFast(x) => lo(x) < nlocal && hi(x) < nlocal,
            LoadFastLoadConst(x) => lo(x) < nlocal && hi(x) < nconst,
            LoadFastLoadAttr(x) | LoadFastLoadMethod(x) | LoadFastStoreAttr(x) => {
                lo(x) < nlocal && hi(x) < nname
            }
            _ => true,
        };
        if !ok {
            return Err("bad operand in code object");
        }
    }
    if c.lines.len() != c.instrs.len() || c.cols.len() != c.instrs.len() {
        return Err("bad code object line table");
    }
    Ok(())
}
