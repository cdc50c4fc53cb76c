//! The C math library, called directly: CPython's `math` module uses the platform libm, so
//! calling the same functions gives bit-identical results (Rust's own `asinh`, `acosh` and
//! `atanh` are computed differently, and `erf`/`erfc` are not in std).
//!
//! Every function here is a pure function of its `f64` arguments (no pointers, no global
//! state that Rust observes; `errno` is ignored because callers classify results from
//! their values, as CPython's wrappers do), so declaring them `safe` is sound.

unsafe extern "C" {
    pub safe fn acos(x: f64) -> f64;
    pub safe fn acosh(x: f64) -> f64;
    pub safe fn asin(x: f64) -> f64;
    pub safe fn asinh(x: f64) -> f64;
    pub safe fn atan(x: f64) -> f64;
    pub safe fn atan2(y: f64, x: f64) -> f64;
    pub safe fn atanh(x: f64) -> f64;
    pub safe fn cbrt(x: f64) -> f64;
    pub safe fn cos(x: f64) -> f64;
    pub safe fn cosh(x: f64) -> f64;
    pub safe fn erf(x: f64) -> f64;
    pub safe fn erfc(x: f64) -> f64;
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
