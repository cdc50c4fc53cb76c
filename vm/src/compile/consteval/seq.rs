//! Sequence operations on str, bytes and tuple constants: concatenation, repetition,
//! indexing and slicing, with Python's index normalization (`PySlice_AdjustIndices`).
//! Strings index by code point.

use std::rc::Rc;

use num_traits::{Signed, ToPrimitive};

use super::int::as_int;
use crate::compile::Const;
use crate::text::wtf8::Wtf8Buf;

/// `len()` of a sized constant.
pub(super) fn len(c: &Const) -> Option<usize> {
    match c {
        Const::Str(s) => Some(s.len_code_points()),
        Const::Bytes(b) => Some(b.len()),
        Const::Tuple(items) | Const::FrozenSet(items) => Some(items.len()),
        _ => None,
    }
}

/// `a + b` for two sequences of the same type.
pub(super) fn concat(a: &Const, b: &Const) -> Option<Const> {
    match (a, b) {
        (Const::Str(x), Const::Str(y)) => {
            let mut out = Wtf8Buf::with_capacity(x.len_bytes() + y.len_bytes());
            out.push_wtf8(x);
            out.push_wtf8(y);
            Some(Const::Str(Rc::new(out)))
        }
        (Const::Bytes(x), Const::Bytes(y)) => Some(Const::Bytes([&x[..], &y[..]].concat().into())),
        (Const::Tuple(x), Const::Tuple(y)) => {
            Some(Const::Tuple(x.iter().chain(y.iter()).cloned().collect()))
        }
        _ => None,
    }
}

/// `count * seq` (sequence repetition); `None` unless `count` is an int and `seq` a str,
/// bytes or tuple. A count that does not fit an index is an `OverflowError`.
pub(super) fn repeat(count: &Const, seq: &Const) -> Option<Const> {
    if !matches!(seq, Const::Str(_) | Const::Bytes(_) | Const::Tuple(_)) {
        return None;
    }
    let n = as_int(count)?.to_i64()?.max(0) as usize;
    if n == 0 {
        return Some(match seq {
            Const::Str(_) => Const::Str(Rc::new(Wtf8Buf::new())),
            Const::Bytes(_) => Const::Bytes(Rc::from(&[][..])),
            _ => Const::Tuple(Rc::from(Vec::new())),
        });
    }
    // Non-empty sequences only get here within the folding size limits; an empty one
    // repeated any number of times stays empty.
    let n = if len(seq)? == 0 { 1 } else { n };
    Some(match seq {
        Const::Str(s) => {
            let mut out = Wtf8Buf::with_capacity(s.len_bytes() * n);
            for _ in 0..n {
                out.push_wtf8(s);
            }
            Const::Str(Rc::new(out))
        }
        Const::Bytes(b) => Const::Bytes(b.repeat(n).into()),
        Const::Tuple(items) => {
            let mut out = Vec::with_capacity(items.len() * n);
            for _ in 0..n {
                out.extend(items.iter().cloned());
            }
            Const::Tuple(Rc::from(out))
        }
        _ => return None,
    })
}

/// `PyObject_GetItem(container, key)` for constant containers.
pub(super) fn subscript(container: &Const, key: &Const) -> Option<Const> {
    let length = match container {
        Const::Str(_) | Const::Bytes(_) | Const::Tuple(_) => len(container)?,
        _ => return None,
    };
    match key {
        Const::Slice(parts) => {
            let indices = slice_indices(parts, length)?;
            Some(take(container, &indices))
        }
        _ => {
            let i = as_int(key)?;
            // An index that does not fit `Py_ssize_t` is an IndexError.
            let i = i.to_i64()?;
            let i = if i < 0 { i + length as i64 } else { i };
            if i < 0 || i >= length as i64 {
                return None;
            }
            let i = i as usize;
            Some(match container {
                Const::Str(s) => {
                    let cp = s.code_points().nth(i)?;
                    let mut out = Wtf8Buf::new();
                    out.push_code_point(cp);
                    Const::Str(Rc::new(out))
                }
                Const::Bytes(b) => Const::Int(i64::from(b[i])),
                Const::Tuple(items) => items[i].clone(),
                _ => return None,
            })
        }
    }
}

/// The element positions a slice selects (`PySlice_Unpack` + `PySlice_AdjustIndices`).
fn slice_indices(parts: &[Const; 3], length: usize) -> Option<Vec<usize>> {
    const MAX: i64 = i64::MAX;
    // `_PyEval_SliceIndex`: None, or an int clamped to the Py_ssize_t range.
    let index = |c: &Const| -> Option<Option<i64>> {
        match c {
            Const::None => Some(None),
            _ => {
                let i = as_int(c)?;
                Some(Some(i.to_i64().unwrap_or(if i.is_negative() {
                    -MAX - 1
                } else {
                    MAX
                })))
            }
        }
    };
    let step = match index(&parts[2])? {
        None => 1,
        Some(0) => return None,
        Some(s) => s.max(-MAX),
    };
    let len = length as i64;
    let (default_start, default_stop) = if step < 0 { (MAX, -MAX - 1) } else { (0, MAX) };
    let mut start = index(&parts[0])?.unwrap_or(default_start);
    let mut stop = index(&parts[1])?.unwrap_or(default_stop);
    let adjust = |v: &mut i64| {
        if *v < 0 {
            *v += len;
            if *v < 0 {
                *v = if step < 0 { -1 } else { 0 };
            }
        } else if *v >= len {
            *v = if step < 0 { len - 1 } else { len };
        }
    };
    adjust(&mut start);
    adjust(&mut stop);
    // In i128 so that a huge step cannot overflow.
    let (mut i, stop, step) = (i128::from(start), i128::from(stop), i128::from(step));
    let mut out = Vec::new();
    while (step > 0 && i < stop) || (step < 0 && i > stop) {
        out.push(i as usize);
        i += step;
    }
    Some(out)
}

fn take(container: &Const, indices: &[usize]) -> Const {
    match container {
        Const::Str(s) => {
            let cps: Vec<u32> = s.code_points().collect();
            let mut out = Wtf8Buf::new();
            for &i in indices {
                out.push_code_point(cps[i]);
            }
            Const::Str(Rc::new(out))
        }
        Const::Bytes(b) => Const::Bytes(indices.iter().map(|&i| b[i]).collect::<Vec<u8>>().into()),
        Const::Tuple(items) => Const::Tuple(indices.iter().map(|&i| items[i].clone()).collect()),
        other => other.clone(),
    }
}
