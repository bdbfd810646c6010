//! placeholder (being written)
pub mod dicttable;
pub mod fmt;
pub mod hashing;
pub mod settable;
