//! The `time` module: clocks (`time`, `monotonic`, `perf_counter`, `process_time`, their
//! `_ns` forms), `sleep`, `struct_time` with `gmtime`/`localtime`/`mktime`, `strftime`
//! (the C library's, in the C locale, as CPython uses it), `asctime`/`ctime` and the time
//! zone attributes. `strptime` is not provided (AttributeError).

use crate::object::{Py, Type, Value};
use crate::runtime::{Args, PyResult, Vm};
use crate::stdlib::ffi::{self, Tm};
use crate::types::str::Str;
use crate::types::tuple::Tuple;

const DAYS: [&str; 7] = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];
const MONTHS: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];

fn struct_time_type(vm: &Vm) -> PyResult<Py<Type>> {
    crate::stdlib::structseq::cached_type(
        vm,
        &crate::stdlib::structseq::Spec {
            name: "time.struct_time",
            visible: &[
                "tm_year", "tm_mon", "tm_mday", "tm_hour", "tm_min", "tm_sec", "tm_wday",
                "tm_yday", "tm_isdst",
            ],
            unnamed: 0,
            extra: &["tm_zone", "tm_gmtoff"],
        },
    )
}

fn clock(vm: &Vm, id: libc::clockid_t) -> PyResult<(i64, i64)> {
    ffi::clock_gettime(id).map_err(|e| crate::stdlib::io::os_error(vm, &e, None))
}

fn secs(t: (i64, i64)) -> Value {
    Value::Float(t.0 as f64 + t.1 as f64 * 1e-9)
}

fn nanos(vm: &Vm, t: (i64, i64)) -> Value {
    let n = i128::from(t.0) * 1_000_000_000 + i128::from(t.1);
    match i64::try_from(n) {
        Ok(i) => Value::Int(i),
        Err(_) => vm.new_int(n.into()),
    }
}

macro_rules! clock_fns {
    ($($f:ident, $fns:ident, $name:literal, $id:expr;)*) => {
        $(
            fn $f(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
                args.none(vm, $name)?;
                Ok(secs(clock(vm, $id)?))
            }

            fn $fns(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
                args.none(vm, concat!($name, "_ns"))?;
                Ok(nanos(vm, clock(vm, $id)?))
            }
        )*
    };
}

clock_fns! {
    t_time, t_time_ns, "time", ffi::CLOCK_REALTIME;
    t_monotonic, t_monotonic_ns, "monotonic", ffi::CLOCK_MONOTONIC;
    t_perf_counter, t_perf_counter_ns, "perf_counter", ffi::CLOCK_MONOTONIC;
    t_process_time, t_process_time_ns, "process_time", ffi::CLOCK_PROCESS;
    t_thread_time, t_thread_time_ns, "thread_time", ffi::CLOCK_THREAD;
}

fn t_sleep(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let v = args.one(vm, "sleep")?;
    let s = match v {
        Value::Float(f) => *f,
        Value::Int(i) => *i as f64,
        Value::Bool(b) => f64::from(u8::from(*b)),
        other => {
            if let Some(i) = crate::types::int::as_int(other) {
                crate::types::int::int_to_f64(i).unwrap_or(f64::INFINITY)
            } else if let Some(f) = other.downcast::<crate::types::float::Float>() {
                f.value
            } else {
                return Err(vm.new_type_error(format!(
                    "'{}' object cannot be interpreted as an integer or float",
                    vm.type_name(other)
                )));
            }
        }
    };
    if s.is_nan() {
        return Err(vm.new_value_error("Invalid value NaN (not a number)"));
    }
    if s < 0.0 {
        return Err(vm.new_value_error("sleep length must be non-negative"));
    }
    if s > 9.2e9 {
        return Err(vm.new_overflow_error("sleep length is too large"));
    }
    if s > 0.0 {
        std::thread::sleep(std::time::Duration::from_secs_f64(s));
    }
    Ok(Value::None)
}

/// A timestamp argument rounded toward minus infinity (`_PyTime_ObjectToTime_t`).
fn timestamp(vm: &Vm, v: &Value) -> PyResult<i64> {
    let f = match v {
        Value::Float(f) => *f,
        other => {
            if let Some(f) = other.downcast::<crate::types::float::Float>() {
                f.value
            } else {
                return vm.index_value(other).map_err(|e| {
                    if e.matches(&vm.exc.overflow_error) {
                        vm.new_overflow_error("timestamp out of range for platform time_t")
                    } else {
                        e
                    }
                });
            }
        }
    };
    if f.is_nan() {
        return Err(vm.new_value_error("Invalid value NaN (not a number)"));
    }
    let fl = f.floor();
    if !(-9.2e18..9.2e18).contains(&fl) {
        return Err(vm.new_overflow_error("timestamp out of range for platform time_t"));
    }
    Ok(fl as i64)
}

fn opt_timestamp(vm: &Vm, args: Args<'_>, fname: &str) -> PyResult<i64> {
    let vals = args.range(vm, fname, 0, 1)?;
    match vals.first() {
        None | Some(Value::None) => Ok(clock(vm, ffi::CLOCK_REALTIME)?.0),
        Some(v) => timestamp(vm, v),
    }
}

/// Days since 1970-01-01 to (year, month 1-12, day) (Howard Hinnant's algorithm).
fn civil_from_days(z: i64) -> (i64, u32, u32) {
    let z = z + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365;
    let y = yoe + era * 400;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    (if m <= 2 { y + 1 } else { y }, m, d)
}

fn is_leap(y: i64) -> bool {
    (y % 4 == 0 && y % 100 != 0) || y % 400 == 0
}

/// `gmtime` in C terms.
fn gmtime_tm(t: i64) -> Tm {
    let days = t.div_euclid(86_400);
    let rem = t.rem_euclid(86_400);
    let (y, m, d) = civil_from_days(days);
    let cum = [0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334];
    let yday = cum[(m - 1) as usize] + d as i32 - 1 + i32::from(m > 2 && is_leap(y));
    Tm {
        year: y - 1900,
        mon: m as i32 - 1,
        mday: d as i32,
        hour: (rem / 3600) as i32,
        min: (rem % 3600 / 60) as i32,
        sec: (rem % 60) as i32,
        wday: (days + 4).rem_euclid(7) as i32,
        yday,
        isdst: 0,
        gmtoff: 0,
        zone: "GMT".to_string(),
    }
}

fn struct_time(vm: &Vm, tm: &Tm) -> PyResult<Value> {
    let ty = struct_time_type(vm)?;
    let items = vec![
        Value::Int(tm.year + 1900),
        Value::Int(i64::from(tm.mon) + 1),
        Value::Int(i64::from(tm.mday)),
        Value::Int(i64::from(tm.hour)),
        Value::Int(i64::from(tm.min)),
        Value::Int(i64::from(tm.sec)),
        Value::Int(i64::from((tm.wday + 6) % 7)),
        Value::Int(i64::from(tm.yday) + 1),
        Value::Int(i64::from(tm.isdst)),
    ];
    let extras = vec![vm.new_str(&tm.zone).into(), Value::Int(tm.gmtoff)];
    crate::stdlib::structseq::new_instance(vm, &ty, items, extras)
}

fn t_gmtime(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let t = opt_timestamp(vm, args, "gmtime")?;
    if !(-67_768_040_609_740_800..=67_768_036_191_676_799).contains(&t) {
        return Err(vm.new_overflow_error("timestamp out of range for platform time_t"));
    }
    struct_time(vm, &gmtime_tm(t))
}

fn localtime_tm(vm: &Vm, t: i64) -> PyResult<Tm> {
    ffi::localtime(t)
        .ok_or_else(|| vm.new_overflow_error("timestamp out of range for platform time_t"))
}

fn t_localtime(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let t = opt_timestamp(vm, args, "localtime")?;
    struct_time(vm, &localtime_tm(vm, t)?)
}

/// `gettmarg`: a struct_time or 9-tuple in C terms.
fn tm_arg(vm: &Vm, v: &Value, fname: &str) -> PyResult<Tm> {
    let Some(t) = v.downcast::<Tuple>() else {
        return Err(vm.new_type_error("Tuple or struct_time argument required"));
    };
    let items = t.as_slice();
    if items.len() != 9 {
        return Err(vm.new_type_error(format!("{fname}(): illegal time tuple argument")));
    }
    let mut n = [0i64; 9];
    for (slot, x) in n.iter_mut().zip(items) {
        if crate::types::float::is_float(x) {
            return Err(vm.new_type_error("'float' object cannot be interpreted as an integer"));
        }
        *slot = vm.index_value(x)?;
    }
    let int = |x: i64| -> PyResult<i32> {
        i32::try_from(x)
            .map_err(|_| vm.new_overflow_error("Python int too large to convert to C int"))
    };
    let mut tm = Tm {
        year: n[0] - 1900,
        mon: int(n[1])? - 1,
        mday: int(n[2])?,
        hour: int(n[3])?,
        min: int(n[4])?,
        sec: int(n[5])?,
        wday: (int(n[6])? + 1).rem_euclid(7),
        yday: int(n[7])? - 1,
        isdst: int(n[8])?,
        gmtoff: 0,
        zone: String::new(),
    };
    if v.class(vm).is(&struct_time_type(vm)?)
        && let Some(d) = vm.instance_dict(v)
    {
        if let Some(z) = d
            .get_rust_str("tm_zone")
            .and_then(|z| z.downcast::<Str>().cloned())
        {
            tm.zone = z.to_lossy().into_owned();
        }
        if let Some(Value::Int(g)) = d.get_rust_str("tm_gmtoff") {
            tm.gmtoff = g;
        }
    }
    Ok(tm)
}

/// `checktm` plus the corrections `strftime` makes.
fn check_tm(vm: &Vm, tm: &mut Tm) -> PyResult<()> {
    let fail = |m: &str| Err(vm.new_value_error(m.to_string()));
    if tm.mon == -1 {
        tm.mon = 0;
    } else if !(0..=11).contains(&tm.mon) {
        return fail("month out of range");
    }
    if tm.mday == 0 {
        tm.mday = 1;
    } else if !(0..=31).contains(&tm.mday) {
        return fail("day of month out of range");
    }
    if !(0..=23).contains(&tm.hour) {
        return fail("hour out of range");
    }
    if !(0..=59).contains(&tm.min) {
        return fail("minute out of range");
    }
    if !(0..=61).contains(&tm.sec) {
        return fail("seconds out of range");
    }
    if tm.wday < 0 {
        return fail("day of week out of range");
    }
    if tm.yday == -1 {
        tm.yday = 0;
    } else if !(0..=365).contains(&tm.yday) {
        return fail("day of year out of range");
    }
    Ok(())
}

fn t_strftime(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let vals = args.range(vm, "strftime", 1, 2)?;
    let Some(fmt) = vals[0].downcast::<Str>() else {
        return Err(vm.new_type_error(format!(
            "strftime() argument 1 must be str, not {}",
            vm.type_name(&vals[0])
        )));
    };
    let mut tm = match vals.get(1) {
        Some(t) => tm_arg(vm, t, "strftime")?,
        None => localtime_tm(vm, clock(vm, ffi::CLOCK_REALTIME)?.0)?,
    };
    check_tm(vm, &mut tm)?;
    tm.isdst = tm.isdst.clamp(-1, 1);
    let fmt_bytes = crate::stdlib::os::encode_fs(vm, fmt.as_bytes())?;
    let mut out = Vec::new();
    for (i, part) in fmt_bytes.split(|&c| c == 0).enumerate() {
        if i > 0 {
            out.push(0);
        }
        let r = ffi::strftime(part, &tm)
            .ok_or_else(|| vm.new_value_error("strftime format ends with raw %"))?;
        out.extend(r);
    }
    Ok(crate::stdlib::os::decode_fs(vm, &out)?.into())
}

fn asctime_text(tm: &Tm) -> String {
    format!(
        "{} {}{:>3} {:02}:{:02}:{:02} {}",
        DAYS[((tm.wday + 6) % 7) as usize],
        MONTHS[tm.mon.clamp(0, 11) as usize],
        tm.mday,
        tm.hour,
        tm.min,
        tm.sec,
        tm.year + 1900
    )
}

/// `time.strptime(string[, format])`: as in CPython, the Python-written `_strptime` module
/// does the work, called with the arguments as given.
fn t_strptime(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    if args.has_kwargs() {
        return Err(vm.new_type_error("strptime() takes no keyword arguments"));
    }
    let module = crate::exec::import::import_absolute(vm, "_strptime")?;
    let func = vm.getattr(&module, &vm.intern("_strptime_time"))?;
    vm.call_pos(&func, args.pos())
}

fn t_asctime(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let vals = args.range(vm, "asctime", 0, 1)?;
    let mut tm = match vals.first() {
        Some(t) => tm_arg(vm, t, "asctime")?,
        None => localtime_tm(vm, clock(vm, ffi::CLOCK_REALTIME)?.0)?,
    };
    check_tm(vm, &mut tm)?;
    Ok(vm.new_str(&asctime_text(&tm)).into())
}

fn t_ctime(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let t = opt_timestamp(vm, args, "ctime")?;
    let tm = localtime_tm(vm, t)?;
    Ok(vm.new_str(&asctime_text(&tm)).into())
}

fn t_mktime(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let v = args.one(vm, "mktime")?;
    let mut tm = tm_arg(vm, v, "mktime")?;
    tm.wday = -1;
    match ffi::mktime(&tm) {
        Some(t) => Ok(Value::Float(t as f64)),
        None => Err(vm.new_overflow_error("mktime argument out of range")),
    }
}

fn t_get_clock_info(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let name = args.one(vm, "get_clock_info")?;
    let name = name
        .downcast::<Str>()
        .map(|s| s.to_lossy().into_owned())
        .unwrap_or_default();
    let (imp, mono, adj) = match name.as_str() {
        "time" => ("clock_gettime(CLOCK_REALTIME)", false, true),
        "monotonic" | "perf_counter" => ("clock_gettime(CLOCK_MONOTONIC)", true, false),
        "process_time" => ("clock_gettime(CLOCK_PROCESS_CPUTIME_ID)", true, false),
        "thread_time" => ("clock_gettime(CLOCK_THREAD_CPUTIME_ID)", true, false),
        _ => return Err(vm.new_value_error("unknown clock")),
    };
    Ok(crate::stdlib::builtins::new_namespace(
        vm,
        &[
            ("implementation", vm.new_str(imp).into()),
            ("monotonic", Value::Bool(mono)),
            ("adjustable", Value::Bool(adj)),
            ("resolution", Value::Float(1e-9)),
        ],
    ))
}

fn t_clock_gettime(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let id = vm.index_value(args.one(vm, "clock_gettime")?)?;
    Ok(secs(clock(vm, id as libc::clockid_t)?))
}

fn t_clock_gettime_ns(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let id = vm.index_value(args.one(vm, "clock_gettime_ns")?)?;
    Ok(nanos(vm, clock(vm, id as libc::clockid_t)?))
}

/// Sets `timezone`, `altzone`, `daylight` and `tzname` as CPython's `init_timezone` does
/// (from the local time of January 1st and half a year later).
fn set_timezone(vm: &Vm, m: &Py<crate::types::module::Module>) {
    ffi::reset_timezone();
    const YEAR: i64 = (365 * 24 + 6) * 3600;
    let now = ffi::clock_gettime(ffi::CLOCK_REALTIME).map_or(0, |t| t.0);
    let t = (now / YEAR) * YEAR;
    let jan = ffi::localtime(t).unwrap_or_default();
    let jul = ffi::localtime(t + YEAR / 2).unwrap_or_default();
    let (janzone, julzone) = (-jan.gmtoff, -jul.gmtoff);
    let (tz, alt, names) = if janzone < julzone {
        (julzone, janzone, (jul.zone, jan.zone))
    } else {
        (janzone, julzone, (jan.zone, jul.zone))
    };
    let d = m.dict();
    d.set_str(&vm.intern("timezone"), Value::Int(tz));
    d.set_str(&vm.intern("altzone"), Value::Int(alt));
    d.set_str(
        &vm.intern("daylight"),
        Value::Int(i64::from(janzone != julzone)),
    );
    d.set_str(
        &vm.intern("tzname"),
        vm.new_tuple(vec![
            vm.new_str(&names.0).into(),
            vm.new_str(&names.1).into(),
        ])
        .into(),
    );
}

fn t_tzset(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    args.none(vm, "tzset")?;
    if let Some(m) = vm.modules.get_str(&vm.intern("time"))
        && let Some(m) = m.downcast::<crate::types::module::Module>()
    {
        set_timezone(vm, m);
    }
    Ok(Value::None)
}

fn init_module(vm: &Vm) -> PyResult<Py<crate::types::module::Module>> {
    let m = vm.new_module("time");
    for (name, f) in [
        ("time", t_time as crate::types::function::NativeFn),
        ("time_ns", t_time_ns),
        ("monotonic", t_monotonic),
        ("monotonic_ns", t_monotonic_ns),
        ("perf_counter", t_perf_counter),
        ("perf_counter_ns", t_perf_counter_ns),
        ("process_time", t_process_time),
        ("process_time_ns", t_process_time_ns),
        ("thread_time", t_thread_time),
        ("thread_time_ns", t_thread_time_ns),
        ("sleep", t_sleep),
        ("gmtime", t_gmtime),
        ("localtime", t_localtime),
        ("mktime", t_mktime),
        ("strftime", t_strftime),
        ("strptime", t_strptime),
        ("asctime", t_asctime),
        ("ctime", t_ctime),
        ("get_clock_info", t_get_clock_info),
        ("clock_gettime", t_clock_gettime),
        ("clock_gettime_ns", t_clock_gettime_ns),
        ("tzset", t_tzset),
    ] {
        vm.add_function(&m, name, f);
    }
    let d = m.dict();
    d.set_str(&vm.intern("struct_time"), struct_time_type(vm)?.into());
    for (k, v) in [
        ("CLOCK_REALTIME", libc::CLOCK_REALTIME),
        ("CLOCK_MONOTONIC", libc::CLOCK_MONOTONIC),
        ("CLOCK_MONOTONIC_RAW", libc::CLOCK_MONOTONIC_RAW),
        ("CLOCK_PROCESS_CPUTIME_ID", libc::CLOCK_PROCESS_CPUTIME_ID),
        ("CLOCK_THREAD_CPUTIME_ID", libc::CLOCK_THREAD_CPUTIME_ID),
        ("CLOCK_BOOTTIME", libc::CLOCK_BOOTTIME),
        ("CLOCK_TAI", libc::CLOCK_TAI),
    ] {
        d.set_str(&vm.intern(k), Value::Int(i64::from(v)));
    }
    set_timezone(vm, &m);
    Ok(m)
}

/// Registers `time`.
pub(crate) fn register(vm: &Vm) {
    vm.register_native_module("time", init_module);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn gmtime_matches_known_dates() {
        let t = gmtime_tm(0);
        assert_eq!((t.year, t.mon, t.mday, t.wday, t.yday), (70, 0, 1, 4, 0));
        let t = gmtime_tm(1_700_000_000);
        assert_eq!(
            (t.year + 1900, t.mon + 1, t.mday, t.hour, t.min, t.sec),
            (2023, 11, 14, 22, 13, 20)
        );
        assert_eq!((t.wday, t.yday + 1), (2, 318));
        let t = gmtime_tm(-2);
        assert_eq!(
            (t.year + 1900, t.mon + 1, t.mday, t.hour, t.sec),
            (1969, 12, 31, 23, 58)
        );
        let t = gmtime_tm(951_782_400);
        assert_eq!(
            (t.year + 1900, t.mon + 1, t.mday, t.yday + 1),
            (2000, 2, 29, 60)
        );
    }

    #[test]
    fn asctime_pads_the_day() {
        let t = gmtime_tm(0);
        assert_eq!(asctime_text(&t), "Thu Jan  1 00:00:00 1970");
    }
}
