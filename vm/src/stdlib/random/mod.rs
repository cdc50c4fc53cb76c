//! `_random`: the Mersenne Twister generator type `Random` (subclassable) that the
//! `random` module (Python source in `vm/lib/random.py`) builds on, plus the SHA-512 and
//! urandom helpers it needs for seeding.

mod mt;
pub mod sha512;

use num_bigint::{BigInt, Sign};
use num_traits::{Signed, ToPrimitive};

use crate::object::{Py, PyCell, Type, Value};
use crate::runtime::{Args, PyResult, Vm};
use crate::types::module::Module;
use crate::types::tuple::Tuple;

use mt::Mt;

/// The payload of `_random.Random` instances.
pub struct RandomState {
    mt: PyCell<Box<Mt>>,
}

crate::payload!(RandomState);

/// `n` bytes from the operating system's random source (time and pid if unavailable).
pub fn urandom(n: usize) -> Vec<u8> {
    use std::io::Read;
    let mut buf = vec![0u8; n];
    if let Ok(mut f) = std::fs::File::open("/dev/urandom")
        && f.read_exact(&mut buf).is_ok()
    {
        return buf;
    }
    let nanos = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_nanos());
    let mut x = (nanos as u64) ^ u64::from(std::process::id()).rotate_left(32);
    for b in &mut buf {
        // splitmix64 steps spread the fallback seed over the buffer.
        x = x.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = x;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        *b = (z ^ (z >> 31)) as u8;
    }
    buf
}

fn this<'a>(vm: &Vm, args: Args<'a>, name: &str) -> PyResult<(&'a Py<RandomState>, Args<'a>)> {
    vm.method_self::<RandomState>(args, name, "_random.Random")
}

/// Seeds from `arg`: `None` from urandom, ints by absolute value, anything else by its hash.
fn seed_from(vm: &Vm, rs: &RandomState, arg: Option<&Value>) -> PyResult<()> {
    let key: Vec<u32> = match arg.filter(|a| !a.is_none()) {
        None => urandom(Mt::N * 4)
            .chunks_exact(4)
            .map(|c| u32::from_le_bytes([c[0], c[1], c[2], c[3]]))
            .collect(),
        Some(a) => {
            let n: BigInt = match crate::types::int::as_int(a) {
                Some(i) => i.big().abs(),
                // The hash as an unsigned machine word, like CPython's size_t cast.
                None => BigInt::from(vm.hash(a)? as u64),
            };
            let words = n.magnitude().to_u32_digits();
            if words.is_empty() { vec![0] } else { words }
        }
    };
    rs.mt.with_mut(|m| m.init_by_array(&key));
    Ok(())
}

fn random_new(vm: &Vm, cls: &Py<Type>, _args: Args<'_>) -> PyResult<Value> {
    vm.alloc_instance(
        cls,
        RandomState {
            mt: PyCell::new(Box::default()),
        },
    )
}

fn random_init(vm: &Vm, this: &Value, args: Args<'_>) -> PyResult<()> {
    let Some(rs) = this.downcast::<RandomState>() else {
        return Err(vm.new_type_error("expected a _random.Random instance"));
    };
    // Only the base type itself rejects keywords (subclasses may take their own).
    if !this.class(vm).is_heap() && args.has_kwargs() {
        return Err(vm.new_type_error("Random() takes no keyword arguments"));
    }
    args.check_positional(vm, "Random", 0, 1)?;
    seed_from(vm, rs, args.pos().first())
}

fn r_random(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let (rs, rest) = this(vm, args, "random")?;
    rest.none(vm, "Random.random")?;
    Ok(Value::Float(rs.mt.with_mut(|m| m.next_f64())))
}

fn r_seed(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let (rs, rest) = this(vm, args, "seed")?;
    let vals = rest.range(vm, "seed", 0, 1)?;
    seed_from(vm, rs, vals.first())?;
    Ok(Value::None)
}

fn r_getstate(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let (rs, rest) = this(vm, args, "getstate")?;
    rest.none(vm, "Random.getstate")?;
    let (words, index) = rs.mt.with(|m| (m.state, m.index));
    let mut items: Vec<Value> = words.iter().map(|&w| Value::Int(i64::from(w))).collect();
    items.push(Value::Int(index as i64));
    Ok(vm.new_tuple(items).into())
}

fn r_setstate(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let (rs, rest) = this(vm, args, "setstate")?;
    let state = rest.one(vm, "Random.setstate")?;
    let Some(t) = state.downcast::<Tuple>() else {
        return Err(vm.new_type_error("state vector must be a tuple"));
    };
    let items = t.as_slice();
    if items.len() != Mt::N + 1 {
        return Err(vm.new_value_error("state vector is the wrong size"));
    }
    let mut words = [0u32; Mt::N];
    for (w, v) in words.iter_mut().zip(items) {
        let Some(i) = crate::types::int::as_int(v) else {
            return Err(vm.new_type_error("an integer is required"));
        };
        let big = i.big();
        if big.is_negative() {
            return Err(vm.new_overflow_error("can't convert negative value to unsigned int"));
        }
        let Some(u) = big.to_u64() else {
            return Err(vm.new_overflow_error("Python int too large to convert to C unsigned long"));
        };
        // CPython keeps the low 32 bits.
        *w = u as u32;
    }
    let index = vm.index_value(&items[Mt::N])?;
    if !(0..=Mt::N as i64).contains(&index) {
        return Err(vm.new_value_error("invalid state"));
    }
    rs.mt.with_mut(|m| {
        m.state = words;
        m.index = index as usize;
    });
    Ok(Value::None)
}

fn r_getrandbits(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let (rs, rest) = this(vm, args, "getrandbits")?;
    let kv = rest.one(vm, "Random.getrandbits")?;
    let k = vm.try_index(kv)?.ok_or_else(|| {
        vm.new_type_error(format!(
            "'{}' object cannot be interpreted as an integer",
            vm.type_name(kv)
        ))
    })?;
    if k.is_negative() {
        return Err(vm.new_value_error("Cannot convert negative int"));
    }
    let Some(k) = k.to_u64() else {
        return Err(vm.new_overflow_error("Python int too large to convert to C int"));
    };
    if k == 0 {
        return Ok(Value::Int(0));
    }
    if k <= 32 {
        let r = rs.mt.with_mut(|m| m.next_u32()) >> (32 - k);
        return Ok(Value::Int(i64::from(r)));
    }
    let nwords = (k - 1) / 32 + 1;
    let nwords = usize::try_from(nwords)
        .ok()
        .filter(|&n| n <= isize::MAX as usize / 8)
        .ok_or_else(|| vm.new_memory_error(""))?;
    let mut words = Vec::new();
    words
        .try_reserve_exact(nwords)
        .map_err(|_| vm.new_memory_error(""))?;
    let mut left = k;
    rs.mt.with_mut(|m| {
        for _ in 0..nwords {
            let mut r = m.next_u32();
            if left < 32 {
                r >>= 32 - left;
            }
            words.push(r);
            left = left.saturating_sub(32);
        }
    });
    Ok(vm.new_int(BigInt::from_slice(Sign::Plus, &words)))
}

/// `_random._sha512(data)`: the digest `random.seed` mixes into str and bytes seeds.
fn sha512_digest(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let v = args.one(vm, "_sha512")?;
    let data = vm.bytes_like(v)?;
    Ok(vm.new_bytes(sha512::sha512(&data).to_vec()).into())
}

/// `_random._urandom(n)`: bytes for `SystemRandom` and unseeded generators.
fn urandom_fn(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let n = vm.index_value(args.one(vm, "_urandom")?)?;
    let n = usize::try_from(n).map_err(|_| vm.new_value_error("negative argument not allowed"))?;
    if n > 1 << 30 {
        return Err(vm.new_memory_error(""));
    }
    Ok(vm.new_bytes(urandom(n)).into())
}

/// Builds `_random`.
pub fn init(vm: &Vm) -> PyResult<Py<Module>> {
    let m = vm.new_module("_random");
    let t = crate::stdlib::typedef::new_type::<RandomState>(vm, "Random", "_random", None, true);
    t.slots.new.set(Some(random_new));
    t.slots.init.set(Some(random_init));
    vm.add_methods(
        &t,
        &[
            ("random", r_random),
            ("seed", r_seed),
            ("getstate", r_getstate),
            ("setstate", r_setstate),
            ("getrandbits", r_getrandbits),
        ],
    );
    crate::stdlib::typedef::finish_type(vm, &t);
    m.dict().set_str(&vm.intern("Random"), t.into());
    vm.add_function(&m, "_sha512", sha512_digest);
    vm.add_function(&m, "_urandom", urandom_fn);
    Ok(m)
}
