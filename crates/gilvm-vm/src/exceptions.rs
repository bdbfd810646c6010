//! The builtin exception hierarchy, as CPython 3.13 defines it.
use gilvm_object::str::intern;
use gilvm_object::types::{new_type, Layout};
use gilvm_object::Owned;
use gilvm_object::{ObjRef, Payload, Py, Value};

macro_rules! exc_types {
    ($root:ident; $($field:ident : $name:literal < $parent:ident),* $(,)?) => {
        /// The builtin exception types.
        pub struct ExcTypes {
            pub base_exception: ObjRef,
            $(pub $field: ObjRef,)*
        }
        impl ExcTypes {
            pub fn create(py: Py<'_>) -> ExcTypes {
                let object = &gilvm_object::types::builtin().object;
                let $root = make(py, "BaseException", &[object.clone()]);
                $(let $field = {
                    let parent: &ObjRef = &$parent;
                    let mut mro = vec![parent.clone()];
                    if let Payload::Type(t) = parent.payload() {
                        mro.extend(t.mro.iter().cloned());
                    }
                    make_with_mro(py, $name, parent, mro)
                };)*
                ExcTypes { base_exception: $root.clone(), $($field,)* }
            }
            /// All of them with their names (for the builtins module).
            pub fn all(&self) -> Vec<(&'static str, &ObjRef)> {
                vec![("BaseException", &self.base_exception), $(($name, &self.$field),)*]
            }
        }
    };
}

fn make(py: Py<'_>, name: &str, mro: &[ObjRef]) -> ObjRef {
    let dict = ObjRef::new_immortal(py, Owned::Dict(gilvm_object::dict::PyDict::new()));
    let t = new_type(
        py,
        name,
        mro.to_vec(),
        mro.to_vec(),
        dict,
        Layout::Exception,
        false,
    );
    t.make_immortal();
    if let Payload::Type(tt) = t.payload() {
        tt.dict().set_str(
            py,
            intern(py, "__module__"),
            Value::Obj(intern(py, "builtins")),
        );
    }
    t
}

fn make_with_mro(py: Py<'_>, name: &str, parent: &ObjRef, mro: Vec<ObjRef>) -> ObjRef {
    let dict = ObjRef::new_immortal(py, Owned::Dict(gilvm_object::dict::PyDict::new()));
    let t = new_type(
        py,
        name,
        vec![parent.clone()],
        mro,
        dict,
        Layout::Exception,
        false,
    );
    t.make_immortal();
    if let Payload::Type(tt) = t.payload() {
        tt.dict().set_str(
            py,
            intern(py, "__module__"),
            Value::Obj(intern(py, "builtins")),
        );
    }
    t
}

exc_types! {
    base_exception;
    system_exit: "SystemExit" < base_exception,
    keyboard_interrupt: "KeyboardInterrupt" < base_exception,
    generator_exit: "GeneratorExit" < base_exception,
    exception: "Exception" < base_exception,
    stop_iteration: "StopIteration" < exception,
    arithmetic_error: "ArithmeticError" < exception,
    floating_point_error: "FloatingPointError" < arithmetic_error,
    overflow_error: "OverflowError" < arithmetic_error,
    zero_division_error: "ZeroDivisionError" < arithmetic_error,
    assertion_error: "AssertionError" < exception,
    attribute_error: "AttributeError" < exception,
    buffer_error: "BufferError" < exception,
    eof_error: "EOFError" < exception,
    import_error: "ImportError" < exception,
    module_not_found_error: "ModuleNotFoundError" < import_error,
    lookup_error: "LookupError" < exception,
    index_error: "IndexError" < lookup_error,
    key_error: "KeyError" < lookup_error,
    memory_error: "MemoryError" < exception,
    name_error: "NameError" < exception,
    unbound_local_error: "UnboundLocalError" < name_error,
    os_error: "OSError" < exception,
    blocking_io_error: "BlockingIOError" < os_error,
    child_process_error: "ChildProcessError" < os_error,
    connection_error: "ConnectionError" < os_error,
    broken_pipe_error: "BrokenPipeError" < connection_error,
    connection_aborted_error: "ConnectionAbortedError" < connection_error,
    connection_refused_error: "ConnectionRefusedError" < connection_error,
    connection_reset_error: "ConnectionResetError" < connection_error,
    file_exists_error: "FileExistsError" < os_error,
    file_not_found_error: "FileNotFoundError" < os_error,
    interrupted_error: "InterruptedError" < os_error,
    is_a_directory_error: "IsADirectoryError" < os_error,
    not_a_directory_error: "NotADirectoryError" < os_error,
    permission_error: "PermissionError" < os_error,
    process_lookup_error: "ProcessLookupError" < os_error,
    timeout_error: "TimeoutError" < os_error,
    reference_error: "ReferenceError" < exception,
    runtime_error: "RuntimeError" < exception,
    not_implemented_error: "NotImplementedError" < runtime_error,
    recursion_error: "RecursionError" < runtime_error,
    syntax_error: "SyntaxError" < exception,
    indentation_error: "IndentationError" < syntax_error,
    tab_error: "TabError" < indentation_error,
    // codeop's "more input needed" (builtins._IncompleteInputError, CPython 3.13+).
    incomplete_input_error: "_IncompleteInputError" < syntax_error,
    system_error: "SystemError" < exception,
    type_error: "TypeError" < exception,
    value_error: "ValueError" < exception,
    unicode_error: "UnicodeError" < value_error,
    unicode_decode_error: "UnicodeDecodeError" < unicode_error,
    unicode_encode_error: "UnicodeEncodeError" < unicode_error,
    warning: "Warning" < exception,
    deprecation_warning: "DeprecationWarning" < warning,
    runtime_warning: "RuntimeWarning" < warning,
    user_warning: "UserWarning" < warning,
    // The rest of CPython's builtin warnings and errors (issue 19: the Lib uses them).
    pending_deprecation_warning: "PendingDeprecationWarning" < warning,
    syntax_warning: "SyntaxWarning" < warning,
    future_warning: "FutureWarning" < warning,
    import_warning: "ImportWarning" < warning,
    unicode_warning: "UnicodeWarning" < warning,
    bytes_warning: "BytesWarning" < warning,
    resource_warning: "ResourceWarning" < warning,
    encoding_warning: "EncodingWarning" < warning,
    unicode_translate_error: "UnicodeTranslateError" < unicode_error,
    python_finalization_error: "PythonFinalizationError" < runtime_error,
    // Coroutines (coro.rs, asyncgen.rs).
    stop_async_iteration: "StopAsyncIteration" < exception,
}
