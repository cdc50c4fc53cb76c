//! The C math library, called directly: CPython's `math` module uses the platform libm, so
//! calling the same functions gives bit-identical results (Rust's own `asinh`, `acosh` and
//! `atanh` are computed differently, and `erf`/`erfc` are not in std).
//!
//! The exceptions are `acosh`, `asinh`, `atanh`, `erf` and `erfc`: the reference CPython
//! runs on glibc 2.43, whose versions of these are correctly rounded (CORE-MATH), while
//! older glibc releases are off by one ulp on a few percent of inputs. A correctly rounded
//! result is unique, so taking them from `pxfm` (a Rust port of the CORE-MATH algorithms)
//! matches the reference on every input, whatever libm the host has.
//!
//! Every function here is a pure function of its `f64` arguments (no pointers, no global
//! state that Rust observes; `errno` is ignored because callers classify results from
//! their values, as CPython's wrappers do), so declaring them `safe` is sound.

use std::sync::OnceLock;

unsafe extern "C" {
    pub safe fn acos(x: f64) -> f64;
    pub safe fn asin(x: f64) -> f64;
    pub safe fn atan(x: f64) -> f64;
    pub safe fn atan2(y: f64, x: f64) -> f64;
    pub safe fn cos(x: f64) -> f64;
    pub safe fn cosh(x: f64) -> f64;
    pub safe fn exp(x: f64) -> f64;
    pub safe fn exp2(x: f64) -> f64;
    pub safe fn expm1(x: f64) -> f64;
    pub safe fn fmod(x: f64, y: f64) -> f64;
    pub safe fn log(x: f64) -> f64;
    pub safe fn log10(x: f64) -> f64;
    pub safe fn log1p(x: f64) -> f64;
    pub safe fn log2(x: f64) -> f64;
    pub safe fn nextafter(x: f64, y: f64) -> f64;
    pub safe fn pow(x: f64, y: f64) -> f64;
    pub safe fn sin(x: f64) -> f64;
    pub safe fn sinh(x: f64) -> f64;
    pub safe fn tan(x: f64) -> f64;
    pub safe fn tanh(x: f64) -> f64;
}

pub use pxfm::{
    f_acosh as acosh, f_asinh as asinh, f_atanh as atanh, f_erf as erf, f_erfc as erfc,
};

/// The C library's `cbrt`, found at run time. The Rust runtime (compiler-builtins) defines
/// its own correctly rounded `cbrt`, and the static linker binds a plain declaration to that
/// one; glibc's differs (`cbrt(27.0)` is `3.0000000000000004` there, and in CPython).
pub fn cbrt(x: f64) -> f64 {
    extern "C" fn rust_cbrt(x: f64) -> f64 {
        x.cbrt()
    }
    type CbrtFn = extern "C" fn(f64) -> f64;
    static CBRT: OnceLock<CbrtFn> = OnceLock::new();
    let f = CBRT.get_or_init(|| {
        // SAFETY: dlsym with RTLD_DEFAULT and a NUL-terminated name only reads the loaded
        // objects' symbol tables. The executable does not export its private `cbrt`, so a
        // hit is the shared C library's `double cbrt(double)`, whose ABI is `CbrtFn`.
        let sym = unsafe { libc::dlsym(libc::RTLD_DEFAULT, c"cbrt".as_ptr()) };
        if sym.is_null() {
            rust_cbrt
        } else {
            // SAFETY: see above: `sym` is the address of a function with this signature.
            unsafe { std::mem::transmute::<*mut libc::c_void, CbrtFn>(sym) }
        }
    });
    f(x)
}
