//! The one list of rpy's benchmarks, shared by the criterion (wall clock) and iai-callgrind
//! (instruction count) suites and by the `make bench` gate.
//!
//! The list is a macro so that iai-callgrind's attribute macros, which need literal
//! arguments, can be generated from it (`benches/instructions.rs`) while the library builds
//! [`BENCHMARKS`] from the same tokens: adding a line here adds the benchmark everywhere.
//! A benchmark's position in the list is its iai-callgrind id (`all_<index>`), so append
//! new entries and re-record the baseline (`make bench-baseline`) when reordering.

/// Calls the macro `$callback` with every benchmark definition, `"id" => Stage(Input("arg",
/// ...))`.
///
/// Front-end inputs are committed files (never CPython's installed stdlib, which CI lacks).
/// pyperformance workloads run in check mode with the size options given here (small, so
/// that a run under callgrind takes seconds); the ones with no size option run once at
/// pyperformance's own size, which takes seconds natively: those are `RunLong`, measured by
/// the wall-clock suite only.
#[macro_export]
macro_rules! for_each_benchmark {
    ($callback:ident) => {
        $callback! {
            "tokenize/nbody" => Tokenize(Repo("examples/nbody.py")),
            "parse/nbody" => Parse(Repo("examples/nbody.py")),
            "compile/nbody" => Compile(Repo("examples/nbody.py")),
            "tokenize/operator" => Tokenize(Repo("vm/tests/golden/dis/stdlib/operator.py")),
            "parse/operator" => Parse(Repo("vm/tests/golden/dis/stdlib/operator.py")),
            "compile/operator" => Compile(Repo("vm/tests/golden/dis/stdlib/operator.py")),
            "tokenize/graphlib" => Tokenize(Repo("vm/tests/golden/dis/stdlib/graphlib.py")),
            "parse/graphlib" => Parse(Repo("vm/tests/golden/dis/stdlib/graphlib.py")),
            "compile/graphlib" => Compile(Repo("vm/tests/golden/dis/stdlib/graphlib.py")),
            "tokenize/pyrepl_utils" => Tokenize(Repo("vm/tests/golden/dis/stdlib/_pyrepl.utils.py")),
            "parse/pyrepl_utils" => Parse(Repo("vm/tests/golden/dis/stdlib/_pyrepl.utils.py")),
            "compile/pyrepl_utils" => Compile(Repo("vm/tests/golden/dis/stdlib/_pyrepl.utils.py")),
            "tokenize/type_aliases" => Tokenize(Repo("vm/tests/golden/dis/stdlib/test.test_type_aliases.py")),
            "parse/type_aliases" => Parse(Repo("vm/tests/golden/dis/stdlib/test.test_type_aliases.py")),
            "compile/type_aliases" => Compile(Repo("vm/tests/golden/dis/stdlib/test.test_type_aliases.py")),
            "run/kernel/int_loop" => Run(Kernel("int_loop")),
            "run/kernel/float_loop" => Run(Kernel("float_loop")),
            "run/kernel/attr_read" => Run(Kernel("attr_read")),
            "run/kernel/method_call" => Run(Kernel("method_call")),
            "run/kernel/function_call" => Run(Kernel("function_call")),
            "run/kernel/dict_list" => Run(Kernel("dict_list")),
            "run/kernel/generator" => Run(Kernel("generator")),
            "run/kernel/string_build" => Run(Kernel("string_build")),
            "run/pyperformance/nbody" => Run(Pyperformance("nbody", "--iterations 400")),
            "run/pyperformance/fannkuch" => RunLong(Pyperformance("fannkuch", "")),
            "run/pyperformance/spectral_norm" => RunLong(Pyperformance("spectral_norm", "")),
            "run/pyperformance/richards" => RunLong(Pyperformance("richards", "")),
            "run/pyperformance/richards_super" => RunLong(Pyperformance("richards_super", "")),
            "run/pyperformance/nqueens" => RunLong(Pyperformance("nqueens", "")),
            "run/pyperformance/float" => RunLong(Pyperformance("float", "")),
            "run/pyperformance/chaos" => Run(Pyperformance("chaos", "--iterations 100 --width 16 --height 16")),
            "run/pyperformance/go" => RunLong(Pyperformance("go", "")),
            "run/pyperformance/deltablue" => Run(Pyperformance("deltablue", "")),
            "run/pyperformance/coroutines" => RunLong(Pyperformance("coroutines", "")),
            "run/pyperformance/generators" => RunLong(Pyperformance("generators", "")),
            "run/pyperformance/hexiom" => Run(Pyperformance("hexiom", "--level 2")),
            "run/pyperformance/unpack_sequence" => Run(Pyperformance("unpack_sequence", "")),
            "run/pyperformance/pidigits" => Run(Pyperformance("pidigits", "--digits 400")),
            "run/pyperformance/meteor_contest" => RunLong(Pyperformance("meteor_contest", "")),
            "run/pyperformance/raytrace" => Run(Pyperformance("raytrace", "--width 16 --height 16")),
            "run/pyperformance/scimark" => RunLong(Pyperformance("scimark", "")),
            "run/pyperformance/barnes_hut" => RunLong(Pyperformance("barnes_hut", "")),
            "run/pyperformance/async_generators" => RunLong(Pyperformance("async_generators", "")),
        }
    };
}

/// What a benchmark measures.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Stage {
    /// The tokenizer over decoded source text.
    Tokenize,
    /// Decoding, tokenizing and parsing into the arena AST (`ast.parse`).
    Parse,
    /// Parsing plus compiling to code objects (CPython's `compile()`).
    Compile,
    /// Running the program to completion in the VM (`python3.14 FILE`).
    Run,
    /// As `Run`, for programs too long to run under callgrind (seconds natively, several
    /// minutes under valgrind): the wall-clock suite measures them, the instruction-count
    /// suite reports them as skipped.
    RunLong,
}

impl Stage {
    /// Whether the stage runs a program in the VM.
    pub fn runs_program(self) -> bool {
        matches!(self, Stage::Run | Stage::RunLong)
    }
}

/// Where a benchmark's Python source comes from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Input {
    /// A committed file, by its path from the workspace root.
    Repo(&'static str),
    /// A micro kernel, `benches/kernels/NAME.py`, with CPython's output in `NAME.out`.
    Kernel(&'static str),
    /// A pyperformance workload, `bm_NAME/run_benchmark.py` in the cache `make
    /// pyperformance-fetch` fills, and its size options (space-separated); run through
    /// `pyperformance/launch.py --check` with CPython's results in `benches/expected/NAME.json`.
    Pyperformance(&'static str, &'static str),
}

/// One benchmark definition.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Benchmark {
    /// Stable name, `stage/input`; the key in baselines and reports.
    pub id: &'static str,
    /// What is measured.
    pub stage: Stage,
    /// The source it is measured on.
    pub input: Input,
}

macro_rules! catalog_array {
    ($($id:literal => $stage:ident($kind:ident($($arg:literal),+))),* $(,)?) => {
        /// Every benchmark, in iai-callgrind id order.
        pub const BENCHMARKS: &[Benchmark] = &[
            $(Benchmark { id: $id, stage: Stage::$stage, input: Input::$kind($($arg),+) }),*
        ];
    };
}

for_each_benchmark!(catalog_array);

/// The benchmark called `id`.
pub fn find(id: &str) -> Option<&'static Benchmark> {
    BENCHMARKS.iter().find(|b| b.id == id)
}

/// The benchmark iai-callgrind reports as `all_<index>` (see `benches/instructions.rs`).
pub fn by_iai_id(iai_id: &str) -> Option<&'static Benchmark> {
    let index: usize = iai_id.strip_prefix("all_")?.parse().ok()?;
    BENCHMARKS.get(index)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_unique_and_name_their_stage() {
        let mut seen = std::collections::HashSet::new();
        for b in BENCHMARKS {
            assert!(seen.insert(b.id), "duplicate benchmark id {}", b.id);
            let prefix = match b.stage {
                Stage::Tokenize => "tokenize/",
                Stage::Parse => "parse/",
                Stage::Compile => "compile/",
                Stage::Run | Stage::RunLong => "run/",
            };
            assert!(
                b.id.starts_with(prefix),
                "{} is not named for its stage",
                b.id
            );
        }
    }

    #[test]
    fn iai_ids_follow_list_order() {
        assert_eq!(by_iai_id("all_0").map(|b| b.id), Some("tokenize/nbody"));
        let last = BENCHMARKS.len() - 1;
        assert_eq!(
            by_iai_id(&format!("all_{last}")).map(|b| b.id),
            BENCHMARKS.last().map(|b| b.id)
        );
        assert_eq!(by_iai_id(&format!("all_{}", last + 1)), None);
        assert_eq!(by_iai_id("bench_0"), None);
    }

    #[test]
    fn the_issue_kernels_and_compute_workloads_are_listed() {
        let kernels = [
            "int_loop",
            "float_loop",
            "attr_read",
            "method_call",
            "function_call",
            "dict_list",
            "generator",
            "string_build",
        ];
        for k in kernels {
            assert!(
                find(&format!("run/kernel/{k}")).is_some(),
                "kernel {k} missing"
            );
        }
        let pyperf = BENCHMARKS
            .iter()
            .filter(|b| matches!(b.input, Input::Pyperformance(..)))
            .count();
        assert_eq!(pyperf, 20, "the compute set of issue 5 has 20 workloads");
    }
}
