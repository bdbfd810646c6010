//! What the steps of the builtin iterators share with the containers they iterate.
//!
//! A dict or set iterator's step is a method of the container ([`crate::dict::PyDict::iter_step`],
//! [`crate::set::PySet::iter_step`]): it checks the size and reads the next entry in one
//! section of the container.

/// How a dict or set iterator's step went ([`crate::dict::PyDict::iter_step`],
/// [`crate::set::PySet::iter_step`]).
#[derive(Debug)]
pub enum TableStep<T> {
    /// The next entry, and the position after it.
    Next(usize, T),
    /// No entry left.
    End,
    /// The container's size changed since iteration started ("changed size during
    /// iteration").
    SizeChanged,
}
