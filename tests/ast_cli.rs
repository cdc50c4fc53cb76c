//! `rpy ast` end to end: output streams, exit statuses and options, against CPython 3.14's
//! output committed under vm/tests/golden/.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn rpy_ast(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_rpy"))
        .arg("ast")
        .args(args)
        .output()
        .expect("run rpy")
}

fn golden(rel: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("vm/tests/golden")
        .join(rel)
}

/// Writes `source` to a scratch file named `name` and returns its absolute path.
fn scratch(name: &str, source: &[u8]) -> String {
    let path = Path::new(env!("CARGO_TARGET_TMPDIR")).join(name);
    std::fs::write(&path, source).unwrap();
    path.to_str().unwrap().to_owned()
}

fn text(bytes: &[u8]) -> &str {
    std::str::from_utf8(bytes).expect("UTF-8 output")
}

#[test]
fn dumps_go_to_stdout_with_a_newline() {
    let file = golden("ast/test__test_json__test_encode_basestring_ascii.py");
    let name = file.file_stem().unwrap().to_str().unwrap().to_owned();
    let path = file.to_str().unwrap();
    let out = rpy_ast(&[path]);
    assert_eq!(out.status.code(), Some(0), "stderr: {}", text(&out.stderr));
    let expected = std::fs::read_to_string(golden(&format!("ast/{name}.dump"))).unwrap();
    assert_eq!(text(&out.stdout), expected);
    let out = rpy_ast(&["--include-attributes", path]);
    let expected = std::fs::read_to_string(golden(&format!("ast/{name}.attrs"))).unwrap();
    assert_eq!(text(&out.stdout), expected);
}

#[test]
fn indent_option() {
    // print(ast.dump(ast.parse('x = 1'), indent=2)) and indent=0 in CPython 3.14.
    let path = scratch("indent.py", b"x = 1\n");
    let out = rpy_ast(&["--indent", "2", &path]);
    assert_eq!(
        text(&out.stdout),
        "Module(\n  body=[\n    Assign(\n      targets=[\n        Name(id='x', ctx=Store())],\n      \
         value=Constant(value=1))])\n"
    );
    let out = rpy_ast(&["--indent", "0", &path]);
    assert_eq!(
        text(&out.stdout),
        "Module(\nbody=[\nAssign(\ntargets=[\nName(id='x', ctx=Store())],\nvalue=Constant(value=1))])\n"
    );
}

#[test]
fn syntax_errors_print_python_reports() {
    // Reports python3.14 FILE printed, with FILE at /golden/NAME.py.
    for name in [
        "typo_while",
        "unexpected_indent",
        "tab_error",
        "deep_unary",
        "null_byte_line3",
        "never_closed",
    ] {
        let source = std::fs::read(golden(&format!("errors/{name}.py"))).unwrap();
        let path = scratch(&format!("{name}.py"), &source);
        let case = std::fs::read_to_string(golden(&format!("errors/{name}.json"))).unwrap();
        let case: serde_json::Value = serde_json::from_str(&case).unwrap();
        let expected = case["stderr"]
            .as_str()
            .unwrap()
            .replace(&format!("/golden/{name}.py"), &path);
        let out = rpy_ast(&[&path]);
        assert_eq!(out.status.code(), Some(1), "{name}");
        assert!(out.stdout.is_empty(), "{name}: nothing on stdout");
        assert_eq!(text(&out.stderr), expected, "{name}");
    }
}

#[test]
fn dump_failures_end_like_cpython_tracebacks() {
    // '-' * 993 + '1' is too deep for ast.dump; 0x + 'f' * 3600 too long for repr.
    let deep = scratch("deep.py", format!("{}1\n", "-".repeat(993)).as_bytes());
    let out = rpy_ast(&[&deep]);
    assert_eq!(out.status.code(), Some(1));
    assert!(out.stdout.is_empty());
    assert_eq!(
        text(&out.stderr),
        "RecursionError: maximum recursion depth exceeded\n"
    );
    let big = scratch("big.py", format!("x = 0x{}\n", "f".repeat(3600)).as_bytes());
    let out = rpy_ast(&[&big]);
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(
        text(&out.stderr),
        "ValueError: Exceeds the limit (4300 digits) for integer string conversion; use \
         sys.set_int_max_str_digits() to increase the limit\n"
    );
}

#[test]
fn warnings_and_missing_files() {
    // python3.14 -c "print(ast.dump(ast.parse(src)))" writes this warning to stderr.
    let path = scratch("warn.py", b"x = '\\d'\n");
    let out = rpy_ast(&[&path]);
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(
        text(&out.stderr),
        "<unknown>:1: SyntaxWarning: \"\\d\" is an invalid escape sequence. Such sequences will \
         not work in the future. Did you mean \"\\\\d\"? A raw string is also an option.\n"
    );
    let out = rpy_ast(&["/nonexistent/x.py"]);
    assert_eq!(out.status.code(), Some(2));
}
