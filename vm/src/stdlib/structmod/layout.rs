//! Struct format strings: parsing (byte order, native sizes and alignment, repeat counts)
//! into a layout, and the binary encodings of each format code, including IEEE half
//! precision for 'e'.

/// How a format code is stored.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Kind {
    /// `x`: padding, no value.
    Pad,
    /// `c`: a bytes object of length 1.
    Char,
    /// Integers; `signed` and the byte size.
    Int { signed: bool },
    /// `?`.
    Bool,
    /// `e`, `f`, `d`.
    Float,
    /// `s`: fixed-size bytes.
    Str,
    /// `p`: Pascal string (length byte first).
    Pascal,
    /// `P`: native pointer (unsigned, negative values wrap).
    Ptr,
}

/// One value's place in the packed bytes.
#[derive(Clone, Copy, Debug)]
pub struct Item {
    /// The format character.
    pub code: u8,
    /// How it is encoded.
    pub kind: Kind,
    /// Byte offset.
    pub offset: usize,
    /// Bytes it occupies.
    pub size: usize,
}

/// A parsed format.
#[derive(Clone, Debug)]
pub struct Layout {
    /// Value-carrying items in order (padding omitted).
    pub items: Vec<Item>,
    /// Total packed size.
    pub size: usize,
    /// Little-endian encoding.
    pub little: bool,
}

/// Size of code `c` (`None`: not a format character in this mode).
fn code_size(c: u8, native: bool) -> Option<usize> {
    Some(match c {
        b'x' | b'c' | b'b' | b'B' | b'?' | b's' | b'p' => 1,
        b'h' | b'H' | b'e' => 2,
        b'i' | b'I' | b'f' => 4,
        b'l' | b'L' => {
            if native {
                8
            } else {
                4
            }
        }
        b'q' | b'Q' | b'd' => 8,
        b'n' | b'N' | b'P' if native => 8,
        _ => return None,
    })
}

fn kind_of(c: u8) -> Kind {
    match c {
        b'x' => Kind::Pad,
        b'c' => Kind::Char,
        b'?' => Kind::Bool,
        b'e' | b'f' | b'd' => Kind::Float,
        b's' => Kind::Str,
        b'p' => Kind::Pascal,
        b'P' => Kind::Ptr,
        b'b' | b'h' | b'i' | b'l' | b'q' | b'n' => Kind::Int { signed: true },
        _ => Kind::Int { signed: false },
    }
}

const TOO_LONG: &str = "total struct size too long";

/// Parses `fmt`; errors are `struct.error` messages.
pub fn parse(fmt: &[u8]) -> Result<Layout, &'static str> {
    let (native, little, body) = match fmt.first() {
        Some(b'@') => (true, cfg!(target_endian = "little"), &fmt[1..]),
        Some(b'=') => (false, cfg!(target_endian = "little"), &fmt[1..]),
        Some(b'<') => (false, true, &fmt[1..]),
        Some(b'>' | b'!') => (false, false, &fmt[1..]),
        _ => (true, cfg!(target_endian = "little"), fmt),
    };
    let mut items = Vec::new();
    let mut offset: usize = 0;
    let mut i = 0;
    while i < body.len() {
        let mut c = body[i];
        i += 1;
        if c.is_ascii_whitespace() {
            continue;
        }
        let mut count: usize = 1;
        if c.is_ascii_digit() {
            count = usize::from(c - b'0');
            loop {
                let Some(&d) = body.get(i) else {
                    return Err("repeat count given without format specifier");
                };
                i += 1;
                if !d.is_ascii_digit() {
                    c = d;
                    break;
                }
                count = count
                    .checked_mul(10)
                    .and_then(|n| n.checked_add(usize::from(d - b'0')))
                    .ok_or(TOO_LONG)?;
            }
        }
        let size = code_size(c, native).ok_or("bad char in struct format")?;
        if native && size > 1 {
            offset = offset.checked_next_multiple_of(size).ok_or(TOO_LONG)?;
        }
        let kind = kind_of(c);
        match kind {
            Kind::Pad => {}
            Kind::Str | Kind::Pascal => items.push(Item {
                code: c,
                kind,
                offset,
                size: count,
            }),
            _ => {
                for k in 0..count {
                    items.push(Item {
                        code: c,
                        kind,
                        offset: offset + k * size,
                        size,
                    });
                }
            }
        }
        let bytes = if matches!(kind, Kind::Str | Kind::Pascal) {
            count
        } else {
            count.checked_mul(size).ok_or(TOO_LONG)?
        };
        offset = offset.checked_add(bytes).ok_or(TOO_LONG)?;
        if offset > isize::MAX as usize {
            return Err(TOO_LONG);
        }
    }
    Ok(Layout {
        items,
        size: offset,
        little,
    })
}

/// The range of integer code `c` of `size` bytes, for its error message.
pub fn int_range(signed: bool, size: usize) -> (i128, i128) {
    let bits = 8 * size as u32;
    if signed {
        (-(1i128 << (bits - 1)), (1i128 << (bits - 1)) - 1)
    } else {
        (0, (1i128 << bits) - 1)
    }
}

/// Writes the low `size` bytes of `v` in the layout's byte order.
pub fn put_int(out: &mut [u8], v: i128, little: bool) {
    let bytes = v.to_le_bytes();
    let n = out.len();
    if little {
        out.copy_from_slice(&bytes[..n]);
    } else {
        for (k, b) in out.iter_mut().enumerate() {
            *b = bytes[n - 1 - k];
        }
    }
}

/// Reads a `size`-byte integer.
pub fn get_int(data: &[u8], signed: bool, little: bool) -> i128 {
    let n = data.len();
    let mut v: u128 = 0;
    for k in 0..n {
        let b = if little { data[n - 1 - k] } else { data[k] };
        v = (v << 8) | u128::from(b);
    }
    if signed && n < 16 && data[if little { n - 1 } else { 0 }] & 0x80 != 0 {
        (v as i128) - (1i128 << (8 * n))
    } else {
        v as i128
    }
}

/// IEEE binary16 bits of `x` with round-half-even; `None` on overflow.
pub fn f64_to_half(x: f64) -> Option<u16> {
    let sign: u16 = if x.is_sign_negative() { 0x8000 } else { 0 };
    if x.is_nan() {
        return Some(sign | 0x7e00);
    }
    if x.is_infinite() {
        return Some(sign | 0x7c00);
    }
    let ax = x.abs();
    if ax == 0.0 {
        return Some(sign);
    }
    let (m, e) = crate::stdlib::math::frexp(ax);
    // Normalize to [1, 2).
    let mut f = m * 2.0;
    let mut e = e - 1;
    if e >= 16 {
        return None;
    } else if e < -25 {
        f = 0.0;
        e = 0;
    } else if e < -14 {
        f = crate::stdlib::math::ldexp(f, i64::from(14 + e));
        e = 0;
    } else {
        e += 15;
        f -= 1.0;
    }
    f *= 1024.0;
    let mut bits = f as u16;
    let rest = f - f64::from(bits);
    if rest > 0.5 || (rest == 0.5 && bits % 2 == 1) {
        bits += 1;
        if bits == 1024 {
            bits = 0;
            e += 1;
            if e == 31 {
                return None;
            }
        }
    }
    Some(bits | ((e as u16) << 10) | sign)
}

/// The value of binary16 bits.
pub fn half_to_f64(h: u16) -> f64 {
    let sign = if h & 0x8000 != 0 { -1.0 } else { 1.0 };
    let e = i32::from((h >> 10) & 0x1f);
    let f = f64::from(h & 0x3ff);
    if e == 0x1f {
        return if f == 0.0 {
            sign * f64::INFINITY
        } else {
            f64::NAN.copysign(sign)
        };
    }
    if e == 0 {
        return sign * f * 2f64.powi(-24);
    }
    sign * (1.0 + f / 1024.0) * 2f64.powi(e - 15)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sizes_and_alignment() {
        assert_eq!(parse(b"ci").map(|l| l.size), Ok(8));
        assert_eq!(parse(b"=ci").map(|l| l.size), Ok(5));
        assert_eq!(parse(b"ic").map(|l| l.size), Ok(5));
        assert_eq!(parse(b"c0i").map(|l| l.size), Ok(4));
        assert_eq!(parse(b"<l").map(|l| l.size), Ok(4));
        assert_eq!(parse(b"3s2x").map(|l| (l.size, l.items.len())), Ok((5, 1)));
        assert!(parse(b"<n").is_err());
        assert!(parse(b"3").is_err());
        assert!(parse(b"99999999999999999999999i").is_err());
    }

    #[test]
    fn half_floats() {
        assert_eq!(f64_to_half(1.5), Some(0x3e00));
        assert_eq!(f64_to_half(65504.0), Some(0x7bff));
        assert_eq!(f64_to_half(65520.0), None);
        assert_eq!(f64_to_half(-2.0f64.powi(-24)), Some(0x8001));
        assert_eq!(half_to_f64(0x3e00), 1.5);
        assert_eq!(half_to_f64(0x0001), 2f64.powi(-24));
        assert_eq!(get_int(&[0xff, 0xfe], true, false), -2);
        let mut b = [0u8; 2];
        put_int(&mut b, -2, false);
        assert_eq!(b, [0xff, 0xfe]);
    }
}
