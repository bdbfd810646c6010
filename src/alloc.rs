//! The global allocator: mimalloc, as in CPython 3.13.
//!
//! Python programs allocate and free small objects at a high rate, and in the free-threaded
//! build an object is freed by whichever thread drops its last reference, often not the one
//! that allocated it. mimalloc's per-thread pages and lock-free cross-thread free lists serve
//! both cases faster than the system allocator.
//!
//! The `mimalloc` crate's allocator calls `mi_malloc_aligned` for every request; its alignment
//! checks cost about twice mimalloc's plain `mi_malloc` fast path, and nearly every request
//! here (objects, strings, vectors of values) needs no more than the 16 bytes every
//! `mi_malloc` block of 16 bytes or more is aligned to. So this forwards such requests to the
//! plain functions, with the rule the standard library's `System` allocator uses for
//! `malloc`, and only the rest to the aligned ones.
use std::alloc::{GlobalAlloc, Layout};
use std::ffi::c_void;

use libmimalloc_sys as mi;

/// mimalloc's guaranteed alignment for blocks of at least this size (`MI_MAX_ALIGN_SIZE`).
const MIN_ALIGN: usize = 16;

pub struct MiMalloc;

#[inline(always)]
fn plain(layout: &Layout) -> bool {
    layout.align() <= MIN_ALIGN && layout.align() <= layout.size()
}

// SAFETY: every block comes from mimalloc and goes back to it: `mi_free` frees blocks of both
// kinds, and `mi_realloc` keeps the block's alignment when the request is `plain` (the size
// stays at least the alignment). Each function honours the layout's size and alignment as
// argued at `plain`, and returns null on failure as `GlobalAlloc` requires.
unsafe impl GlobalAlloc for MiMalloc {
    #[inline]
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        // SAFETY: mimalloc's allocation functions accept any size and power-of-two alignment.
        unsafe {
            if plain(&layout) {
                mi::mi_malloc(layout.size()) as *mut u8
            } else {
                mi::mi_malloc_aligned(layout.size(), layout.align()) as *mut u8
            }
        }
    }

    #[inline]
    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        // SAFETY: as in `alloc`.
        unsafe {
            if plain(&layout) {
                mi::mi_zalloc(layout.size()) as *mut u8
            } else {
                mi::mi_zalloc_aligned(layout.size(), layout.align()) as *mut u8
            }
        }
    }

    #[inline]
    unsafe fn dealloc(&self, ptr: *mut u8, _layout: Layout) {
        // SAFETY: `ptr` was returned by this allocator (the caller's contract).
        unsafe { mi::mi_free(ptr as *mut c_void) }
    }

    #[inline]
    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        let new = Layout::from_size_align(new_size, layout.align());
        // SAFETY: `ptr` was returned by this allocator with `layout` (the caller's contract);
        // the aligned variant keeps an over-aligned block's alignment.
        unsafe {
            match new {
                Ok(l) if plain(&l) => mi::mi_realloc(ptr as *mut c_void, new_size) as *mut u8,
                _ => {
                    mi::mi_realloc_aligned(ptr as *mut c_void, new_size, layout.align()) as *mut u8
                }
            }
        }
    }
}
