//! The hash tables and hash functions used by dict and set, in one place.
pub use crate::dicttable::DictTable;
pub use crate::hashing::{
    hash_bigint, hash_bytes, hash_f64, hash_i64, hash_pointer, hash_str, hash_tuple,
};
pub use crate::settable::SetTable;
