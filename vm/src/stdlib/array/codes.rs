//! Array typecodes: item sizes and the conversion of Python values to and from an item's
//! native-endian bytes, with CPython's overflow and type errors for each code.

use num_bigint::BigInt;
use num_traits::{Signed, ToPrimitive};

use crate::object::Value;
use crate::runtime::{PyResult, Vm};
use crate::types::str::Str;

/// What an array item holds.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Kind {
    Signed,
    Unsigned,
    Float,
    Unicode,
}

/// A typecode.
#[derive(Clone, Copy, Debug)]
pub struct Code {
    pub ch: char,
    pub size: usize,
    pub kind: Kind,
}

/// All typecodes in `array.typecodes` order.
pub const TYPECODES: &str = "bBuwhHiIlLqQfd";

impl Code {
    /// The typecode for `c`, if valid.
    pub fn from_char(c: char) -> Option<Code> {
        let (size, kind) = match c {
            'b' => (1, Kind::Signed),
            'B' => (1, Kind::Unsigned),
            'u' | 'w' => (4, Kind::Unicode),
            'h' => (2, Kind::Signed),
            'H' => (2, Kind::Unsigned),
            'i' => (4, Kind::Signed),
            'I' => (4, Kind::Unsigned),
            'l' | 'q' => (8, Kind::Signed),
            'L' | 'Q' => (8, Kind::Unsigned),
            'f' => (4, Kind::Float),
            'd' => (8, Kind::Float),
            _ => return None,
        };
        Some(Code { ch: c, size, kind })
    }

    /// Decodes one item.
    #[inline]
    pub fn get(&self, vm: &Vm, b: &[u8]) -> PyResult<Value> {
        // Doubles first (scimark's arrays): one load, no staging copy.
        if self.kind == Kind::Float
            && self.size == 8
            && let Some(&bytes) = b.first_chunk::<8>()
        {
            return Ok(vm.new_float(f64::from_ne_bytes(bytes)));
        }
        let mut buf = [0u8; 8];
        buf[..self.size].copy_from_slice(&b[..self.size]);
        Ok(match self.kind {
            Kind::Signed => Value::Int(match self.size {
                1 => i64::from(buf[0] as i8),
                2 => i64::from(i16::from_ne_bytes([buf[0], buf[1]])),
                4 => i64::from(i32::from_ne_bytes([buf[0], buf[1], buf[2], buf[3]])),
                _ => i64::from_ne_bytes(buf),
            }),
            Kind::Unsigned => match self.size {
                1 => Value::Int(i64::from(buf[0])),
                2 => Value::Int(i64::from(u16::from_ne_bytes([buf[0], buf[1]]))),
                4 => Value::Int(i64::from(u32::from_ne_bytes([
                    buf[0], buf[1], buf[2], buf[3],
                ]))),
                _ => {
                    let u = u64::from_ne_bytes(buf);
                    match i64::try_from(u) {
                        Ok(i) => Value::Int(i),
                        Err(_) => vm.new_int(BigInt::from(u)),
                    }
                }
            },
            Kind::Float => vm.new_float(if self.size == 4 {
                f64::from(f32::from_ne_bytes([buf[0], buf[1], buf[2], buf[3]]))
            } else {
                f64::from_ne_bytes(buf)
            }),
            Kind::Unicode => {
                let cp = u32::from_ne_bytes([buf[0], buf[1], buf[2], buf[3]]);
                if cp > 0x10ffff {
                    return Err(vm.new_value_error(format!(
                        "character U+{cp:x} is not in range [U+0000; U+10ffff]"
                    )));
                }
                vm.char_str(cp).into()
            }
        })
    }

    /// Encodes `v` into `out` (`size` bytes).
    pub fn put(&self, vm: &Vm, v: &Value, out: &mut [u8]) -> PyResult<()> {
        match self.kind {
            Kind::Signed | Kind::Unsigned => {
                if let Value::Int(i) = v
                    && let Some(x) = self.small_int_bits(*i)
                {
                    out.copy_from_slice(&x.to_ne_bytes()[..self.size]);
                    return Ok(());
                }
                let n = match vm.try_index(v)? {
                    Some(n) => n,
                    None => {
                        return Err(vm.new_type_error(format!(
                            "'{}' object cannot be interpreted as an integer",
                            vm.type_name(v)
                        )));
                    }
                };
                let x = self.check_int(vm, &n)?;
                out.copy_from_slice(&x.to_ne_bytes()[..self.size]);
            }
            Kind::Float => {
                let x = match v {
                    Value::Float(x) => *x,
                    v => crate::stdlib::math::as_double(vm, v)?,
                };
                if self.size == 4 {
                    out.copy_from_slice(&(x as f32).to_ne_bytes());
                } else {
                    out.copy_from_slice(&x.to_ne_bytes());
                }
            }
            Kind::Unicode => {
                let cp = unicode_item(vm, v)?;
                out.copy_from_slice(&cp.to_ne_bytes());
            }
        }
        Ok(())
    }

    /// The bits to store for an immediate int this integer code holds (no big int built);
    /// `None` when out of range, for [`Code::check_int`] to report.
    fn small_int_bits(&self, i: i64) -> Option<u64> {
        let bits = 8 * self.size as u32;
        let fits = match self.kind {
            Kind::Signed => {
                bits == 64 || (-(1i64 << (bits - 1))..(1i64 << (bits - 1))).contains(&i)
            }
            Kind::Unsigned => i >= 0 && (bits == 64 || i < (1i64 << bits)),
            Kind::Float | Kind::Unicode => false,
        };
        fits.then_some(i as u64)
    }

    /// The integer as the bits to store (two's complement in 64 bits), or CPython's
    /// OverflowError for this code.
    fn check_int(&self, vm: &Vm, n: &BigInt) -> PyResult<u64> {
        let low = n.is_negative();
        let err = |msg: &str| Err(vm.new_overflow_error(msg.to_string()));
        let small = |lo: i64, hi: i64, name: &str| -> PyResult<u64> {
            match n.to_i64() {
                Some(x) if x < lo => err(&format!("{name} is less than minimum")),
                Some(x) if x > hi => err(&format!("{name} is greater than maximum")),
                Some(x) => Ok(x as u64),
                None if low => err(&format!("{name} is less than minimum")),
                None => err(&format!("{name} is greater than maximum")),
            }
        };
        match self.ch {
            'b' => small(-128, 127, "signed char"),
            'B' => small(0, 255, "unsigned byte integer"),
            'h' => small(-32768, 32767, "signed short integer"),
            'H' => small(0, 65535, "unsigned short"),
            'i' => small(i64::from(i32::MIN), i64::from(i32::MAX), "signed integer"),
            'I' => {
                if low {
                    return err("can't convert negative value to unsigned int");
                }
                match n.to_u32() {
                    Some(x) => Ok(u64::from(x)),
                    None => err("unsigned int is greater than maximum"),
                }
            }
            'l' => n
                .to_i64()
                .map(|x| x as u64)
                .map_or_else(|| err("Python int too large to convert to C long"), Ok),
            'L' => {
                if low {
                    return err("can't convert negative value to unsigned int");
                }
                n.to_u64().map_or_else(
                    || err("Python int too large to convert to C unsigned long"),
                    Ok,
                )
            }
            'q' => n
                .to_i64()
                .map(|x| x as u64)
                .map_or_else(|| err("int too big to convert"), Ok),
            _ => {
                if low {
                    return err("can't convert negative int to unsigned");
                }
                n.to_u64().map_or_else(|| err("int too big to convert"), Ok)
            }
        }
    }
}

/// The code point of a one-character str item.
fn unicode_item(vm: &Vm, v: &Value) -> PyResult<u32> {
    let Some(s) = v.downcast::<Str>() else {
        return Err(vm.new_type_error(format!(
            "array item must be a unicode character, not {}",
            vm.type_name(v)
        )));
    };
    let n = s.char_len();
    if n != 1 {
        return Err(vm.new_type_error(format!(
            "array item must be a unicode character, not a string of length {n}"
        )));
    }
    Ok(s.code_points().next().unwrap_or(0))
}
