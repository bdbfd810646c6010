//! OS-level facts about the current thread that `_thread` exposes: its kernel thread id
//! (`get_native_id`) and its name as tools like `top -H` and debuggers show it
//! (`set_name`). Kept here because this crate owns the libc dependency.

/// The kernel's id of the calling thread (Linux `gettid`).
pub fn native_id() -> u64 {
    // SAFETY: gettid takes no arguments and cannot fail.
    unsafe { libc::syscall(libc::SYS_gettid) as u64 }
}

/// Sets the OS name of the calling thread. Linux keeps at most 15 bytes: the name is cut
/// at a character boundary to fit, as CPython does. Interior NULs end the name.
pub fn set_name(name: &str) -> std::io::Result<()> {
    let name = name.split('\0').next().unwrap_or("");
    let mut end = name.len().min(15);
    while !name.is_char_boundary(end) {
        end -= 1;
    }
    let mut buf = [0u8; 16];
    buf[..end].copy_from_slice(&name.as_bytes()[..end]);
    // SAFETY: `buf` is a NUL-terminated buffer of at most 16 bytes that outlives the call;
    // pthread_self() is always a valid thread handle for the calling thread.
    let rc = unsafe { libc::pthread_setname_np(libc::pthread_self(), buf.as_ptr().cast()) };
    if rc != 0 {
        return Err(std::io::Error::from_raw_os_error(rc));
    }
    Ok(())
}
