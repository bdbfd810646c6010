//! A disassembler for debugging (`GILVM_DIS=1 gilvm file.py` prints every code object).
use std::fmt::Write;

use gilvm_object::code::CodeObject;
use gilvm_object::{Payload, Value};

fn name(o: &gilvm_object::ObjRef) -> &str {
    match o.payload() {
        Payload::Str(s) => s.as_str(),
        _ => "?",
    }
}

/// Text listing of a code object and, recursively, the code objects among its constants.
pub fn disassemble(code: &CodeObject) -> String {
    let mut out = String::new();
    let _ = writeln!(
        out,
        "code {} (args {}, locals {:?}, cells {:?}, free {:?})",
        name(&code.qualname),
        code.argcount,
        code.varnames
            .iter()
            .map(|v| name(v).to_string())
            .collect::<Vec<_>>(),
        code.cellvars
            .iter()
            .map(|v| name(v).to_string())
            .collect::<Vec<_>>(),
        code.freevars
            .iter()
            .map(|v| name(v).to_string())
            .collect::<Vec<_>>()
    );
    for (i, ins) in code.instrs.iter().enumerate() {
        let _ = writeln!(out, "  {:4} {:4}  {:?}", code.lines[i], i, ins);
    }
    for e in code.exc_table.iter() {
        let _ = writeln!(
            out,
            "  handler {}..{} -> {} depth {}",
            e.start, e.end, e.target, e.depth
        );
    }
    for c in code.consts.iter() {
        if let Value::Obj(o) = c {
            if let Payload::Code(inner) = o.payload() {
                out.push('\n');
                out.push_str(&disassemble(inner));
            }
        }
    }
    out
}
