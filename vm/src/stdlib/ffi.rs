//! Safe wrappers over the POSIX calls that `os`, `io` and `time` need and `std` does not
//! offer (raw file descriptors, `stat` fields, the C library's local time and `strftime`).
//! All of the native modules' `unsafe` lives here; every function is safe to call with any
//! argument, and failures come back as `std::io::Error` carrying the C `errno`.

use std::ffi::{CStr, CString};
use std::io::Error;

/// The result of a system call.
pub type OsResult<T> = Result<T, Error>;

fn cvt(r: libc::c_int) -> OsResult<libc::c_int> {
    if r == -1 {
        Err(Error::last_os_error())
    } else {
        Ok(r)
    }
}

fn cvt_ssize(r: libc::ssize_t) -> OsResult<usize> {
    if r < 0 {
        Err(Error::last_os_error())
    } else {
        Ok(r as usize)
    }
}

/// A path as a C string (the caller has already rejected embedded NUL bytes; one found
/// here is reported as `EINVAL`).
fn c_path(path: &[u8]) -> OsResult<CString> {
    CString::new(path).map_err(|_| Error::from_raw_os_error(libc::EINVAL))
}

/// Whether an error is `EINTR` (the call is retried, as CPython does after running signal
/// handlers; rpy has none).
fn interrupted(e: &Error) -> bool {
    e.raw_os_error() == Some(libc::EINTR)
}

/// `open(2)`.
pub fn open(path: &[u8], flags: i32, mode: u32) -> OsResult<i32> {
    let p = c_path(path)?;
    loop {
        // SAFETY: `p` is a valid NUL-terminated string for the duration of the call.
        let r = unsafe { libc::open(p.as_ptr(), flags, mode as libc::c_uint) };
        match cvt(r) {
            Err(e) if interrupted(&e) => continue,
            other => return other,
        }
    }
}

/// `read(2)` into `buf`.
pub fn read(fd: i32, buf: &mut [u8]) -> OsResult<usize> {
    loop {
        // SAFETY: `buf` is valid for writes of `buf.len()` bytes.
        let r = unsafe { libc::read(fd, buf.as_mut_ptr().cast(), buf.len()) };
        match cvt_ssize(r) {
            Err(e) if interrupted(&e) => continue,
            other => return other,
        }
    }
}

/// `write(2)` from `buf` (one call: may write less than all of it).
pub fn write(fd: i32, buf: &[u8]) -> OsResult<usize> {
    loop {
        // SAFETY: `buf` is valid for reads of `buf.len()` bytes.
        let r = unsafe { libc::write(fd, buf.as_ptr().cast(), buf.len()) };
        match cvt_ssize(r) {
            Err(e) if interrupted(&e) => continue,
            other => return other,
        }
    }
}

/// Writes all of `buf`, retrying short writes.
pub fn write_all(fd: i32, mut buf: &[u8]) -> OsResult<()> {
    while !buf.is_empty() {
        let n = write(fd, buf)?;
        if n == 0 {
            return Err(Error::from_raw_os_error(libc::EIO));
        }
        buf = &buf[n..];
    }
    Ok(())
}

/// `close(2)`.
pub fn close(fd: i32) -> OsResult<()> {
    // SAFETY: closing any integer is memory-safe; a bad descriptor gives EBADF.
    cvt(unsafe { libc::close(fd) }).map(|_| ())
}

/// `lseek(2)`: the new offset.
pub fn lseek(fd: i32, offset: i64, whence: i32) -> OsResult<i64> {
    // SAFETY: no pointers involved.
    let r = unsafe { libc::lseek(fd, offset as libc::off_t, whence) };
    if r < 0 {
        Err(Error::last_os_error())
    } else {
        Ok(r as i64)
    }
}

/// `ftruncate(2)`.
pub fn ftruncate(fd: i32, len: i64) -> OsResult<()> {
    // SAFETY: no pointers involved.
    cvt(unsafe { libc::ftruncate(fd, len as libc::off_t) }).map(|_| ())
}

/// `fsync(2)`.
pub fn fsync(fd: i32) -> OsResult<()> {
    // SAFETY: no pointers involved.
    cvt(unsafe { libc::fsync(fd) }).map(|_| ())
}

/// `isatty(3)`.
pub fn isatty(fd: i32) -> bool {
    // SAFETY: no pointers involved.
    unsafe { libc::isatty(fd) == 1 }
}

/// `dup(2)`.
pub fn dup(fd: i32) -> OsResult<i32> {
    // SAFETY: no pointers involved.
    cvt(unsafe { libc::dup(fd) })
}

/// `pipe(2)`: (read end, write end).
pub fn pipe() -> OsResult<(i32, i32)> {
    let mut fds = [0 as libc::c_int; 2];
    // SAFETY: `fds` has room for the two descriptors.
    cvt(unsafe { libc::pipe2(fds.as_mut_ptr(), libc::O_CLOEXEC) })?;
    Ok((fds[0], fds[1]))
}

/// The fields of `struct stat` that `os.stat_result` exposes.
#[derive(Clone, Debug, Default)]
pub struct Stat {
    pub mode: u32,
    pub ino: u64,
    pub dev: u64,
    pub nlink: u64,
    pub uid: u32,
    pub gid: u32,
    pub size: i64,
    pub atime: (i64, i64),
    pub mtime: (i64, i64),
    pub ctime: (i64, i64),
    pub blksize: i64,
    pub blocks: i64,
    pub rdev: u64,
}

fn stat_of(st: &libc::stat) -> Stat {
    Stat {
        mode: st.st_mode,
        ino: st.st_ino,
        dev: st.st_dev,
        nlink: st.st_nlink,
        uid: st.st_uid,
        gid: st.st_gid,
        size: st.st_size,
        atime: (st.st_atime, st.st_atime_nsec),
        mtime: (st.st_mtime, st.st_mtime_nsec),
        ctime: (st.st_ctime, st.st_ctime_nsec),
        blksize: st.st_blksize,
        blocks: st.st_blocks,
        rdev: st.st_rdev,
    }
}

/// `fstat(2)`.
pub fn fstat(fd: i32) -> OsResult<Stat> {
    let mut st = std::mem::MaybeUninit::<libc::stat>::zeroed();
    // SAFETY: `st` is valid for writes of a `struct stat`.
    cvt(unsafe { libc::fstat(fd, st.as_mut_ptr()) })?;
    // SAFETY: zero-initialized, then filled by a successful fstat.
    let st = unsafe { st.assume_init() };
    Ok(stat_of(&st))
}

/// `stat(2)`, or `lstat(2)` when `follow` is false.
pub fn stat(path: &[u8], follow: bool) -> OsResult<Stat> {
    let p = c_path(path)?;
    let mut st = std::mem::MaybeUninit::<libc::stat>::zeroed();
    // SAFETY: `p` is NUL-terminated and `st` is valid for writes of a `struct stat`.
    let r = unsafe {
        if follow {
            libc::stat(p.as_ptr(), st.as_mut_ptr())
        } else {
            libc::lstat(p.as_ptr(), st.as_mut_ptr())
        }
    };
    cvt(r)?;
    // SAFETY: zero-initialized, then filled by a successful call.
    let st = unsafe { st.assume_init() };
    Ok(stat_of(&st))
}

/// `access(2)`.
pub fn access(path: &[u8], mode: i32) -> bool {
    let Ok(p) = c_path(path) else {
        return false;
    };
    // SAFETY: `p` is NUL-terminated.
    unsafe { libc::access(p.as_ptr(), mode) == 0 }
}

/// `chmod(2)`.
pub fn chmod(path: &[u8], mode: u32) -> OsResult<()> {
    let p = c_path(path)?;
    // SAFETY: `p` is NUL-terminated.
    cvt(unsafe { libc::chmod(p.as_ptr(), mode as libc::mode_t) }).map(|_| ())
}

/// `mkdir(2)`.
pub fn mkdir(path: &[u8], mode: u32) -> OsResult<()> {
    let p = c_path(path)?;
    // SAFETY: `p` is NUL-terminated.
    cvt(unsafe { libc::mkdir(p.as_ptr(), mode as libc::mode_t) }).map(|_| ())
}

/// `umask(2)`: the previous mask.
pub fn umask(mask: u32) -> u32 {
    // SAFETY: no pointers involved.
    unsafe { libc::umask(mask as libc::mode_t) }
}

/// Process and user ids: (ppid, uid, euid, gid, egid).
pub fn ids() -> (i64, i64, i64, i64, i64) {
    // SAFETY: these calls take no arguments and cannot fail.
    unsafe {
        (
            i64::from(libc::getppid()),
            i64::from(libc::getuid()),
            i64::from(libc::geteuid()),
            i64::from(libc::getgid()),
            i64::from(libc::getegid()),
        )
    }
}

/// `kill(2)`.
pub fn kill(pid: i32, sig: i32) -> OsResult<()> {
    // SAFETY: no pointers involved.
    cvt(unsafe { libc::kill(pid, sig) }).map(|_| ())
}

/// Sets an environment variable of the process. The VM is single-threaded, so no other
/// thread can be reading the environment concurrently (the requirement of `set_var`).
pub fn set_env(key: &std::ffi::OsStr, value: &std::ffi::OsStr) {
    // SAFETY: see above: rpy runs Python code on one thread and spawns no others.
    unsafe { std::env::set_var(key, value) }
}

/// Removes an environment variable (same reasoning as `set_env`).
pub fn unset_env(key: &std::ffi::OsStr) {
    // SAFETY: see `set_env`.
    unsafe { std::env::remove_var(key) }
}

/// `clock_gettime(2)` of `clock`: (seconds, nanoseconds).
pub fn clock_gettime(clock: libc::clockid_t) -> OsResult<(i64, i64)> {
    let mut ts = libc::timespec {
        tv_sec: 0,
        tv_nsec: 0,
    };
    // SAFETY: `ts` is valid for writes.
    cvt(unsafe { libc::clock_gettime(clock, &mut ts) })?;
    Ok((ts.tv_sec, ts.tv_nsec))
}

/// `CLOCK_MONOTONIC`, `CLOCK_REALTIME`, `CLOCK_PROCESS_CPUTIME_ID`, `CLOCK_THREAD_CPUTIME_ID`.
pub const CLOCK_MONOTONIC: libc::clockid_t = libc::CLOCK_MONOTONIC;
/// See [`CLOCK_MONOTONIC`].
pub const CLOCK_REALTIME: libc::clockid_t = libc::CLOCK_REALTIME;
/// See [`CLOCK_MONOTONIC`].
pub const CLOCK_PROCESS: libc::clockid_t = libc::CLOCK_PROCESS_CPUTIME_ID;
/// See [`CLOCK_MONOTONIC`].
pub const CLOCK_THREAD: libc::clockid_t = libc::CLOCK_THREAD_CPUTIME_ID;

/// Broken-down time (`struct tm`), with the field meanings of C (`year` since 1900,
/// `mon` 0-11, `wday` 0 = Sunday, `yday` 0-365).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Tm {
    pub year: i64,
    pub mon: i32,
    pub mday: i32,
    pub hour: i32,
    pub min: i32,
    pub sec: i32,
    pub wday: i32,
    pub yday: i32,
    pub isdst: i32,
    pub gmtoff: i64,
    pub zone: String,
}

fn zone_of(tm: &libc::tm) -> String {
    if tm.tm_zone.is_null() {
        return String::new();
    }
    // SAFETY: a non-null `tm_zone` from the C library points at a NUL-terminated string
    // that lives as long as the time zone data (we copy it immediately).
    unsafe { CStr::from_ptr(tm.tm_zone) }
        .to_string_lossy()
        .into_owned()
}

fn tm_from_c(tm: &libc::tm) -> Tm {
    Tm {
        year: i64::from(tm.tm_year),
        mon: tm.tm_mon,
        mday: tm.tm_mday,
        hour: tm.tm_hour,
        min: tm.tm_min,
        sec: tm.tm_sec,
        wday: tm.tm_wday,
        yday: tm.tm_yday,
        isdst: tm.tm_isdst,
        gmtoff: tm.tm_gmtoff,
        zone: zone_of(tm),
    }
}

fn tm_to_c(t: &Tm) -> Option<libc::tm> {
    // SAFETY: `tm` is plain data; all-zero (null `tm_zone`) is a valid value.
    let mut tm: libc::tm = unsafe { std::mem::zeroed() };
    tm.tm_year = i32::try_from(t.year).ok()?;
    tm.tm_mon = t.mon;
    tm.tm_mday = t.mday;
    tm.tm_hour = t.hour;
    tm.tm_min = t.min;
    tm.tm_sec = t.sec;
    tm.tm_wday = t.wday;
    tm.tm_yday = t.yday;
    tm.tm_isdst = t.isdst;
    tm.tm_gmtoff = t.gmtoff as libc::c_long;
    Some(tm)
}

unsafe extern "C" {
    fn tzset();
}

/// `tzset(3)`: rereads `TZ`.
pub fn reset_timezone() {
    // SAFETY: tzset takes no arguments; rpy is single-threaded.
    unsafe { tzset() }
}

/// `localtime_r(3)`; `None` when the time cannot be represented.
pub fn localtime(t: i64) -> Option<Tm> {
    let tt = t as libc::time_t;
    // SAFETY: `tm` is plain data; all-zero is valid.
    let mut tm: libc::tm = unsafe { std::mem::zeroed() };
    // SAFETY: both pointers are valid for the call.
    let r = unsafe { libc::localtime_r(&tt, &mut tm) };
    if r.is_null() {
        None
    } else {
        Some(tm_from_c(&tm))
    }
}

/// `mktime(3)`; `None` when the result is not representable.
pub fn mktime(t: &Tm) -> Option<i64> {
    let mut tm = tm_to_c(t)?;
    tm.tm_wday = -1;
    // SAFETY: `tm` is valid for reads and writes.
    let r = unsafe { libc::mktime(&mut tm) };
    if r == -1 && tm.tm_wday == -1 {
        None
    } else {
        Some(r as i64)
    }
}

/// `strftime(3)` of `format` (no NUL bytes) for `t`, or `None` if the format is not
/// representable (the caller checks for NULs).
pub fn strftime(format: &[u8], t: &Tm) -> Option<Vec<u8>> {
    let fmt = CString::new(format).ok()?;
    let mut tm = tm_to_c(t)?;
    let zone = CString::new(t.zone.as_bytes()).ok()?;
    tm.tm_zone = zone.as_ptr();
    // An empty result is ambiguous (it can also mean "buffer too small"), so retry with
    // a larger buffer a few times, as CPython does (up to 256 bytes per format byte).
    let mut size = 1024usize.max(format.len() * 16);
    for _ in 0..3 {
        let mut buf = vec![0u8; size];
        // SAFETY: `buf` has `size` writable bytes; `fmt` and `tm` (whose `tm_zone` points
        // into `zone`, alive until the end of this function) are valid for reads.
        let n = unsafe { libc::strftime(buf.as_mut_ptr().cast(), size, fmt.as_ptr(), &tm) };
        if n > 0 || format.is_empty() {
            buf.truncate(n);
            return Some(buf);
        }
        size *= 4;
    }
    Some(Vec::new())
}

/// `strerror`-like text for an errno value (`No such file or directory`).
pub fn strerror(errno: i32) -> String {
    let s = Error::from_raw_os_error(errno).to_string();
    match s.find(" (os error") {
        Some(i) => s[..i].to_string(),
        None => s,
    }
}
