//! String formatting: the format-spec mini-language for int, float and str
//! (`format(x, spec)`, f-strings), `str.format`/`format_map`, and `%`-formatting, with
//! CPython's layouts and error messages.

use crate::object::{Py, Value};
use crate::text::float_repr::float_repr;
use crate::text::wtf8::Wtf8Buf;
use crate::types::float::as_float;
use crate::types::int::{IntRef, as_int};
use crate::types::str::Str;

use super::{Args, PyResult, Vm};

/// A parsed format spec: `[[fill]align][sign]["z"]["#"]["0"][width][grouping]["." precision][type]`.
#[derive(Clone, Debug, Default)]
pub struct Spec {
    /// Fill character.
    pub fill: Option<char>,
    /// `<`, `>`, `^` or `=`.
    pub align: Option<char>,
    /// `+`, `-` or ` `.
    pub sign: Option<char>,
    /// `z`: coerce negative zero.
    pub z: bool,
    /// `#`: alternate form.
    pub alt: bool,
    /// `0` flag.
    pub zero: bool,
    /// Minimum width.
    pub width: Option<usize>,
    /// `,` or `_`.
    pub grouping: Option<char>,
    /// Precision.
    pub precision: Option<usize>,
    /// Presentation type.
    pub ty: Option<char>,
}

/// Parses a format spec; `Err` carries CPython's ValueError message.
pub fn parse_spec(spec: &str) -> Result<Spec, String> {
    let chars: Vec<char> = spec.chars().collect();
    let mut s = Spec::default();
    let mut i = 0;
    let is_align = |c: char| matches!(c, '<' | '>' | '^' | '=');
    if chars.len() >= 2 && is_align(chars[1]) {
        s.fill = Some(chars[0]);
        s.align = Some(chars[1]);
        i = 2;
    } else if !chars.is_empty() && is_align(chars[0]) {
        s.align = Some(chars[0]);
        i = 1;
    }
    if i < chars.len() && matches!(chars[i], '+' | '-' | ' ') {
        s.sign = Some(chars[i]);
        i += 1;
    }
    if i < chars.len() && chars[i] == 'z' {
        s.z = true;
        i += 1;
    }
    if i < chars.len() && chars[i] == '#' {
        s.alt = true;
        i += 1;
    }
    if i < chars.len() && chars[i] == '0' {
        s.zero = true;
        i += 1;
    }
    let start = i;
    while i < chars.len() && chars[i].is_ascii_digit() {
        i += 1;
    }
    if i > start {
        let w: String = chars[start..i].iter().collect();
        s.width = Some(
            w.parse()
                .map_err(|_| "Too many decimal digits in format string".to_string())?,
        );
    }
    if i < chars.len() && matches!(chars[i], ',' | '_') {
        s.grouping = Some(chars[i]);
        i += 1;
        if i < chars.len() && matches!(chars[i], ',' | '_') {
            return Err("Cannot specify both ',' and '_'.".into());
        }
    }
    if i < chars.len() && chars[i] == '.' {
        i += 1;
        let start = i;
        while i < chars.len() && chars[i].is_ascii_digit() {
            i += 1;
        }
        if i == start {
            return Err("Format specifier missing precision".into());
        }
        let p: String = chars[start..i].iter().collect();
        s.precision = Some(
            p.parse()
                .map_err(|_| "Too many decimal digits in format string".to_string())?,
        );
    }
    if i < chars.len() {
        s.ty = Some(chars[i]);
        i += 1;
    }
    if i < chars.len() {
        return Err("Invalid format specifier".into());
    }
    Ok(s)
}

/// Pads `body` (already signed) to the spec's width with its fill and alignment.
pub(super) fn pad(s: &Spec, sign: &str, prefix: &str, body: &str, default_align: char) -> String {
    let fill = s.fill.unwrap_or(if s.zero && s.align.is_none() {
        '0'
    } else {
        ' '
    });
    let align = s.align.unwrap_or(if s.zero { '=' } else { default_align });
    let len = sign.chars().count() + prefix.chars().count() + body.chars().count();
    let width = s.width.unwrap_or(0);
    if len >= width {
        return format!("{sign}{prefix}{body}");
    }
    let n = width - len;
    let fills = |k: usize| std::iter::repeat_n(fill, k).collect::<String>();
    match align {
        '<' => format!("{sign}{prefix}{body}{}", fills(n)),
        '>' => format!("{}{sign}{prefix}{body}", fills(n)),
        '^' => format!("{}{sign}{prefix}{body}{}", fills(n / 2), fills(n - n / 2)),
        _ => format!("{sign}{prefix}{}{body}", fills(n)),
    }
}

/// Inserts thousands separators every `group` digits into an integer digit string.
fn group_digits(digits: &str, sep: char, group: usize) -> String {
    let n = digits.len();
    let mut out = String::with_capacity(n + n / group);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (n - i).is_multiple_of(group) {
            out.push(sep);
        }
        out.push(c);
    }
    out
}

/// Grouping with zero padding: the separators count toward the width, as CPython does.
fn grouped_zero_padded(digits: &str, sep: char, group: usize, min_len: usize) -> String {
    let mut d = digits.to_string();
    loop {
        let g = group_digits(&d, sep, group);
        if g.len() >= min_len {
            return g;
        }
        d.insert(0, '0');
    }
}

fn sign_str(negative: bool, sign: Option<char>) -> &'static str {
    match (negative, sign) {
        (true, _) => "-",
        (false, Some('+')) => "+",
        (false, Some(' ')) => " ",
        _ => "",
    }
}

/// `format(int, spec)`.
pub fn format_int(vm: &Vm, i: IntRef<'_>, spec: &Spec) -> PyResult<String> {
    let ty = spec.ty.unwrap_or('d');
    if spec.precision.is_some() && !matches!(ty, 'e' | 'E' | 'f' | 'F' | 'g' | 'G' | '%') {
        return Err(vm.new_value_error("Precision not allowed in integer format specifier"));
    }
    match ty {
        'e' | 'E' | 'f' | 'F' | 'g' | 'G' | '%' => {
            let f = crate::types::float::int_as_f64(vm, i)?;
            return format_float(vm, f, spec);
        }
        'c' => {
            if spec.sign.is_some() {
                return Err(
                    vm.new_value_error("Sign not allowed with integer format specifier 'c'")
                );
            }
            let cp = i
                .to_i64()
                .filter(|c| (0..=0x10ffff).contains(c))
                .ok_or_else(|| vm.new_overflow_error("%c arg not in range(0x110000)"))?;
            let mut b = Wtf8Buf::new();
            b.push_code_point(cp as u32);
            let body = String::from_utf8_lossy(&b.into_bytes()).into_owned();
            return Ok(pad(spec, "", "", &body, '<'));
        }
        'd' | 'n' | 'b' | 'o' | 'x' | 'X' => {}
        other => {
            return Err(vm.new_value_error(format!(
                "Unknown format code '{other}' for object of type 'int'"
            )));
        }
    }
    let (negative, digits, prefix, group) = match i {
        // Machine ints format natively (no big-int conversion).
        IntRef::Small(n) => {
            let mag = n.unsigned_abs();
            let (digits, prefix, group) = match ty {
                'b' => (format!("{mag:b}"), "0b", 4),
                'o' => (format!("{mag:o}"), "0o", 4),
                'x' => (format!("{mag:x}"), "0x", 4),
                'X' => (format!("{mag:X}"), "0X", 4),
                _ => (mag.to_string(), "", 3),
            };
            (n < 0, digits, prefix, group)
        }
        IntRef::Big(big) => {
            let mag = big.magnitude();
            let (digits, prefix, group) = match ty {
                'b' => (mag.to_str_radix(2), "0b", 4),
                'o' => (mag.to_str_radix(8), "0o", 4),
                'x' => (mag.to_str_radix(16), "0x", 4),
                'X' => (mag.to_str_radix(16).to_uppercase(), "0X", 4),
                _ => {
                    let (_, d) = big.to_u32_digits();
                    crate::text::repr::check_bigint_repr(&d)
                        .map_err(|e| vm.new_value_error(e.to_string()))?;
                    (mag.to_string(), "", 3)
                }
            };
            (big.sign() == num_bigint::Sign::Minus, digits, prefix, group)
        }
    };
    let prefix = if spec.alt { prefix } else { "" };
    let sign = sign_str(negative, spec.sign);
    let digits = match spec.grouping {
        Some(sep) => {
            if spec.zero && spec.align.is_none() && spec.fill.is_none() {
                let min = spec
                    .width
                    .unwrap_or(0)
                    .saturating_sub(sign.len() + prefix.len());
                grouped_zero_padded(&digits, sep, group, min)
            } else {
                group_digits(&digits, sep, group)
            }
        }
        None => digits,
    };
    Ok(pad(spec, sign, prefix, &digits, '>'))
}

/// Formats `x` in 'e' style with `p` digits after the point (CPython's exponent layout).
fn fmt_exp(x: f64, p: usize, upper: bool) -> String {
    let s = format!("{:.*e}", p, x);
    let (mant, exp) = s.split_once('e').unwrap_or((&s, "0"));
    let e: i32 = exp.parse().unwrap_or(0);
    let sign = if e < 0 { '-' } else { '+' };
    let out = format!("{mant}e{sign}{:02}", e.abs());
    if upper { out.to_uppercase() } else { out }
}

/// The 'g' layout: `p` significant digits, trailing zeros removed unless `alt`.
fn fmt_general(x: f64, p: usize, upper: bool, alt: bool) -> String {
    let p = p.max(1);
    if x == 0.0 {
        let body = if alt {
            format!("{:.*}", p - 1, 0.0)
        } else {
            "0".into()
        };
        return if x.is_sign_negative() {
            format!("-{body}")
        } else {
            body
        };
    }
    let e_repr = format!("{:.*e}", p - 1, x);
    let exp: i32 = e_repr
        .split_once('e')
        .map_or(0, |(_, e)| e.parse().unwrap_or(0));
    let mut s = if -4 <= exp && exp < p as i32 {
        format!("{:.*}", (p as i32 - 1 - exp).max(0) as usize, x)
    } else {
        fmt_exp(x, p - 1, upper)
    };
    if !alt {
        let (mant, tail) = match s.find(['e', 'E']) {
            Some(k) => (s[..k].to_string(), s[k..].to_string()),
            None => (s.clone(), String::new()),
        };
        let mant = if mant.contains('.') {
            mant.trim_end_matches('0').trim_end_matches('.').to_string()
        } else {
            mant
        };
        s = format!("{mant}{tail}");
    } else if !s.contains('.') {
        match s.find(['e', 'E']) {
            Some(k) => s.insert(k, '.'),
            None => s.push('.'),
        }
    }
    s
}

/// The digits of a finite, non-negative `a` in a float presentation type (no sign, no
/// padding, no grouping).
pub(super) fn float_body(a: f64, spec: &Spec) -> String {
    let ty = spec.ty;
    let upper = matches!(ty, Some('E' | 'F' | 'G'));
    match ty {
        Some('e' | 'E') => fmt_exp(a, spec.precision.unwrap_or(6), upper),
        Some('f' | 'F') => {
            let mut s = format!("{:.*}", spec.precision.unwrap_or(6), a);
            if spec.alt && !s.contains('.') {
                s.push('.');
            }
            s
        }
        Some('%') => format!("{:.*}%", spec.precision.unwrap_or(6), a * 100.0),
        Some('g' | 'G' | 'n') => fmt_general(a, spec.precision.unwrap_or(6), upper, spec.alt),
        _ => match spec.precision {
            Some(p) => {
                let p = p.max(1);
                let s = fmt_general(a, p, false, spec.alt);
                if s.len() >= p && s.bytes().all(|c| c.is_ascii_digit()) {
                    // With no type, CPython switches to exponent form one digit earlier
                    // than 'g', so the ".0" it appends never shows more digits than asked.
                    let e = fmt_exp(a, p - 1, false);
                    let (mant, tail) = e.split_at(e.find('e').unwrap_or(e.len()));
                    let mant = if mant.contains('.') {
                        mant.trim_end_matches('0').trim_end_matches('.')
                    } else {
                        mant
                    };
                    format!("{mant}{tail}")
                } else if s.contains(['.', 'e', 'n', 'i']) {
                    s
                } else {
                    format!("{s}.0")
                }
            }
            None => float_repr(a),
        },
    }
}

/// `format(float, spec)`.
pub fn format_float(vm: &Vm, x: f64, spec: &Spec) -> PyResult<String> {
    let ty = spec.ty;
    if let Some(t) = ty
        && !matches!(t, 'e' | 'E' | 'f' | 'F' | 'g' | 'G' | 'n' | '%')
    {
        return Err(vm.new_value_error(format!(
            "Unknown format code '{t}' for object of type 'float'"
        )));
    }
    let mut x = x;
    if spec.z && x == 0.0 {
        x = 0.0;
    }
    let negative = x.is_sign_negative() && !x.is_nan();
    let a = x.abs();
    let upper = matches!(ty, Some('E' | 'F' | 'G'));
    let body = if a.is_nan() || a.is_infinite() {
        let t = if a.is_nan() { "nan" } else { "inf" };
        let t = if upper {
            t.to_uppercase()
        } else {
            t.to_string()
        };
        if ty == Some('%') { format!("{t}%") } else { t }
    } else {
        float_body(a, spec)
    };
    // 'z' turns a negative result that rounds to zero into a positive zero.
    let rounds_to_zero = || {
        let mant = body.split(['e', 'E', '%']).next().unwrap_or("");
        mant.chars().all(|c| c == '0' || c == '.')
    };
    let negative = negative && !(spec.z && rounds_to_zero());
    let sign = sign_str(negative, spec.sign);
    let body = match spec.grouping {
        Some(sep) if !a.is_nan() && !a.is_infinite() => {
            let split = body
                .find(|c: char| !c.is_ascii_digit())
                .unwrap_or(body.len());
            let (int_part, rest) = body.split_at(split);
            let grouped = if spec.zero && spec.align.is_none() && spec.fill.is_none() {
                let min = spec
                    .width
                    .unwrap_or(0)
                    .saturating_sub(sign.len() + rest.len());
                grouped_zero_padded(int_part, sep, 3, min)
            } else {
                group_digits(int_part, sep, 3)
            };
            format!("{grouped}{rest}")
        }
        _ => body,
    };
    Ok(pad(spec, sign, "", &body, '>'))
}

/// `format(str, spec)`.
pub fn format_str(vm: &Vm, s: &Str, spec: &Spec) -> PyResult<String> {
    if let Some(t) = spec.ty
        && t != 's'
    {
        return Err(vm.new_value_error(format!(
            "Unknown format code '{t}' for object of type 'str'"
        )));
    }
    if spec.sign.is_some() {
        return Err(vm.new_value_error("Sign not allowed in string format specifier"));
    }
    if spec.alt {
        return Err(vm.new_value_error("Alternate form (#) not allowed in string format specifier"));
    }
    if let Some(g) = spec.grouping {
        return Err(vm.new_value_error(format!("Cannot specify '{g}' with 's'.")));
    }
    if spec.align == Some('=') {
        return Err(vm.new_value_error("'=' alignment not allowed in string format specifier"));
    }
    let text = s.to_lossy();
    let body: String = match spec.precision {
        Some(p) => text.chars().take(p).collect(),
        None => text.into_owned(),
    };
    Ok(pad(spec, "", "", &body, '<'))
}

/// `str.__format__` for a value whose payload is a str.
pub fn format_str_value(vm: &Vm, v: &Value, spec: &Py<Str>) -> PyResult<Py<Str>> {
    let s = v
        .downcast::<Str>()
        .ok_or_else(|| vm.new_type_error("expected str"))?;
    if spec.char_len() == 0 {
        return vm.str(v);
    }
    let parsed = parse_spec(&spec.to_lossy()).map_err(|m| vm.new_value_error(m))?;
    Ok(vm.new_str(&format_str(vm, s, &parsed)?))
}

impl Vm {
    /// `format(value, spec)`.
    pub fn format(&self, value: &Value, spec: &Py<Str>) -> PyResult<Py<Str>> {
        if spec.char_len() == 0 {
            if let Value::Obj(o) = value
                && o.ty().is(&self.types.str)
            {
                return self.str(value);
            }
            if matches!(
                value,
                Value::Int(_) | Value::Float(_) | Value::Bool(_) | Value::None
            ) {
                return self.str(value);
            }
        }
        match value {
            Value::Bool(b) => {
                let parsed = parse_spec(&spec.to_lossy()).map_err(|m| self.new_value_error(m))?;
                let i = IntRef::Small(i64::from(*b));
                return Ok(self.new_str(&format_int(self, i, &parsed)?));
            }
            Value::None => {
                return Err(
                    self.new_type_error("unsupported format string passed to NoneType.__format__")
                );
            }
            _ => {}
        }
        let exact_builtin = matches!(value, Value::Int(_) | Value::Float(_))
            || value.as_obj().is_some_and(|o| !o.ty().is_heap());
        if exact_builtin && !matches!(value, Value::Bool(_)) {
            if let Some(i) = as_int(value) {
                let parsed = parse_spec(&spec.to_lossy()).map_err(|m| self.new_value_error(m))?;
                return Ok(self.new_str(&format_int(self, i, &parsed)?));
            }
            if let Some(f) = as_float(value) {
                let parsed = parse_spec(&spec.to_lossy()).map_err(|m| self.new_value_error(m))?;
                return Ok(self.new_str(&format_float(self, f, &parsed)?));
            }
            if let Some(s) = value.downcast::<Str>() {
                let parsed = parse_spec(&spec.to_lossy()).map_err(|m| self.new_value_error(m))?;
                return Ok(self.new_str(&format_str(self, s, &parsed)?));
            }
        }
        // A special method: looked up on the type (`format(SomeClass)` uses the metaclass's).
        let r = crate::runtime::slot_dispatch::call_special(
            self,
            value,
            &self.names.__format__,
            &[Value::from(spec)],
        )?
        .ok_or_else(|| self.new_no_attribute(value, &self.names.__format__))?;
        r.into_downcast::<Str>().map_err(|r| {
            self.new_type_error(format!(
                "__format__ must return a str, not {}",
                self.type_name(&r)
            ))
        })
    }
}

/// `int.__format__` / `float.__format__` for subclasses and explicit calls.
pub fn number_format_method(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let Some((this, rest)) = args.split_self() else {
        return Err(vm.new_type_error("__format__ needs an argument"));
    };
    let spec = rest.one(vm, "__format__")?;
    let Some(spec) = spec.downcast::<Str>() else {
        return Err(vm.new_type_error(format!(
            "__format__() argument must be str, not {}",
            vm.type_name(spec)
        )));
    };
    if spec.char_len() == 0 {
        return Ok(vm.str(this)?.into());
    }
    let parsed = parse_spec(&spec.to_lossy()).map_err(|m| vm.new_value_error(m))?;
    if let Some(i) = as_int(this) {
        if matches!(this, Value::Bool(_)) && parsed.ty.is_none() {
            return Ok(vm
                .new_str(&format_str(vm, &*vm.str(this)?, &parsed)?)
                .into());
        }
        return Ok(vm.new_str(&format_int(vm, i, &parsed)?).into());
    }
    if let Some(f) = as_float(this) {
        return Ok(vm.new_str(&format_float(vm, f, &parsed)?).into());
    }
    Err(vm.new_type_error("__format__ requires a number"))
}

// --- str.format ----------------------------------------------------------------------------

enum FieldSource<'a> {
    Args(Args<'a>),
    Mapping(&'a Value),
}

/// `str.format(*args, **kwargs)`.
pub fn str_format(vm: &Vm, template: &Str, args: Args<'_>) -> PyResult<Py<Str>> {
    let mut auto = Numbering::default();
    let text = format_template(
        vm,
        &template.to_lossy(),
        &FieldSource::Args(args),
        &mut auto,
        2,
    )?;
    Ok(vm.new_str(&text))
}

/// `str.format_map(mapping)`.
pub fn str_format_map(vm: &Vm, template: &Str, mapping: &Value) -> PyResult<Py<Str>> {
    let mut auto = Numbering::default();
    let text = format_template(
        vm,
        &template.to_lossy(),
        &FieldSource::Mapping(mapping),
        &mut auto,
        2,
    )?;
    Ok(vm.new_str(&text))
}

/// `str.format`'s field numbering: automatic (`{}`) and manual (`{0}`) cannot be mixed.
#[derive(Default)]
struct Numbering {
    next: usize,
    automatic: bool,
    manual: bool,
}

fn format_template(
    vm: &Vm,
    t: &str,
    src: &FieldSource<'_>,
    auto: &mut Numbering,
    depth: u32,
) -> PyResult<String> {
    let mut out = String::with_capacity(t.len());
    let chars: Vec<char> = t.chars().collect();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if c == '}' {
            if chars.get(i + 1) == Some(&'}') {
                out.push('}');
                i += 2;
                continue;
            }
            return Err(vm.new_value_error("Single '}' encountered in format string"));
        }
        if c != '{' {
            out.push(c);
            i += 1;
            continue;
        }
        match chars.get(i + 1) {
            Some('{') => {
                out.push('{');
                i += 2;
                continue;
            }
            None => return Err(vm.new_value_error("Single '{' encountered in format string")),
            _ => {}
        }
        // Find the matching close brace, allowing nested braces in the spec.
        let mut level = 1;
        let mut j = i + 1;
        while j < chars.len() {
            match chars[j] {
                '{' => level += 1,
                '}' => {
                    level -= 1;
                    if level == 0 {
                        break;
                    }
                }
                _ => {}
            }
            j += 1;
        }
        if j >= chars.len() {
            let has_spec = chars[i + 1..].iter().any(|c| matches!(c, ':' | '!'));
            return Err(vm.new_value_error(if has_spec {
                "unmatched '{' in format spec"
            } else {
                "expected '}' before end of string"
            }));
        }
        let field: String = chars[i + 1..j].iter().collect();
        out.push_str(&render_field(vm, &field, src, auto, depth)?);
        i = j + 1;
    }
    Ok(out)
}

fn render_field(
    vm: &Vm,
    field: &str,
    src: &FieldSource<'_>,
    auto: &mut Numbering,
    depth: u32,
) -> PyResult<String> {
    // Split "name!conv:spec" at the first '!' or ':' outside brackets.
    let mut bracket = false;
    let mut split = field.len();
    for (k, c) in field.char_indices() {
        match c {
            '[' => bracket = true,
            ']' => bracket = false,
            '!' | ':' if !bracket => {
                split = k;
                break;
            }
            _ => {}
        }
    }
    let name = &field[..split];
    let rest = &field[split..];
    let (conv, spec) = if let Some(r) = rest.strip_prefix('!') {
        let (cv, sp) = match r.split_once(':') {
            Some((a, b)) => (a, b),
            None => (r, ""),
        };
        if cv.chars().count() != 1 {
            return Err(vm.new_value_error(if cv.is_empty() {
                "end of string while looking for conversion specifier"
            } else {
                "expected ':' after conversion specifier"
            }));
        }
        (cv.chars().next(), sp.to_string())
    } else if let Some(sp) = rest.strip_prefix(':') {
        (None, sp.to_string())
    } else {
        (None, String::new())
    };
    let value = resolve_field(vm, name, src, auto)?;
    let value = match conv {
        None => value,
        Some('r') => vm.repr(&value)?.into(),
        Some('s') => vm.str(&value)?.into(),
        Some('a') => vm.ascii(&value)?.into(),
        Some(c) => {
            return Err(vm.new_value_error(format!("Unknown conversion specifier {c}")));
        }
    };
    let spec = if spec.contains('{') {
        if depth == 0 {
            return Err(vm.new_value_error("Max string recursion exceeded"));
        }
        format_template(vm, &spec, src, auto, depth - 1)?
    } else {
        spec
    };
    let spec = vm.new_str(&spec);
    Ok(vm.format(&value, &spec)?.to_lossy().into_owned())
}

fn resolve_field(
    vm: &Vm,
    name: &str,
    src: &FieldSource<'_>,
    auto: &mut Numbering,
) -> PyResult<Value> {
    let first_end = name.find(['.', '[']).unwrap_or(name.len());
    let head = &name[..first_end];
    let mut value = if head.is_empty() {
        if let FieldSource::Mapping(_) = src {
            return Err(vm.new_value_error("Format string contains positional fields"));
        }
        if auto.manual {
            return Err(vm.new_value_error(
                "cannot switch from manual field specification to automatic field numbering",
            ));
        }
        auto.automatic = true;
        let i = auto.next;
        auto.next += 1;
        positional(vm, src, i)?
    } else if let Ok(i) = head.parse::<usize>() {
        if auto.automatic {
            return Err(vm.new_value_error(
                "cannot switch from automatic field numbering to manual field specification",
            ));
        }
        auto.manual = true;
        positional(vm, src, i)?
    } else {
        keyword(vm, src, head)?
    };
    let mut rest = &name[first_end..];
    while !rest.is_empty() {
        if let Some(r) = rest.strip_prefix('.') {
            let end = r.find(['.', '[']).unwrap_or(r.len());
            let attr = vm.intern(&r[..end]);
            value = vm.getattr(&value, &attr)?;
            rest = &r[end..];
        } else if let Some(r) = rest.strip_prefix('[') {
            let Some(end) = r.find(']') else {
                return Err(vm.new_value_error("Missing ']' in format string"));
            };
            let key = &r[..end];
            let k: Value = match key.parse::<i64>() {
                Ok(n) => Value::Int(n),
                Err(_) => vm.new_str(key).into(),
            };
            value = vm.getitem(&value, &k)?;
            rest = &r[end + 1..];
        } else {
            return Err(
                vm.new_value_error("Only '.' or '[' may follow ']' in format field specifier")
            );
        }
    }
    Ok(value)
}

fn positional(vm: &Vm, src: &FieldSource<'_>, i: usize) -> PyResult<Value> {
    match src {
        FieldSource::Args(a) => a.pos().get(i).cloned().ok_or_else(|| {
            vm.new_index_error(format!(
                "Replacement index {i} out of range for positional args tuple"
            ))
        }),
        FieldSource::Mapping(_) => {
            Err(vm.new_value_error("Format string contains positional fields"))
        }
    }
}

fn keyword(vm: &Vm, src: &FieldSource<'_>, name: &str) -> PyResult<Value> {
    match src {
        FieldSource::Args(a) => a
            .kwarg(name)
            .cloned()
            .ok_or_else(|| vm.new_key_error(vm.new_str(name).into())),
        FieldSource::Mapping(m) => vm.getitem(m, &vm.new_str(name).into()),
    }
}

pub use super::percent::percent_format;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn specs_parse() {
        let s = parse_spec("*^+#012,.3f").expect("valid spec");
        assert_eq!(
            (s.fill, s.align, s.sign, s.alt),
            (Some('*'), Some('^'), Some('+'), true)
        );
        assert_eq!(
            (s.zero, s.width, s.grouping, s.precision, s.ty),
            (true, Some(12), Some(','), Some(3), Some('f'))
        );
        assert!(parse_spec(".f").is_err());
        assert!(parse_spec("10xx").is_err());
    }

    #[test]
    fn general_format_matches_cpython() {
        assert_eq!(fmt_general(1e-5, 6, false, false), "1e-05");
        assert_eq!(fmt_general(123456789.0, 6, false, false), "1.23457e+08");
        assert_eq!(fmt_general(1.0, 3, false, true), "1.00");
        assert_eq!(fmt_general(1.0, 3, false, false), "1");
        assert_eq!(fmt_exp(0.0001234, 2, false), "1.23e-04");
        assert_eq!(group_digits("1234567", ',', 3), "1,234,567");
    }
}
