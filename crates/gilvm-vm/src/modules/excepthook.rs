//! `sys.excepthook` / `sys.__excepthook__`: prints an exception and its traceback (and
//! chain) to `sys.stderr`, with gilvm's own traceback formatting, as the interpreter does
//! for an uncaught exception. `threading` reads `sys.excepthook` when a thread is made and
//! calls it when a `threading.excepthook` itself fails.
use gilvm_object::Value;

use crate::args::Args;
use crate::error::{PyErr, PyResult};
use crate::interp::Interp;

/// `excepthook(exctype, value, traceback, /)`.
fn excepthook(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let a = args.exact(interp, "excepthook", 3, 3)?;
    let text = match &a[1] {
        Value::Obj(e) if crate::error::exc_data(e).is_some() => {
            crate::traceback::format_exception(interp, &PyErr(e.clone()))
        }
        v => {
            let tn = interp.type_name(v).to_string();
            format!("TypeError: print_exception(): Exception expected for value, {tn} found\n")
        }
    };
    write_to_stderr(interp, &text)?;
    Ok(Value::None)
}

/// Writes `text` to `sys.stderr` (the process's stderr when it is missing or None).
pub fn write_to_stderr(interp: &mut Interp, text: &str) -> PyResult<()> {
    let sys = Value::Obj(interp.g.sys.clone());
    let file = interp.getattr_str(&sys, "stderr").unwrap_or(Value::None);
    if file.is_none() {
        crate::modules::io::write_stderr_py(interp, text);
        return Ok(());
    }
    let write = interp.getattr_str(&file, "write")?;
    let s = interp.new_str(text);
    interp.call1(&write, &[s])?;
    if let Ok(flush) = interp.getattr_str(&file, "flush") {
        interp.call1(&flush, &[])?;
    }
    Ok(())
}

/// Adds `excepthook` and `__excepthook__` to `sys` (module `m`).
pub fn init(interp: &mut Interp, m: &gilvm_object::ObjRef) {
    interp.add_function(m, "excepthook", excepthook);
    let hook = interp
        .getattr_str(&Value::Obj(m.clone()), "excepthook")
        .unwrap_or(Value::None);
    interp.add_value(m, "__excepthook__", hook);
}
