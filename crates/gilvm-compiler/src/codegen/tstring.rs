//! Template strings (PEP 750): `t"a{x!r:>{w}}b"` builds a `string.templatelib.Template`.
//!
//! Each replacement field becomes an `Interpolation(value, expression, conversion,
//! format_spec)`: the expression's source text as written between the brace and the
//! `=`/`!`/`:`/`}` that ends it, the conversion letter or None, and the format spec
//! evaluated to a str (nested fields included, as an f-string's). The static text
//! between fields, implicit concatenation included, becomes `strings`: always one more
//! than the interpolations. A debug field `{x = }` adds its text to the preceding string
//! and converts with `repr` unless a conversion or format spec is given.
use gilvm_object::code::Instr;
use gilvm_object::intrinsics;
use gilvm_object::{Owned, Value};
use ruff_python_ast::{self as ast};
use ruff_text_size::Ranged;

use super::{CResult, Compiler};

impl<'a, 'py> Compiler<'a, 'py> {
    pub(crate) fn tstring(&mut self, t: &'a ast::ExprTString) -> CResult {
        let mut strings: Vec<String> = vec![String::new()];
        let mut n = 0u32;
        for ts in t.value.iter() {
            for el in ts.elements.iter() {
                match el {
                    ast::InterpolatedStringElement::Literal(l) => {
                        strings.last_mut().unwrap().push_str(&l.value)
                    }
                    ast::InterpolatedStringElement::Interpolation(x) => {
                        let mut conv = match x.conversion {
                            ast::ConversionFlag::None => None,
                            ast::ConversionFlag::Str => Some("s"),
                            ast::ConversionFlag::Repr => Some("r"),
                            ast::ConversionFlag::Ascii => Some("a"),
                        };
                        if let Some(d) = &x.debug_text {
                            let text = format!("{}{}{}", d.leading(), d.expression(), d.trailing());
                            strings.last_mut().unwrap().push_str(&text);
                            if conv.is_none() && x.format_spec.is_none() {
                                conv = Some("r");
                            }
                        }
                        self.expr(&x.expression)?;
                        let text = self.field_text(x);
                        let k = self.b().str_const(&text);
                        self.emit(Instr::LoadConst(k));
                        match conv {
                            Some(c) => {
                                let k = self.b().str_const(c);
                                self.emit(Instr::LoadConst(k));
                            }
                            None => self.b().load_const(Value::None),
                        }
                        match &x.format_spec {
                            Some(spec) => {
                                let k = self.fstring_elements(&spec.elements)?;
                                if k == 0 {
                                    let i = self.b().str_const("");
                                    self.emit(Instr::LoadConst(i));
                                } else if k > 1 {
                                    self.emit(Instr::BuildString(k));
                                }
                            }
                            None => {
                                let i = self.b().str_const("");
                                self.emit(Instr::LoadConst(i));
                            }
                        }
                        self.emit(Instr::CallIntrinsic(
                            intrinsics::MAKE_INTERPOLATION << 8 | 4,
                        ));
                        n += 1;
                        strings.push(String::new());
                    }
                }
            }
        }
        self.emit(Instr::BuildTuple(n));
        let py = self.py;
        let items: Vec<Value> = strings
            .iter()
            .map(|s| Value::Obj(gilvm_object::str::intern(py, s)))
            .collect();
        let tup = gilvm_object::ObjRef::new_immortal(py, Owned::Tuple(items.into_boxed_slice()));
        self.b().load_const(Value::Obj(tup));
        self.emit(Instr::Swap(2));
        self.emit(Instr::CallIntrinsic(intrinsics::MAKE_TEMPLATE << 8 | 2));
        Ok(())
    }

    /// The source text of a field's expression: from after `{` to the `=`, `!`, `:` or `}`
    /// that ends it (closing parentheses of the expression and whitespace included).
    fn field_text(&self, x: &ast::InterpolatedElement) -> String {
        let src = self.source;
        let er = x.expression.range();
        let start = er.start().to_usize().min(src.len());
        let open = src[..start].rfind('{').map(|i| i + 1).unwrap_or(start);
        let mut end = er.end().to_usize().min(src.len());
        let bytes = src.as_bytes();
        while end < bytes.len() && matches!(bytes[end], b' ' | b'\t' | b'\n' | b'\r' | b')') {
            end += 1;
        }
        src[open..end].to_string()
    }
}
