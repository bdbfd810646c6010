//! The native calling convention: positional values followed by keyword values, with the
//! keyword names in a separate slice (CPython's vectorcall shape, without allocation).
use gilvm_object::{Payload, Value};

use crate::error::PyResult;
use crate::interp::Interp;

/// Arguments of a call.
#[derive(Clone, Copy)]
pub struct Args<'a> {
    /// Positional values then keyword values.
    pub all: &'a [Value],
    /// Names of the trailing keyword values (str objects).
    pub kwnames: &'a [Value],
}

impl<'a> Args<'a> {
    pub fn new(all: &'a [Value]) -> Args<'a> {
        Args { all, kwnames: &[] }
    }
    /// The positional arguments.
    #[inline]
    pub fn pos(&self) -> &'a [Value] {
        &self.all[..self.all.len() - self.kwnames.len()]
    }
    /// The keyword arguments as (name, value).
    pub fn kwargs(&self) -> impl Iterator<Item = (&'a str, &'a Value)> {
        let vals = &self.all[self.all.len() - self.kwnames.len()..];
        self.kwnames
            .iter()
            .map(|n| n.as_str().unwrap_or(""))
            .zip(vals.iter())
    }
    /// The first positional argument and the call's other arguments, positional and
    /// keyword: `g(f, *rest, **kw)` forwarded as `f(*rest, **kw)`. None without one.
    pub fn split_first(&self) -> Option<(&'a Value, Args<'a>)> {
        if self.pos().is_empty() {
            return None;
        }
        Some((
            &self.all[0],
            Args {
                all: &self.all[1..],
                kwnames: self.kwnames,
            },
        ))
    }
    pub fn has_kwargs(&self) -> bool {
        !self.kwnames.is_empty()
    }
    /// A keyword argument by name.
    pub fn kw(&self, name: &str) -> Option<&'a Value> {
        self.kwargs().find(|(n, _)| *n == name).map(|(_, v)| v)
    }
    /// Raises if any keyword is not in `allowed`.
    pub fn check_kw(&self, interp: &Interp, fname: &str, allowed: &[&str]) -> PyResult<()> {
        for (n, _) in self.kwargs() {
            if !allowed.contains(&n) {
                return Err(interp.type_error(format!(
                    "{fname}() got an unexpected keyword argument '{n}'"
                )));
            }
        }
        Ok(())
    }
    /// Positional arguments, checking the count and that there are no keywords.
    pub fn exact(
        &self,
        interp: &Interp,
        fname: &str,
        min: usize,
        max: usize,
    ) -> PyResult<&'a [Value]> {
        if self.has_kwargs() {
            return Err(interp.type_error(format!("{fname}() takes no keyword arguments")));
        }
        self.count(interp, fname, min, max)
    }
    /// Positional arguments with a count check (keywords allowed, checked elsewhere).
    pub fn count(
        &self,
        interp: &Interp,
        fname: &str,
        min: usize,
        max: usize,
    ) -> PyResult<&'a [Value]> {
        let p = self.pos();
        if p.len() < min || p.len() > max {
            let msg = if min == max {
                match min {
                    0 => format!("{fname}() takes no arguments ({} given)", p.len()),
                    1 => format!("{fname}() takes exactly one argument ({} given)", p.len()),
                    _ => format!(
                        "{fname}() takes exactly {min} arguments ({} given)",
                        p.len()
                    ),
                }
            } else if p.len() < min {
                format!(
                    "{fname} expected at least {min} argument{}, got {}",
                    if min == 1 { "" } else { "s" },
                    p.len()
                )
            } else {
                format!(
                    "{fname} expected at most {max} argument{}, got {}",
                    if max == 1 { "" } else { "s" },
                    p.len()
                )
            };
            return Err(interp.type_error(msg));
        }
        Ok(p)
    }
}

/// Is this value a str?
pub fn is_str(v: &Value) -> bool {
    matches!(v, Value::Obj(o) if matches!(o.payload(), Payload::Str(_)))
}
