//! The hash tables and hash functions used by dict and set (re-exported from their modules).
pub use crate::tmp_tables::*;

/// Hash of a bytes object.
pub fn hash_bytes(b: &[u8]) -> i64 {
    let mut h: u64 = 0xcbf29ce484222325;
    for x in b {
        h ^= *x as u64;
        h = h.wrapping_mul(0x100000001b3);
    }
    let h = h as i64;
    if h == -1 { -2 } else { h }
}
