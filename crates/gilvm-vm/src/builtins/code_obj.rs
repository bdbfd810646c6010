//! The Python view of code objects (`type(f.__code__)`, what `compile()` returns): the
//! `co_*` attributes gilvm's code objects carry, and the repr. gilvm's bytecode is its own,
//! so there is no `co_code`; `co_consts` and `co_names` are gilvm's (CPython's hold the same
//! names and constants, not necessarily in the same order or number).
use gilvm_object::code::{flags, CodeObject};
use gilvm_object::{ObjRef, Value};

use crate::eval::str_of;
use crate::interp::Interp;

/// CPython's `co_flags` bits for a gilvm code object.
fn co_flags(c: &CodeObject) -> i64 {
    let mut f = 0;
    if c.flags & flags::NAME_SCOPE == 0 {
        f |= 0x1 | 0x2; // CO_OPTIMIZED | CO_NEWLOCALS
    }
    if c.flags & flags::VARARGS != 0 {
        f |= 0x4;
    }
    if c.flags & flags::VARKEYWORDS != 0 {
        f |= 0x8;
    }
    if c.flags & flags::NESTED != 0 {
        f |= 0x10;
    }
    if c.flags & flags::GENERATOR != 0 {
        f |= 0x20;
    }
    // Coroutines (coro.rs): CO_COROUTINE, CO_ITERABLE_COROUTINE, CO_ASYNC_GENERATOR.
    if c.flags & flags::COROUTINE != 0 {
        f |= 0x80;
    }
    if c.flags & flags::ITERABLE_COROUTINE != 0 {
        f |= 0x100;
    }
    if c.flags & flags::ASYNC_GENERATOR != 0 {
        f |= 0x200;
    }
    f
}

/// The attribute `n` of a code object, if it has one.
pub fn code_attr(interp: &mut Interp, c: &CodeObject, n: &str) -> Option<Value> {
    let names = |interp: &Interp, v: &[ObjRef]| {
        interp.new_tuple(v.iter().map(|x| Value::Obj(x.clone())).collect())
    };
    Some(match n {
        "co_name" => Value::Obj(c.name.clone()),
        "co_qualname" => Value::Obj(c.qualname.clone()),
        "co_filename" => Value::Obj(c.filename.clone()),
        "co_firstlineno" => Value::Int(c.firstlineno as i64),
        "co_argcount" => Value::Int(c.argcount as i64),
        "co_posonlyargcount" => Value::Int(c.posonlyargcount as i64),
        "co_kwonlyargcount" => Value::Int(c.kwonlyargcount as i64),
        "co_nlocals" => Value::Int(c.nlocals() as i64),
        "co_stacksize" => Value::Int(c.stacksize as i64),
        "co_flags" => Value::Int(co_flags(c)),
        "co_varnames" => names(interp, &c.varnames),
        "co_cellvars" => names(interp, &c.cellvars),
        "co_freevars" => names(interp, &c.freevars),
        "co_names" => names(interp, &c.names),
        "co_consts" => interp.new_tuple(c.consts.to_vec()),
        _ => return None,
    })
}

/// `<code object NAME at 0x..., file "FILE", line N>`.
pub fn code_repr(c: &CodeObject, addr: usize) -> String {
    format!(
        "<code object {} at {:#x}, file \"{}\", line {}>",
        str_of(&c.name),
        addr,
        str_of(&c.filename),
        c.firstlineno
    )
}
