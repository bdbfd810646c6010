//! Python exceptions as Rust errors: [`PyErr`] wraps an exception instance.
use gilvm_object::exc::ExcData;
use gilvm_object::payload::{Instance, InstanceBase};
use gilvm_object::Owned;
use gilvm_object::{ObjCell, ObjRef, Payload, Value};

use crate::interp::Interp;

/// A raised Python exception (the exception instance).
#[derive(Clone, Debug)]
pub struct PyErr(pub ObjRef);

/// Result of an operation that may raise.
pub type PyResult<T = Value> = Result<T, PyErr>;

impl PyErr {
    /// The exception's data (traceback, cause, context, args).
    pub fn data(&self) -> &ObjCell<ExcData> {
        exc_data(&self.0).expect("PyErr holds an exception")
    }
    pub fn value(&self) -> Value {
        Value::Obj(self.0.clone())
    }
}

/// The exception data of an exception instance.
pub fn exc_data(o: &ObjRef) -> Option<&ObjCell<ExcData>> {
    match o.payload() {
        Payload::Instance(Instance {
            base: InstanceBase::Exception(d),
            ..
        }) => Some(d),
        _ => None,
    }
}

impl Interp {
    /// Creates an exception instance of `ty` with `args`.
    pub fn new_exception(&self, ty: &ObjRef, args: Vec<Value>) -> ObjRef {
        let args = self.new_tuple(args);
        ObjRef::new(
            self.py,
            Owned::Instance(Instance::new(
                ty.clone(),
                InstanceBase::Exception(Box::new(ObjCell::new(ExcData::new(args)))),
            )),
        )
    }
    /// An exception of type `ty` with one message argument.
    pub fn err(&self, ty: &ObjRef, msg: impl Into<String>) -> PyErr {
        let m = self.new_str(msg.into());
        PyErr(self.new_exception(ty, vec![m]))
    }
    pub fn type_error(&self, msg: impl Into<String>) -> PyErr {
        self.err(&self.g.exc.type_error, msg)
    }
    pub fn value_error(&self, msg: impl Into<String>) -> PyErr {
        self.err(&self.g.exc.value_error, msg)
    }
    pub fn index_error(&self, msg: impl Into<String>) -> PyErr {
        self.err(&self.g.exc.index_error, msg)
    }
    pub fn attribute_error(&self, msg: impl Into<String>) -> PyErr {
        self.err(&self.g.exc.attribute_error, msg)
    }
    pub fn name_error(&self, msg: impl Into<String>) -> PyErr {
        self.err(&self.g.exc.name_error, msg)
    }
    pub fn zero_division(&self, msg: impl Into<String>) -> PyErr {
        self.err(&self.g.exc.zero_division_error, msg)
    }
    pub fn overflow_error(&self, msg: impl Into<String>) -> PyErr {
        self.err(&self.g.exc.overflow_error, msg)
    }
    pub fn runtime_error(&self, msg: impl Into<String>) -> PyErr {
        self.err(&self.g.exc.runtime_error, msg)
    }
    pub fn recursion_error(&self) -> PyErr {
        self.err(
            &self.g.exc.recursion_error,
            "maximum recursion depth exceeded",
        )
    }
    /// A RecursionError with CPython's message for where the limit was hit.
    pub fn recursion_error_msg(&self, msg: &str) -> PyErr {
        self.err(&self.g.exc.recursion_error, msg)
    }
    pub fn not_implemented_error(&self, msg: impl Into<String>) -> PyErr {
        self.err(&self.g.exc.not_implemented_error, msg)
    }
    pub fn import_error(&self, msg: impl Into<String>) -> PyErr {
        self.err(&self.g.exc.import_error, msg)
    }
    pub fn key_error(&self, key: Value) -> PyErr {
        PyErr(self.new_exception(&self.g.exc.key_error, vec![key]))
    }
    pub fn stop_iteration(&self, value: Value) -> PyErr {
        let args = if value.is_none() { vec![] } else { vec![value] };
        PyErr(self.new_exception(&self.g.exc.stop_iteration, args))
    }
    /// Is `e` an instance of exception type `ty` (or a subclass)?
    pub fn matches(&self, e: &PyErr, ty: &ObjRef) -> bool {
        gilvm_object::types::is_subtype(gilvm_object::types::type_of_obj(&e.0), ty)
    }
}
