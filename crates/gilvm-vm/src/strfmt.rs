//! `str % args` and `bytes % args` (PEP 461) formatting on top of
//! `gilvm_object::fmt::percent`. Bytes are formatted as Latin-1 text, one char per byte:
//! `%s`/`%b` insert a bytes-like object (or what `__bytes__` returns), `%r`/`%a` its
//! `ascii()`, `%c` one byte; the numeric conversions are str's.
use gilvm_object::fmt::{
    percent_char_from_int, percent_float, percent_int, percent_str, PercentCount, PercentParser,
    PercentPiece,
};
use gilvm_object::{Payload, Value};

use crate::error::PyResult;
use crate::interp::Interp;
use crate::ops::to_f64;

impl Interp {
    /// `fmt % args`.
    pub fn percent_format(&mut self, fmt: &Value, args: &Value) -> PyResult {
        let text = fmt.as_str().unwrap_or("").to_string();
        let out = self.percent_core(&text, args, false)?;
        Ok(self.new_str(out))
    }

    /// `fmt % args` for bytes.
    pub fn percent_format_bytes(&mut self, fmt: &[u8], args: &Value) -> PyResult<Vec<u8>> {
        let text: String = fmt.iter().map(|&b| b as char).collect();
        let out = self.percent_core(&text, args, true)?;
        // Every char is below 256: Latin-1 input, ASCII conversions.
        Ok(out.chars().map(|c| c as u32 as u8).collect())
    }

    /// A bytes-like object (or `__bytes__`) as Latin-1 text, for `%b`/`%s` of bytes.
    fn percent_bytes_arg(&mut self, arg: &Value, conv: char) -> PyResult<String> {
        if let Some(b) = crate::buffer::bytes_like(self.py, arg) {
            return Ok(b.iter().map(|&c| c as char).collect());
        }
        if arg.as_str().is_none() {
            if let Some(m) =
                self.lookup_special_name(arg, &gilvm_object::static_name!(self.py, "__bytes__"))
            {
                let r = self.call1(&m, &[arg.clone()])?;
                if let Some(b) = crate::buffer::bytes_like(self.py, &r) {
                    return Ok(b.iter().map(|&c| c as char).collect());
                }
                return Err(self.type_error(format!(
                    "__bytes__ returned non-bytes (type {})",
                    self.type_name(&r)
                )));
            }
        }
        let _ = conv;
        Err(self.type_error(format!(
            "%b requires a bytes-like object, or an object that implements __bytes__, not '{}'",
            self.type_name(arg)
        )))
    }

    fn percent_core(&mut self, text: &str, args: &Value, bytes: bool) -> PyResult<String> {
        // (A subclass of tuple is the tuple it holds, as CPython's `PyTuple_Check` takes it.)
        let args = match args.subclass_value() {
            Some(t @ Value::Obj(o)) if matches!(o.payload(), Payload::Tuple(_)) => t,
            _ => args,
        };
        let (items, mapping): (Vec<Value>, Option<Value>) = match args {
            Value::Obj(o) => match o.payload() {
                Payload::Tuple(t) => (t.to_vec(), None),
                Payload::Dict(_) => (vec![args.clone()], Some(args.clone())),
                // A tuple subclass (a namedtuple, which keeps its items in the list layout).
                Payload::Instance(gilvm_object::payload::Instance {
                    class,
                    base: gilvm_object::payload::InstanceBase::List(l),
                    ..
                }) if gilvm_object::types::is_subtype(class, &self.g.types.tuple) => {
                    (l.snapshot(self.py), None)
                }
                // (Not a subclass of str: `"%s" % S("x")` formats it.)
                Payload::Instance(_)
                    if args.as_str().is_none()
                        && self
                            .lookup_special_name(
                                args,
                                &gilvm_object::static_name!(self.py, "__getitem__"),
                            )
                            .is_some() =>
                {
                    (vec![args.clone()], Some(args.clone()))
                }
                _ => (vec![args.clone()], None),
            },
            _ => (vec![args.clone()], None),
        };
        let mut out = String::new();
        let mut next = 0usize;
        let mut used_mapping = false;
        let tyname = if bytes { "bytes" } else { "str" };
        for piece in PercentParser::new(text) {
            let piece = piece.map_err(|e| self.fmt_err(e, tyname))?;
            let mut spec = match piece {
                PercentPiece::Literal(s) => {
                    out.push_str(&s);
                    continue;
                }
                PercentPiece::Spec(s) => s,
            };
            if spec.conv == '%' {
                out.push('%');
                continue;
            }
            let mut take = |interp: &mut Interp| -> PyResult<Value> {
                if next < items.len() {
                    next += 1;
                    Ok(items[next - 1].clone())
                } else {
                    Err(interp.type_error("not enough arguments for format string"))
                }
            };
            if matches!(spec.width, PercentCount::Star) {
                let w = take(self)?;
                let w = self
                    .index_value(&w)
                    .map_err(|_| self.type_error("* wants int"))?;
                spec.set_star_width(w);
            }
            if matches!(spec.precision, PercentCount::Star) {
                let p = take(self)?;
                let p = self
                    .index_value(&p)
                    .map_err(|_| self.type_error("* wants int"))?;
                spec.set_star_precision(p)
                    .map_err(|e| self.fmt_err(e, tyname))?;
            }
            if !(bytes && spec.conv == 'b') {
                spec.check_conversion()
                    .map_err(|e| self.fmt_err(e, tyname))?;
            }
            let arg = match &spec.key {
                Some(k) => {
                    let Some(m) = &mapping else {
                        return Err(self.type_error("format requires a mapping"));
                    };
                    used_mapping = true;
                    let key = if bytes {
                        let kb: Vec<u8> = k.chars().map(|c| c as u32 as u8).collect();
                        crate::builtins::bytes::new_bytes(self, kb)
                    } else {
                        self.new_str(k.clone())
                    };
                    self.getitem(m, &key)?
                }
                None => take(self)?,
            };
            let s = match spec.conv {
                's' | 'b' if bytes => {
                    let s = self.percent_bytes_arg(&arg, spec.conv)?;
                    percent_str(&s, &spec)
                }
                'r' | 'a' if bytes => {
                    let s = self.ascii(&arg)?;
                    percent_str(&s, &spec)
                }
                'c' if bytes => {
                    let c = match crate::buffer::bytes_like(self.py, &arg) {
                        Some(b) if b.len() == 1 => b[0],
                        Some(b) => {
                            return Err(self.type_error(format!(
                                "%c requires an integer in range(256) or a single byte, \
                                 not a bytes object of length {}",
                                b.len()
                            )))
                        }
                        None => match arg.to_bigint() {
                            Some(n) => match u8::try_from(n) {
                                Ok(c) => c,
                                Err(_) => {
                                    return Err(self.overflow_error("%c arg not in range(256)"))
                                }
                            },
                            None => {
                                return Err(self.type_error(format!(
                                    "%c requires an integer in range(256) or a single byte, \
                                     not {}",
                                    self.type_name(&arg)
                                )))
                            }
                        },
                    };
                    percent_str(&(c as char).to_string(), &spec)
                }
                's' => {
                    let s = self.str_string(&arg)?;
                    percent_str(&s, &spec)
                }
                'r' => {
                    let s = self.repr(&arg)?;
                    percent_str(&s, &spec)
                }
                'a' => {
                    let s = self.ascii(&arg)?;
                    percent_str(&s, &spec)
                }
                'c' => {
                    let c = match arg.as_str() {
                        Some(s) if s.chars().count() == 1 => s.to_string(),
                        Some(_) => return Err(self.type_error(
                            "%c requires an int or a unicode character, not a string of length 2",
                        )),
                        None => match arg.to_bigint() {
                            Some(b) => percent_char_from_int(&b)
                                .map_err(|e| self.fmt_err(e, tyname))?
                                .to_string(),
                            None => {
                                return Err(self.type_error(format!(
                                    "%c requires an int or a unicode character, not {}",
                                    self.type_name(&arg)
                                )))
                            }
                        },
                    };
                    percent_str(&c, &spec)
                }
                'd' | 'i' | 'u' | 'o' | 'x' | 'X' => {
                    let b = match arg.base_value() {
                        Value::Float(f) if matches!(spec.conv, 'd' | 'i' | 'u') => {
                            if !f.is_finite() {
                                return Err(
                                    self.overflow_error("cannot convert float infinity to integer")
                                );
                            }
                            num_bigint::BigInt::from(f.trunc() as i128)
                        }
                        _ => match arg.to_bigint() {
                            Some(b) => b,
                            None => {
                                let what = if matches!(spec.conv, 'o' | 'x' | 'X') {
                                    "an integer is required".to_string()
                                } else {
                                    "a real number is required".to_string()
                                };
                                return Err(self.type_error(format!(
                                    "%{} format: {what}, not {}",
                                    spec.conv,
                                    self.type_name(&arg)
                                )));
                            }
                        },
                    };
                    percent_int(&b, &spec)
                }
                'e' | 'E' | 'f' | 'F' | 'g' | 'G' => match to_f64(arg.base_value()) {
                    Some(f) => percent_float(f, &spec),
                    None => {
                        return Err(self.type_error(format!(
                            "must be real number, not {}",
                            self.type_name(&arg)
                        )))
                    }
                },
                other => {
                    return Err(self.value_error(format!(
                        "unsupported format character '{other}' ({:#x})",
                        other as u32
                    )))
                }
            };
            out.push_str(&s.map_err(|e| self.fmt_err(e, tyname))?);
        }
        if next < items.len() && mapping.is_none() {
            return Err(self.type_error(format!(
                "not all arguments converted during {} formatting",
                if bytes { "bytes" } else { "string" }
            )));
        }
        let _ = used_mapping;
        Ok(out)
    }
}
