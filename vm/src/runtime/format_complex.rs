//! `format(complex, spec)`: each part formatted like a float (the imaginary part always
//! signed), the `+0` real part and the parentheses of `str()` kept only when no type is given,
//! then the whole padded as one field.

use crate::text::float_repr::float_repr;

use super::format::{Spec, pad};
use super::{PyResult, Vm};

/// One part in a float presentation type (`'r'`: repr without a trailing `.0`).
fn part(x: f64, ty: char, precision: usize, alt: bool) -> String {
    let a = x.abs();
    if a.is_nan() || a.is_infinite() {
        let t = if a.is_nan() { "nan" } else { "inf" };
        return if ty.is_ascii_uppercase() {
            t.to_uppercase()
        } else {
            t.into()
        };
    }
    let spec = Spec {
        ty: Some(ty),
        precision: Some(precision),
        alt,
        ..Spec::default()
    };
    match ty {
        'r' => {
            let s = float_repr(a);
            s.strip_suffix(".0").map(str::to_string).unwrap_or(s)
        }
        _ => super::format::float_body(a, &spec),
    }
}

fn sign_of(x: f64, sign: Option<char>) -> &'static str {
    if x.is_sign_negative() && !x.is_nan() {
        "-"
    } else {
        match sign {
            Some('+') => "+",
            Some(' ') => " ",
            _ => "",
        }
    }
}

/// `complex.__format__(spec)` for a non-empty parsed spec.
pub fn format_complex(vm: &Vm, re: f64, im: f64, spec: &Spec) -> PyResult<String> {
    if spec.zero {
        return Err(vm.new_value_error("Zero padding is not allowed in complex format specifier"));
    }
    if spec.align == Some('=') {
        return Err(
            vm.new_value_error("'=' alignment flag is not allowed in complex format specifier")
        );
    }
    let mut ty = match spec.ty {
        None => 'r',
        Some('n') => 'g',
        Some(t @ ('e' | 'E' | 'f' | 'F' | 'g' | 'G')) => t,
        Some(t) => {
            return Err(vm.new_value_error(format!(
                "Unknown format code '{t}' for object of type 'complex'"
            )));
        }
    };
    let (mut skip_re, mut parens) = (false, false);
    if spec.ty.is_none() {
        if re == 0.0 && re.is_sign_positive() {
            skip_re = true;
        } else {
            parens = true;
        }
    }
    let precision = match spec.precision {
        Some(p) => {
            if ty == 'r' {
                ty = 'g';
            }
            p
        }
        None => 6,
    };
    let (re, im) = if spec.z {
        (
            if re == 0.0
                || part(re, ty, precision, spec.alt)
                    .trim_matches(['0', '.'])
                    .is_empty()
            {
                re.abs()
            } else {
                re
            },
            if im == 0.0
                || part(im, ty, precision, spec.alt)
                    .trim_matches(['0', '.'])
                    .is_empty()
            {
                im.abs()
            } else {
                im
            },
        )
    } else {
        (re, im)
    };
    let mut body = String::new();
    if parens {
        body.push('(');
    }
    if !skip_re {
        body.push_str(sign_of(re, spec.sign));
        body.push_str(&part(re, ty, precision, spec.alt));
    }
    // The imaginary part is always signed after a real part, and follows the requested
    // sign convention when it stands alone.
    let im_sign = if skip_re { spec.sign } else { Some('+') };
    body.push_str(sign_of(im, im_sign));
    body.push_str(&part(im, ty, precision, spec.alt));
    body.push('j');
    if parens {
        body.push(')');
    }
    let layout = Spec {
        fill: spec.fill,
        align: spec.align,
        width: spec.width,
        ..Spec::default()
    };
    Ok(pad(&layout, "", "", &body, '>'))
}
