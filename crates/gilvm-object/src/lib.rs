//! gilvm's object model: the object header and reference counting ([`ObjRef`]), values
//! ([`Value`]), type objects, and the payloads of the core types.
//!
//! **Architecture invariant:** this crate knows nothing of the interpreter: no frames, no
//! eval loop, no calling of Python code. Where an operation would need Python code (a user
//! `__eq__` while looking up a dict), it says so (`Lookup::NeedsPython`) and lets the VM do
//! it. `cfg(feature = "free-threading")` appears only in `header.rs`.
#![warn(clippy::undocumented_unsafe_blocks, clippy::missing_safety_doc)]

pub mod attrs;
pub mod bytearray;
pub mod code;
pub mod complex;
pub mod deque;
pub mod dict;
pub mod dicttable;
pub mod exc;
pub mod fmt;
pub mod gc;
pub mod hashing;
pub mod header;
pub mod instclass;
pub mod intrinsics;
pub mod iterstate;
pub mod keys;
pub mod lifecycle;
pub mod list;
pub mod memoryview;
pub mod objref;
pub mod payload;
pub mod set;
pub mod settable;
pub mod str;
// Issue 19: assignable function `__code__`/`__defaults__`/`__kwdefaults__` (branch core).
pub mod stwref;
pub mod surrogate;
pub mod tables;
pub mod types;
pub mod value;
pub mod weakref;

pub use gilvm_sync::{ObjCell, Py};
pub use objref::{ObjRef, SendRef};
pub use payload::{Kind, Owned, Payload};
pub use value::Value;
