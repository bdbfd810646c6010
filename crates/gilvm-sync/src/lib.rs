//! gilvm's lock strategy.
//!
//! This crate decides *how* threads may touch Python objects, and knows nothing of what a
//! Python object is. It provides:
//!
//! - [`Py`]: the attachment token. Every object API takes one; holding it proves that the
//!   current thread is attached to the VM (in the GIL build: holds the GIL).
//! - [`ObjCell`]: the per-object lock that guards the mutable state of a container. In the
//!   GIL build it is an `UnsafeCell` (the GIL already excludes other threads); in the
//!   free-threaded build it carries a one-byte `parking_lot::RawMutex`.
//! - [`ThreadState`] with its eval-breaker word, and [`attach`]/[`detach`].
//! - [`Gil`]: the global interpreter lock.
//! - [`signals`]: the C-level signal handler and interruptible waits; [`tripped`]: the
//!   lock-free flags that record which signals arrived (loom-checked).
//! - [`stats`] and [`trace`]: contention statistics and the thread timeline.
//!
//! **Architecture invariant:** `cfg(feature = "free-threading")` appears only in this crate
//! and in the object header (`gilvm-object/src/header.rs`). The VM reads the same in both
//! builds.
#![warn(clippy::undocumented_unsafe_blocks, clippy::missing_safety_doc)]

pub mod appendonly;
pub mod brc;
pub mod gil;
// os.fork: the child forgets the parent's parked threads (issue 19, mp).
mod fork;
pub mod objcell;
// Per-thread reference counts of published objects (issue 17).
pub mod ptrc;
// Kernel thread id and OS thread name (`_thread.get_native_id`, `set_name`).
pub mod osthread;
#[cfg(feature = "free-threading")]
mod readbias;
pub mod seqslot;
#[cfg(not(loom))]
pub mod signals;
pub mod stats;
pub mod stw;
pub mod sync;
pub mod thread;
pub mod token;
pub mod trace;
pub mod tripped;
pub mod world;

pub use gil::{Gil, Priority};
pub use objcell::ObjCell;
pub use thread::{
    current_owner_key, current_thread_id, current_thread_id_or_none, EvalBreaker, ThreadState,
    NO_OWNER,
};
pub use token::Py;

/// True when this is the free-threaded build.
pub const FREE_THREADING: bool = cfg!(feature = "free-threading");
