//! `hashlib` with the md5, sha1 and sha256 digests (our own implementations of RFC 1321
//! and FIPS 180-4): `new`, the named constructors, and hash objects with `update`,
//! `digest`, `hexdigest`, `copy`, `name`, `digest_size`, `block_size`.

use crate::object::{Py, PyCell, Type, Value};
use crate::runtime::{Args, PyResult, Vm};
use crate::types::module::Module;
use crate::types::str::Str;

#[derive(Clone, Copy, PartialEq)]
enum Algo {
    Md5,
    Sha1,
    Sha256,
}

impl Algo {
    fn from_name(name: &str) -> Option<Algo> {
        Some(match name.to_ascii_lowercase().as_str() {
            "md5" => Algo::Md5,
            "sha1" => Algo::Sha1,
            "sha256" => Algo::Sha256,
            _ => return None,
        })
    }

    fn name(self) -> &'static str {
        match self {
            Algo::Md5 => "md5",
            Algo::Sha1 => "sha1",
            Algo::Sha256 => "sha256",
        }
    }

    fn digest_size(self) -> usize {
        match self {
            Algo::Md5 => 16,
            Algo::Sha1 => 20,
            Algo::Sha256 => 32,
        }
    }
}

/// A running digest: chaining state, the unprocessed tail and the total length.
#[derive(Clone)]
struct State {
    algo: Algo,
    h: [u32; 8],
    buf: Vec<u8>,
    len: u64,
}

const SHA256_K: [u32; 64] = [
    0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
    0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
    0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
    0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
    0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
    0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
    0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
    0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
];

const MD5_S: [u32; 64] = [
    7, 12, 17, 22, 7, 12, 17, 22, 7, 12, 17, 22, 7, 12, 17, 22, 5, 9, 14, 20, 5, 9, 14, 20, 5, 9,
    14, 20, 5, 9, 14, 20, 4, 11, 16, 23, 4, 11, 16, 23, 4, 11, 16, 23, 4, 11, 16, 23, 6, 10, 15,
    21, 6, 10, 15, 21, 6, 10, 15, 21, 6, 10, 15, 21,
];

impl State {
    fn new(algo: Algo) -> State {
        let h = match algo {
            Algo::Md5 => [0x67452301, 0xefcdab89, 0x98badcfe, 0x10325476, 0, 0, 0, 0],
            Algo::Sha1 => [
                0x67452301, 0xefcdab89, 0x98badcfe, 0x10325476, 0xc3d2e1f0, 0, 0, 0,
            ],
            Algo::Sha256 => [
                0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab,
                0x5be0cd19,
            ],
        };
        State {
            algo,
            h,
            buf: Vec::with_capacity(64),
            len: 0,
        }
    }

    fn update(&mut self, mut data: &[u8]) {
        self.len = self.len.wrapping_add(data.len() as u64);
        if !self.buf.is_empty() {
            let take = (64 - self.buf.len()).min(data.len());
            self.buf.extend_from_slice(&data[..take]);
            data = &data[take..];
            if self.buf.len() < 64 {
                return;
            }
            let block: [u8; 64] = self.buf[..].try_into().unwrap_or([0; 64]);
            self.compress(&block);
            self.buf.clear();
        }
        let mut chunks = data.chunks_exact(64);
        for c in &mut chunks {
            let block: [u8; 64] = c.try_into().unwrap_or([0; 64]);
            self.compress(&block);
        }
        self.buf.extend_from_slice(chunks.remainder());
    }

    fn compress(&mut self, block: &[u8; 64]) {
        match self.algo {
            Algo::Md5 => self.md5_block(block),
            Algo::Sha1 => self.sha1_block(block),
            Algo::Sha256 => self.sha256_block(block),
        }
    }

    fn md5_block(&mut self, block: &[u8; 64]) {
        let m: Vec<u32> = block
            .chunks_exact(4)
            .map(|c| u32::from_le_bytes([c[0], c[1], c[2], c[3]]))
            .collect();
        let [mut a, mut b, mut c, mut d] = [self.h[0], self.h[1], self.h[2], self.h[3]];
        for (i, &shift) in MD5_S.iter().enumerate() {
            let (f, g) = match i / 16 {
                0 => ((b & c) | (!b & d), i),
                1 => ((d & b) | (!d & c), (5 * i + 1) % 16),
                2 => (b ^ c ^ d, (3 * i + 5) % 16),
                _ => (c ^ (b | !d), (7 * i) % 16),
            };
            // K[i] = floor(abs(sin(i + 1)) * 2^32), exact in f64 for these arguments.
            let k = ((i as f64 + 1.0).sin().abs() * 4294967296.0) as u32;
            let t = d;
            d = c;
            c = b;
            b = b.wrapping_add(
                a.wrapping_add(f)
                    .wrapping_add(k)
                    .wrapping_add(m[g])
                    .rotate_left(shift),
            );
            a = t;
        }
        self.h[0] = self.h[0].wrapping_add(a);
        self.h[1] = self.h[1].wrapping_add(b);
        self.h[2] = self.h[2].wrapping_add(c);
        self.h[3] = self.h[3].wrapping_add(d);
    }

    fn sha1_block(&mut self, block: &[u8; 64]) {
        let mut w = [0u32; 80];
        for (i, c) in block.chunks_exact(4).enumerate() {
            w[i] = u32::from_be_bytes([c[0], c[1], c[2], c[3]]);
        }
        for i in 16..80 {
            w[i] = (w[i - 3] ^ w[i - 8] ^ w[i - 14] ^ w[i - 16]).rotate_left(1);
        }
        let [mut a, mut b, mut c, mut d, mut e] =
            [self.h[0], self.h[1], self.h[2], self.h[3], self.h[4]];
        for (i, &wi) in w.iter().enumerate() {
            let (f, k) = match i / 20 {
                0 => ((b & c) | (!b & d), 0x5a827999),
                1 => (b ^ c ^ d, 0x6ed9eba1),
                2 => ((b & c) | (b & d) | (c & d), 0x8f1bbcdc),
                _ => (b ^ c ^ d, 0xca62c1d6u32),
            };
            let t = a
                .rotate_left(5)
                .wrapping_add(f)
                .wrapping_add(e)
                .wrapping_add(k)
                .wrapping_add(wi);
            e = d;
            d = c;
            c = b.rotate_left(30);
            b = a;
            a = t;
        }
        for (h, v) in self.h.iter_mut().zip([a, b, c, d, e]) {
            *h = h.wrapping_add(v);
        }
    }

    fn sha256_block(&mut self, block: &[u8; 64]) {
        let mut w = [0u32; 64];
        for (i, c) in block.chunks_exact(4).enumerate() {
            w[i] = u32::from_be_bytes([c[0], c[1], c[2], c[3]]);
        }
        for i in 16..64 {
            let s0 = w[i - 15].rotate_right(7) ^ w[i - 15].rotate_right(18) ^ (w[i - 15] >> 3);
            let s1 = w[i - 2].rotate_right(17) ^ w[i - 2].rotate_right(19) ^ (w[i - 2] >> 10);
            w[i] = w[i - 16]
                .wrapping_add(s0)
                .wrapping_add(w[i - 7])
                .wrapping_add(s1);
        }
        let mut v = self.h;
        for (&k, &wi) in SHA256_K.iter().zip(w.iter()) {
            let [a, b, c, d, e, f, g, h] = v;
            let s1 = e.rotate_right(6) ^ e.rotate_right(11) ^ e.rotate_right(25);
            let ch = (e & f) ^ (!e & g);
            let t1 = h
                .wrapping_add(s1)
                .wrapping_add(ch)
                .wrapping_add(k)
                .wrapping_add(wi);
            let s0 = a.rotate_right(2) ^ a.rotate_right(13) ^ a.rotate_right(22);
            let maj = (a & b) ^ (a & c) ^ (b & c);
            let t2 = s0.wrapping_add(maj);
            v = [t1.wrapping_add(t2), a, b, c, d.wrapping_add(t1), e, f, g];
        }
        for (h, x) in self.h.iter_mut().zip(v) {
            *h = h.wrapping_add(x);
        }
    }

    fn digest(&self) -> Vec<u8> {
        let mut s = self.clone();
        let bits = self.len.wrapping_mul(8);
        let mut pad = vec![0x80u8];
        let rem = (self.len % 64) as usize;
        let zeros = if rem < 56 { 55 - rem } else { 119 - rem };
        pad.extend(std::iter::repeat_n(0u8, zeros));
        if self.algo == Algo::Md5 {
            pad.extend_from_slice(&bits.to_le_bytes());
        } else {
            pad.extend_from_slice(&bits.to_be_bytes());
        }
        s.update(&pad);
        let n = self.algo.digest_size() / 4;
        let mut out = Vec::with_capacity(n * 4);
        for &h in &s.h[..n] {
            if self.algo == Algo::Md5 {
                out.extend_from_slice(&h.to_le_bytes());
            } else {
                out.extend_from_slice(&h.to_be_bytes());
            }
        }
        out
    }
}

/// A hash object.
pub struct HashObj {
    state: PyCell<State>,
}

crate::payload!(HashObj);

fn data_arg(vm: &Vm, v: &Value) -> PyResult<Vec<u8>> {
    if v.downcast::<Str>().is_some() {
        return Err(vm.new_type_error("Strings must be encoded before hashing"));
    }
    vm.bytes_like(v)
        .map_err(|_| vm.new_type_error("object supporting the buffer API required"))
}

fn make(vm: &Vm, algo: Algo, data: Option<&Value>) -> PyResult<Value> {
    let mut st = State::new(algo);
    if let Some(d) = data {
        st.update(&data_arg(vm, d)?);
    }
    let ty = vm.native_type("hashlib.HASH")?;
    vm.alloc_instance(
        &ty,
        HashObj {
            state: PyCell::new(st),
        },
    )
}

fn ctor(vm: &Vm, args: Args<'_>, algo: Algo) -> PyResult<Value> {
    let name = algo.name();
    let [data, string, _usedforsecurity] =
        args.bind(vm, name, ["data", "string", "usedforsecurity"], 0, 1)?;
    make(vm, algo, data.or(string))
}

fn h_md5(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    ctor(vm, args, Algo::Md5)
}

fn h_sha1(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    ctor(vm, args, Algo::Sha1)
}

fn h_sha256(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    ctor(vm, args, Algo::Sha256)
}

fn h_new(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let [name, data, string, _usedforsecurity] = args.bind(
        vm,
        "new",
        ["name", "data", "string", "usedforsecurity"],
        1,
        1,
    )?;
    let name = name.unwrap_or(&Value::None);
    let text = name
        .downcast::<Str>()
        .map(|s| s.to_lossy().into_owned())
        .ok_or_else(|| vm.new_type_error("new() argument 'name' must be str"))?;
    let algo = Algo::from_name(&text)
        .ok_or_else(|| vm.new_value_error(format!("unsupported hash type {text}")))?;
    make(vm, algo, data.or(string))
}

fn this<'a>(vm: &Vm, args: Args<'a>, name: &str) -> PyResult<(&'a Py<HashObj>, Args<'a>)> {
    vm.method_self::<HashObj>(args, name, "HASH")
}

fn m_update(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let (h, rest) = this(vm, args, "update")?;
    let data = data_arg(vm, rest.one(vm, "update")?)?;
    h.state.with_mut(|s| s.update(&data));
    Ok(Value::None)
}

fn m_digest(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let (h, rest) = this(vm, args, "digest")?;
    rest.none(vm, "digest")?;
    Ok(vm.new_bytes(h.state.with(State::digest)).into())
}

fn m_hexdigest(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let (h, rest) = this(vm, args, "hexdigest")?;
    rest.none(vm, "hexdigest")?;
    let hex: String = h
        .state
        .with(State::digest)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect();
    Ok(vm.new_str(&hex).into())
}

fn m_copy(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let (h, rest) = this(vm, args, "copy")?;
    rest.none(vm, "copy")?;
    let st = h.state.with(Clone::clone);
    let ty = vm.native_type("hashlib.HASH")?;
    vm.alloc_instance(
        &ty,
        HashObj {
            state: PyCell::new(st),
        },
    )
}

fn payload<'a>(vm: &Vm, v: &'a Value) -> PyResult<&'a Py<HashObj>> {
    v.downcast::<HashObj>()
        .ok_or_else(|| vm.new_type_error("expected a hash object"))
}

fn h_repr(vm: &Vm, v: &Value) -> PyResult<Value> {
    let h = payload(vm, v)?;
    let name = h.state.with(|s| s.algo.name());
    let addr = v.id();
    Ok(vm
        .new_str(&format!("<{name} _hashlib.HASH object @ {addr:#x}>"))
        .into())
}

fn init_module(vm: &Vm) -> PyResult<Py<Module>> {
    let m = vm.new_module("hashlib");
    let ty: Py<Type> =
        crate::stdlib::typedef::new_type::<HashObj>(vm, "HASH", "_hashlib", None, false);
    ty.slots.repr.set(Some(h_repr));
    vm.add_methods(
        &ty,
        &[
            ("update", m_update),
            ("digest", m_digest),
            ("hexdigest", m_hexdigest),
            ("copy", m_copy),
        ],
    );
    vm.add_getset(
        &ty,
        "name",
        |vm, v| {
            let n = payload(vm, v)?.state.with(|s| s.algo.name());
            Ok(vm.new_str(n).into())
        },
        None,
    );
    vm.add_getset(
        &ty,
        "digest_size",
        |vm, v| {
            let n = payload(vm, v)?.state.with(|s| s.algo.digest_size());
            Ok(Value::Int(n as i64))
        },
        None,
    );
    vm.add_getset(
        &ty,
        "block_size",
        |vm, v| {
            payload(vm, v)?;
            Ok(Value::Int(64))
        },
        None,
    );
    crate::stdlib::typedef::finish_type(vm, &ty);
    vm.register_native_type("hashlib.HASH", &ty);
    vm.add_function(&m, "new", h_new);
    vm.add_function(&m, "md5", h_md5);
    vm.add_function(&m, "sha1", h_sha1);
    vm.add_function(&m, "sha256", h_sha256);
    let names: Vec<Value> = ["md5", "sha1", "sha256"]
        .iter()
        .map(|n| vm.new_str(n).into())
        .collect();
    for key in ["algorithms_guaranteed", "algorithms_available"] {
        let set = vm.new_frozenset_empty();
        for n in &names {
            set.add(vm, n.clone())?;
        }
        m.dict().set_str(&vm.intern(key), set.into());
    }
    Ok(m)
}

/// Registers `hashlib`.
pub(crate) fn register(vm: &Vm) {
    vm.register_native_module("hashlib", init_module);
}
