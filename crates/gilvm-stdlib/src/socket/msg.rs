//! `sendmsg`/`recvmsg` with ancillary data (`multiprocessing` passes descriptors with
//! SCM_RIGHTS), and `CMSG_LEN`/`CMSG_SPACE`.
//!
//! Control messages are built in, and read from, a buffer of u64 words (cmsghdr's
//! alignment) with the libc CMSG_* functions; reads are bounded by the length the
//! kernel returned, so a truncated control buffer (MSG_CTRUNC) yields the complete
//! messages and the data that fits of the last one, as CPython's.
use std::mem::{size_of, zeroed};

use gilvm_object::{ObjRef, Value};
use gilvm_vm::{Args, Interp, PyResult};

use super::addr::{self, Addr};
use super::sock::{call, info};
use crate::posix::args as pargs;

fn cmsg_len(n: usize) -> usize {
    // SAFETY: CMSG_LEN is arithmetic.
    unsafe { libc::CMSG_LEN(n as u32) as usize }
}

fn cmsg_space(n: usize) -> usize {
    // SAFETY: CMSG_SPACE is arithmetic.
    unsafe { libc::CMSG_SPACE(n as u32) as usize }
}

fn length_arg(interp: &mut Interp, args: &Args<'_>, name: &str) -> PyResult<usize> {
    let a = args.exact(interp, name, 1, 1)?;
    let n = pargs::long(interp, &a[0])?;
    // The largest length whose CMSG_SPACE fits a socklen_t.
    if n < 0 || n as u64 > (u32::MAX as u64 - 64) {
        return Err(interp.overflow_error(format!("{name}() argument out of range")));
    }
    Ok(n as usize)
}

fn cmsg_len_fn(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let n = length_arg(interp, &args, "CMSG_LEN")?;
    Ok(Value::Int(cmsg_len(n) as i64))
}

fn cmsg_space_fn(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let n = length_arg(interp, &args, "CMSG_SPACE")?;
    Ok(Value::Int(cmsg_space(n) as i64))
}

/// `sendmsg(buffers[, ancdata[, flags[, address]]])`.
pub fn sendmsg(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let a = args.exact(interp, "sendmsg", 2, 5)?;
    let s = info(interp, &a[0])?;
    let mut bufs: Vec<Vec<u8>> = Vec::new();
    for b in interp.collect(&a[1])? {
        match gilvm_vm::buffer::bytes_like(interp.py, &b) {
            Some(x) => bufs.push(x.into_owned()),
            None => {
                return Err(interp.type_error(format!(
                    "a bytes-like object is required, not '{}'",
                    interp.type_name(&b)
                )))
            }
        }
    }
    // The control messages: (level, type, data).
    let mut items: Vec<(i32, i32, Vec<u8>)> = Vec::new();
    if let Some(anc) = a.get(2) {
        for it in interp.collect(anc)? {
            let t = interp.collect(&it)?;
            if t.len() != 3 {
                return Err(interp.type_error(
                    "[sendmsg() ancillary data items]() argument must be sequence of length 3",
                ));
            }
            let level = pargs::int(interp, &t[0])?;
            let ty = pargs::int(interp, &t[1])?;
            let data = crate::common::buffer_arg(interp, &t[2])?.into_owned();
            items.push((level, ty, data));
        }
    }
    let flags = match a.get(3) {
        Some(v) => pargs::int(interp, v)?,
        None => 0,
    };
    let to = match a.get(4) {
        Some(v) if !v.is_none() => Some(addr::parse(interp, s.family, v, "sendmsg")?),
        _ => None,
    };
    let space: usize = items.iter().map(|(_, _, d)| cmsg_space(d.len())).sum();
    let mut control = vec![0u64; space.div_ceil(8)];
    let iov: Vec<libc::iovec> = bufs
        .iter()
        .map(|b| libc::iovec {
            iov_base: b.as_ptr() as *mut libc::c_void,
            iov_len: b.len(),
        })
        .collect();
    // SAFETY: msghdr is plain data.
    let mut mh: libc::msghdr = unsafe { zeroed() };
    mh.msg_iov = iov.as_ptr() as *mut libc::iovec;
    mh.msg_iovlen = iov.len() as _;
    if let Some(t) = &to {
        mh.msg_name = t.ptr() as *mut libc::c_void;
        mh.msg_namelen = t.len;
    }
    if space > 0 {
        mh.msg_control = control.as_mut_ptr() as *mut libc::c_void;
        mh.msg_controllen = space as _;
        // SAFETY: the control buffer has `space` bytes, room for every message's
        // CMSG_SPACE; CMSG_FIRSTHDR/NXTHDR stay within it.
        unsafe {
            let mut c = libc::CMSG_FIRSTHDR(&mh);
            for (level, ty, data) in &items {
                if c.is_null() {
                    break;
                }
                (*c).cmsg_level = *level;
                (*c).cmsg_type = *ty;
                (*c).cmsg_len = cmsg_len(data.len()) as _;
                std::ptr::copy_nonoverlapping(data.as_ptr(), libc::CMSG_DATA(c), data.len());
                c = libc::CMSG_NXTHDR(&mh, c);
            }
        }
    }
    let mp = &mh as *const libc::msghdr as usize;
    let fd = s.fd;
    let r = call(interp, &s, libc::POLLOUT, move || {
        // SAFETY: `mh` and everything it points to (iov, bufs, control, address) live
        // until `call` returns.
        unsafe { libc::sendmsg(fd, mp as *const libc::msghdr, flags | libc::MSG_NOSIGNAL) }
    })?;
    drop((iov, bufs, control, to));
    Ok(Value::Int(r as i64))
}

/// `recvmsg(bufsize[, ancbufsize[, flags]])` -> (data, ancdata, msg_flags, address).
pub fn recvmsg(interp: &mut Interp, args: Args<'_>) -> PyResult {
    let a = args.exact(interp, "recvmsg", 2, 4)?;
    let s = info(interp, &a[0])?;
    let n = pargs::long(interp, &a[1])?;
    if n < 0 {
        return Err(interp.value_error("negative buffer size in recvmsg()"));
    }
    let anc = match a.get(2) {
        Some(v) => pargs::long(interp, v)?,
        None => 0,
    };
    if anc < 0 {
        return Err(interp.value_error("negative buffer size in recvmsg()"));
    }
    let flags = match a.get(3) {
        Some(v) => pargs::int(interp, v)?,
        None => 0,
    };
    let mut buf = crate::posix::fd::zeroed_buf(interp, n as usize)?;
    let mut control = vec![0u64; (anc as usize).div_ceil(8)];
    let mut name = Addr::buffer();
    let mut iov = libc::iovec {
        iov_base: buf.as_mut_ptr() as *mut libc::c_void,
        iov_len: buf.len(),
    };
    // SAFETY: msghdr is plain data.
    let mut mh: libc::msghdr = unsafe { zeroed() };
    mh.msg_iov = &mut iov;
    mh.msg_iovlen = 1;
    mh.msg_name = name.ptr_mut() as *mut libc::c_void;
    mh.msg_namelen = name.len;
    if anc > 0 {
        mh.msg_control = control.as_mut_ptr() as *mut libc::c_void;
        mh.msg_controllen = anc as usize as _;
    }
    let mp = &mut mh as *mut libc::msghdr as usize;
    let fd = s.fd;
    let namelen = name.len;
    let anc_len = if anc > 0 { anc as usize } else { 0 };
    let got = call(interp, &s, libc::POLLIN, move || {
        let mh = mp as *mut libc::msghdr;
        // SAFETY: `mh` and the buffers it points to live until `call` returns; the
        // lengths are reset before each attempt.
        unsafe {
            (*mh).msg_namelen = namelen;
            (*mh).msg_controllen = anc_len as _;
            libc::recvmsg(fd, mh, flags)
        }
    })?;
    buf.truncate(got as usize);
    name.len = mh.msg_namelen;
    // The control messages, within the length the kernel wrote.
    let mut out = Vec::new();
    let clen = mh.msg_controllen as usize;
    if anc > 0 && clen > 0 {
        let base = control.as_ptr() as usize;
        // SAFETY: CMSG_FIRSTHDR/NXTHDR walk the control buffer, which holds `clen`
        // valid bytes; each item's data is read only within those bytes.
        unsafe {
            let mut c = libc::CMSG_FIRSTHDR(&mh);
            while !c.is_null() {
                let start = c as usize - base;
                if start + cmsg_len(0) > clen {
                    break;
                }
                let dstart = libc::CMSG_DATA(c) as usize - base;
                let end = (start + (*c).cmsg_len as usize).min(clen);
                let data = if end > dstart {
                    std::slice::from_raw_parts((base + dstart) as *const u8, end - dstart)
                } else {
                    &[]
                };
                let level = (*c).cmsg_level;
                let ty = (*c).cmsg_type;
                let d = pargs::new_bytes(interp, data);
                out.push(interp.new_tuple(vec![
                    Value::Int(level as i64),
                    Value::Int(ty as i64),
                    d,
                ]));
                if (*c).cmsg_len as usize == 0 {
                    break;
                }
                c = libc::CMSG_NXTHDR(&mh, c);
            }
        }
    }
    let data = crate::common::new_bytes(interp, buf);
    let anc_list = interp.new_list(out);
    let addr_v = if name.len == 0 || size_of::<libc::sa_family_t>() > name.len as usize {
        Value::None
    } else {
        addr::to_value(interp, &name)?
    };
    Ok(interp.new_tuple(vec![
        data,
        anc_list,
        Value::Int(mh.msg_flags as i64),
        addr_v,
    ]))
}

pub fn init(interp: &mut Interp, m: &ObjRef) {
    interp.add_function(m, "CMSG_LEN", cmsg_len_fn);
    interp.add_function(m, "CMSG_SPACE", cmsg_space_fn);
}
