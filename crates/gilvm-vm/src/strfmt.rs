//! `str % args` formatting on top of `gilvm_object::fmt::percent`.
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
        let tyname = "str";
        for piece in PercentParser::new(&text) {
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
            spec.check_conversion()
                .map_err(|e| self.fmt_err(e, tyname))?;
            let arg = match &spec.key {
                Some(k) => {
                    let Some(m) = &mapping else {
                        return Err(self.type_error("format requires a mapping"));
                    };
                    used_mapping = true;
                    let key = self.new_str(k.clone());
                    self.getitem(m, &key)?
                }
                None => take(self)?,
            };
            let s = match spec.conv {
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
            return Err(self.type_error("not all arguments converted during string formatting"));
        }
        let _ = used_mapping;
        Ok(self.new_str(out))
    }
}
