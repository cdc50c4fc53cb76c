//! The combinatoric iterators: `product`, `permutations`, `combinations` and
//! `combinations_with_replacement`, in CPython's lexicographic orders. Their inputs are
//! materialized once; each step only rearranges indices, so no Python code runs while the
//! state is borrowed.

use crate::object::{Py, PyCell, Type, Value};
use crate::runtime::{Args, PyResult, Vm};

use super::{iter_type, payload};

/// Shared state: the pool(s), the index vector and bookkeeping per algorithm.
struct State {
    /// `product`: one pool per position; the others: a single pool.
    pools: Vec<Vec<Value>>,
    indices: Vec<usize>,
    /// `permutations` only.
    cycles: Vec<usize>,
    r: usize,
    started: bool,
    done: bool,
}

/// One of the four combinatoric iterators; `K` keeps their payloads distinct, so that
/// one algorithm never runs on another's state.
pub struct Combinatoric<const K: u8> {
    state: PyCell<State>,
}

const PRODUCT: u8 = 0;
const PERMUTATIONS: u8 = 1;
const COMBINATIONS: u8 = 2;
const CWR: u8 = 3;

crate::payload!(Combinatoric<PRODUCT>, gc);
crate::payload!(Combinatoric<PERMUTATIONS>, gc);
crate::payload!(Combinatoric<COMBINATIONS>, gc);
crate::payload!(Combinatoric<CWR>, gc);

impl<const K: u8> Combinatoric<K> {
    /// Cycle collector: the pools.
    fn gc_traverse(&self, visit: &mut crate::object::gc::Visitor<'_>) {
        self.state
            .with(|s| s.pools.iter().for_each(|p| visit.values(p)));
    }

    /// Drops the pools and marks the iterator exhausted (every `next` checks `done` first).
    fn gc_clear(&self) {
        let pools = self.state.with_mut(|s| {
            s.done = true;
            std::mem::take(&mut s.pools)
        });
        drop(pools);
    }
}

fn alloc<const K: u8>(vm: &Vm, cls: &Py<Type>, state: State) -> PyResult<Value>
where
    Combinatoric<K>: crate::object::PyPayload,
{
    vm.alloc_instance(
        cls,
        Combinatoric::<K> {
            state: PyCell::new(state),
        },
    )
}

fn state(pools: Vec<Vec<Value>>, r: usize) -> State {
    State {
        pools,
        indices: Vec::new(),
        cycles: Vec::new(),
        r,
        started: false,
        done: false,
    }
}

fn product_new(vm: &Vm, cls: &Py<Type>, args: Args<'_>) -> PyResult<Value> {
    let mut repeat = 1i64;
    for (k, v) in args.kwargs() {
        if k.as_bytes() == b"repeat" {
            repeat = vm.index_value(v)?;
        } else {
            return Err(vm.new_type_error(format!(
                "product() got an unexpected keyword argument '{}'",
                k.to_lossy()
            )));
        }
    }
    if repeat < 0 {
        return Err(vm.new_value_error("repeat argument cannot be negative"));
    }
    let mut base = Vec::with_capacity(args.npos());
    for a in args.pos() {
        base.push(vm.collect(a)?);
    }
    let total = (base.len() as u64).saturating_mul(repeat as u64);
    if total > (isize::MAX as u64) / 64 {
        return Err(vm.new_overflow_error("repeat argument too large"));
    }
    let mut pools = Vec::with_capacity(total as usize);
    for _ in 0..repeat {
        pools.extend(base.iter().cloned());
    }
    let n = pools.len();
    let mut st = state(pools, n);
    st.indices = vec![0; n];
    alloc::<PRODUCT>(vm, cls, st)
}

fn product_next(vm: &Vm, v: &Value) -> PyResult<Option<Value>> {
    let c = payload::<Combinatoric<PRODUCT>>(vm, v, "product")?;
    let items = c.state.with_mut(|s| {
        if s.done {
            return None;
        }
        if !s.started {
            s.started = true;
            if s.pools.iter().any(Vec::is_empty) {
                s.done = true;
                return None;
            }
        } else {
            // Odometer: advance the rightmost index, carrying leftwards.
            let mut i = s.pools.len();
            loop {
                if i == 0 {
                    s.done = true;
                    return None;
                }
                i -= 1;
                s.indices[i] += 1;
                if s.indices[i] < s.pools[i].len() {
                    break;
                }
                s.indices[i] = 0;
            }
        }
        Some(
            s.indices
                .iter()
                .zip(&s.pools)
                .map(|(&i, p)| p[i].clone())
                .collect::<Vec<_>>(),
        )
    });
    Ok(items.map(|it| vm.new_tuple(it).into()))
}

/// The `r` argument: `None` or an int ("Expected int as r" for permutations).
fn parse_r(vm: &Vm, r: Option<&Value>, n: usize, strict_int: bool) -> PyResult<usize> {
    let r = match r {
        None => return Ok(n),
        Some(v) if v.is_none() && strict_int => return Ok(n),
        Some(v) => {
            if strict_int && crate::types::int::as_int(v).is_none() {
                return Err(vm.new_type_error("Expected int as r"));
            }
            vm.index_value(v)?
        }
    };
    if r < 0 {
        return Err(vm.new_value_error("r must be non-negative"));
    }
    Ok(r as usize)
}

fn pool_and_r(
    vm: &Vm,
    args: &Args<'_>,
    name: &str,
    required: usize,
    strict_int: bool,
) -> PyResult<(Vec<Value>, usize)> {
    let [iterable, r] = args.bind(vm, name, ["iterable", "r"], required, 0)?;
    let pool = vm.collect(iterable.unwrap_or(&Value::None))?;
    let r = parse_r(vm, r, pool.len(), strict_int)?;
    Ok((pool, r))
}

fn permutations_new(vm: &Vm, cls: &Py<Type>, args: Args<'_>) -> PyResult<Value> {
    let (pool, r) = pool_and_r(vm, &args, "permutations", 1, true)?;
    let n = pool.len();
    let mut st = state(vec![pool], r);
    st.indices = (0..n).collect();
    st.cycles = (0..r.min(n)).map(|i| n - i).collect();
    st.done = r > n;
    alloc::<PERMUTATIONS>(vm, cls, st)
}

fn permutations_next(vm: &Vm, v: &Value) -> PyResult<Option<Value>> {
    let c = payload::<Combinatoric<PERMUTATIONS>>(vm, v, "permutations")?;
    let items = c.state.with_mut(|s| {
        if s.done {
            return None;
        }
        let n = s.pools[0].len();
        let r = s.r;
        if s.started {
            let mut advanced = false;
            for i in (0..r).rev() {
                s.cycles[i] -= 1;
                if s.cycles[i] == 0 {
                    // Rotate indices[i:] left by one.
                    s.indices[i..].rotate_left(1);
                    s.cycles[i] = n - i;
                } else {
                    let j = s.cycles[i];
                    s.indices.swap(i, n - j);
                    advanced = true;
                    break;
                }
            }
            if !advanced {
                s.done = true;
                return None;
            }
        }
        s.started = true;
        Some(
            s.indices[..r]
                .iter()
                .map(|&i| s.pools[0][i].clone())
                .collect::<Vec<_>>(),
        )
    });
    Ok(items.map(|it| vm.new_tuple(it).into()))
}

fn combinations_new(vm: &Vm, cls: &Py<Type>, args: Args<'_>) -> PyResult<Value> {
    let (pool, r) = pool_and_r(vm, &args, "combinations", 2, false)?;
    let n = pool.len();
    let mut st = state(vec![pool], r);
    st.indices = (0..r).collect();
    st.done = r > n;
    alloc::<COMBINATIONS>(vm, cls, st)
}

fn combinations_next(vm: &Vm, v: &Value) -> PyResult<Option<Value>> {
    let c = payload::<Combinatoric<COMBINATIONS>>(vm, v, "combinations")?;
    let items = c.state.with_mut(|s| {
        if s.done {
            return None;
        }
        let n = s.pools[0].len();
        let r = s.r;
        if s.started {
            let Some(i) = (0..r).rev().find(|&i| s.indices[i] != i + n - r) else {
                s.done = true;
                return None;
            };
            s.indices[i] += 1;
            for j in i + 1..r {
                s.indices[j] = s.indices[j - 1] + 1;
            }
        }
        s.started = true;
        Some(
            s.indices
                .iter()
                .map(|&i| s.pools[0][i].clone())
                .collect::<Vec<_>>(),
        )
    });
    Ok(items.map(|it| vm.new_tuple(it).into()))
}

fn cwr_new(vm: &Vm, cls: &Py<Type>, args: Args<'_>) -> PyResult<Value> {
    let (pool, r) = pool_and_r(vm, &args, "combinations_with_replacement", 2, false)?;
    let n = pool.len();
    let mut st = state(vec![pool], r);
    st.indices = vec![0; r];
    st.done = n == 0 && r > 0;
    alloc::<CWR>(vm, cls, st)
}

fn cwr_next(vm: &Vm, v: &Value) -> PyResult<Option<Value>> {
    let c = payload::<Combinatoric<CWR>>(vm, v, "combinations_with_replacement")?;
    let items = c.state.with_mut(|s| {
        if s.done {
            return None;
        }
        let n = s.pools[0].len();
        let r = s.r;
        if s.started {
            let Some(i) = (0..r).rev().find(|&i| s.indices[i] != n - 1) else {
                s.done = true;
                return None;
            };
            let v = s.indices[i] + 1;
            for x in &mut s.indices[i..] {
                *x = v;
            }
        }
        s.started = true;
        Some(
            s.indices
                .iter()
                .map(|&i| s.pools[0][i].clone())
                .collect::<Vec<_>>(),
        )
    });
    Ok(items.map(|it| vm.new_tuple(it).into()))
}

/// The combinatoric iterator types.
pub(super) fn types(vm: &Vm) -> Vec<Py<Type>> {
    vec![
        iter_type::<Combinatoric<PRODUCT>>(vm, "product", product_new, product_next),
        iter_type::<Combinatoric<PERMUTATIONS>>(
            vm,
            "permutations",
            permutations_new,
            permutations_next,
        ),
        iter_type::<Combinatoric<COMBINATIONS>>(
            vm,
            "combinations",
            combinations_new,
            combinations_next,
        ),
        iter_type::<Combinatoric<CWR>>(vm, "combinations_with_replacement", cwr_new, cwr_next),
    ]
}
