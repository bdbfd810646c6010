//! The runtime side of the `match` statement: the tests behind `MatchSequence`,
//! `MatchMapping`, `MatchKeys` and `MatchClass` (the compiler's `pattern.rs` has the
//! essay on how patterns are compiled).
//!
//! * A **sequence** pattern accepts what CPython marks as a sequence: `list`, `tuple`,
//!   `range`, `collections.deque` and their subclasses; never `str`, `bytes` or
//!   `bytearray` (gilvm has no `collections.abc` to register other classes with).
//! * A **mapping** pattern accepts `dict` and its subclasses (`defaultdict`,
//!   `OrderedDict`, `Counter`, user subclasses). Keys are looked up with the subject's
//!   `get(key, sentinel)`, never with `[]`, so a `defaultdict` creates no key and a
//!   `__missing__` is not called; a key given twice (two value patterns that compare
//!   equal) is CPython's ValueError.
//! * A **class** pattern checks `isinstance(subject, cls)` (with `__instancecheck__`),
//!   then reads the attributes named by `cls.__match_args__` for the positional
//!   sub-patterns and by the keywords, each at most once; a missing attribute is no match.
//!   The builtins `bool`, `bytes`, `dict`, `float`, `frozenset`, `int`, `list`, `set`,
//!   `str`, `tuple` and their subclasses (unless they define `__match_args__`) take one
//!   positional sub-pattern, matched against the subject itself.
//!
//! Each returns its answer as a value for the stack; Python code (a user `get`,
//! `__instancecheck__` or property) may run, and its exceptions propagate.
use gilvm_object::types::{is_subtype, type_name, type_of};
use gilvm_object::{ObjRef, Owned, Payload, Value};

use crate::args::Args;
use crate::error::PyResult;
use crate::interp::Interp;

impl Interp {
    /// `MatchSequence`: may a sequence pattern match `v`?
    pub fn match_sequence(&mut self, v: &Value) -> bool {
        let Value::Obj(o) = v else { return false };
        match o.payload() {
            Payload::List(_) | Payload::Tuple(_) | Payload::Range(_) => return true,
            Payload::Str(_) | Payload::Bytes(_) | Payload::Int(_) => return false,
            _ => {}
        }
        let t = type_of(v).clone();
        let g = &self.g.types;
        if is_subtype(&t, &g.list) || is_subtype(&t, &g.tuple) || is_subtype(&t, &g.range) {
            return true;
        }
        let deque = crate::modules::collections::types(self).deque.clone();
        is_subtype(&t, &deque)
    }

    /// `MatchMapping`: may a mapping pattern match `v`?
    pub fn match_mapping(&self, v: &Value) -> bool {
        let Value::Obj(o) = v else { return false };
        if matches!(o.payload(), Payload::Dict(_)) {
            return true;
        }
        is_subtype(type_of(v), &self.g.types.dict)
    }

    /// `MatchKeys`: the tuple of `subject`'s values for `keys` (a tuple), or `None` when a
    /// key is missing.
    pub fn match_keys(&mut self, subject: &Value, keys: &Value) -> PyResult {
        let keys: Vec<Value> = match keys {
            Value::Obj(o) => match o.payload() {
                Payload::Tuple(items) => items.to_vec(),
                _ => return Err(self.type_error("match keys must be a tuple")),
            },
            _ => return Err(self.type_error("match keys must be a tuple")),
        };
        if keys.is_empty() {
            return Ok(self.new_tuple(Vec::new()));
        }
        let seen = self.new_set_from(Vec::new(), false)?;
        // An exact dict answers directly; anything else through its `get`.
        let exact_dict = match subject {
            Value::Obj(o) if matches!(o.payload(), Payload::Dict(_)) => Some(o.clone()),
            _ => None,
        };
        let get = match exact_dict {
            Some(_) => None,
            None => Some(self.getattr_str(subject, "get")?),
        };
        let sentinel = Value::Obj(ObjRef::new(self.py, Owned::Object(())));
        let mut values = Vec::with_capacity(keys.len());
        for key in keys {
            if self.set_contains(&seen, &key)? {
                let r = self.repr(&key)?;
                return Err(self.value_error(format!("mapping pattern checks duplicate key ({r})")));
            }
            self.set_add(&seen, key.clone())?;
            let found = match (&exact_dict, &get) {
                (Some(d), _) => self.dict_get(d, &key)?,
                (None, Some(get)) => {
                    let v = self.call(get, Args::new(&[key, sentinel.clone()]))?;
                    if v.is(&sentinel) {
                        None
                    } else {
                        Some(v)
                    }
                }
                (None, None) => None,
            };
            match found {
                Some(v) => values.push(v),
                None => return Ok(Value::None),
            }
        }
        Ok(self.new_tuple(values))
    }

    /// `MatchClass(nargs)`: the attributes of `subject` for a class pattern with `nargs`
    /// positional sub-patterns and the keyword `names` (a tuple of str), or `None` when
    /// `subject` is not an instance of `cls` or lacks one of them.
    pub fn match_class(
        &mut self,
        subject: &Value,
        cls: &Value,
        nargs: usize,
        names: &Value,
    ) -> PyResult {
        let cls_ref = match cls {
            Value::Obj(o) if matches!(o.payload(), Payload::Type(_)) => o.clone(),
            _ => return Err(self.type_error("called match pattern must be a class")),
        };
        if !crate::builtins::core::isinstance_of(self, subject, cls, "isinstance")? {
            return Ok(Value::None);
        }
        let cname = type_name(&cls_ref).to_string();
        let mut seen: Vec<ObjRef> = Vec::new();
        let mut attrs: Vec<Value> = Vec::new();
        if nargs > 0 {
            let ma_name = gilvm_object::str::intern(self.py, "__match_args__");
            let match_args = self.getattr_optional(cls, &ma_name)?;
            let (args, match_self) = match match_args {
                Some(v) => match &v {
                    Value::Obj(o) if matches!(o.payload(), Payload::Tuple(_)) => {
                        let Payload::Tuple(items) = o.payload() else {
                            unreachable!()
                        };
                        (items.to_vec(), false)
                    }
                    _ => {
                        let got = self.type_name(&v);
                        return Err(self.type_error(format!(
                            "{cname}.__match_args__ must be a tuple (got {got})"
                        )));
                    }
                },
                None => (Vec::new(), self.matches_self(&cls_ref)),
            };
            let allowed = if match_self { 1 } else { args.len() };
            if allowed < nargs {
                let plural = if allowed == 1 { "" } else { "s" };
                return Err(self.type_error(format!(
                    "{cname}() accepts {allowed} positional sub-pattern{plural} ({nargs} given)"
                )));
            }
            if match_self {
                attrs.push(subject.clone());
            } else {
                for name in &args[..nargs] {
                    let name = match name {
                        Value::Obj(o) if matches!(o.payload(), Payload::Str(_)) => o.clone(),
                        other => {
                            let got = self.type_name(other);
                            return Err(self.type_error(format!(
                                "__match_args__ elements must be strings (got {got})"
                            )));
                        }
                    };
                    match self.match_class_attr(subject, &cname, &name, &mut seen)? {
                        Some(v) => attrs.push(v),
                        None => return Ok(Value::None),
                    }
                }
            }
        }
        let names: Vec<Value> = match names {
            Value::Obj(o) => match o.payload() {
                Payload::Tuple(items) => items.to_vec(),
                _ => Vec::new(),
            },
            _ => Vec::new(),
        };
        for name in names {
            let Value::Obj(name) = name else { continue };
            match self.match_class_attr(subject, &cname, &name, &mut seen)? {
                Some(v) => attrs.push(v),
                None => return Ok(Value::None),
            }
        }
        Ok(self.new_tuple(attrs))
    }

    /// One attribute of a class pattern; each name may be asked for once.
    fn match_class_attr(
        &mut self,
        subject: &Value,
        cname: &str,
        name: &ObjRef,
        seen: &mut Vec<ObjRef>,
    ) -> PyResult<Option<Value>> {
        let text = name.as_str_payload_or_empty();
        if seen.iter().any(|s| s.as_str_payload_or_empty() == text) {
            let r = self.repr(&Value::Obj(name.clone()))?;
            return Err(self.type_error(format!(
                "{cname}() got multiple sub-patterns for attribute {r}"
            )));
        }
        seen.push(name.clone());
        self.getattr_optional(subject, name)
    }

    /// Do instances of `cls` match a single positional sub-pattern by themselves (CPython's
    /// `_Py_TPFLAGS_MATCH_SELF`, inherited by subclasses)?
    fn matches_self(&self, cls: &ObjRef) -> bool {
        let g = &self.g.types;
        [
            &g.bool_,
            &g.bytes,
            &g.dict,
            &g.float,
            &g.frozenset,
            &g.int,
            &g.list,
            &g.set,
            &g.str_,
            &g.tuple,
        ]
        .into_iter()
        .any(|t| is_subtype(cls, t))
    }
}

trait StrText {
    fn as_str_payload_or_empty(&self) -> &str;
}

impl StrText for ObjRef {
    fn as_str_payload_or_empty(&self) -> &str {
        match self.payload() {
            Payload::Str(s) => s.as_str(),
            _ => "",
        }
    }
}
