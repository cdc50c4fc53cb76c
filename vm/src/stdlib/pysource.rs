//! Standard-library modules written in Python (our own source under `vm/lib/`), embedded
//! in the binary so that rpy needs no files beside itself. The import system looks here
//! after the native modules and before `sys.path`, like CPython's frozen modules; importing
//! one compiles it with rpy's own compiler.

/// One embedded module: its dotted name, its source, and whether it is a package.
struct PySource {
    name: &'static str,
    source: &'static str,
    package: bool,
}

macro_rules! py_sources {
    ($($name:literal => $file:literal $(, $pkg:ident)?;)*) => {
        const SOURCES: &[PySource] = &[
            $(PySource {
                name: $name,
                source: include_str!(concat!("../../lib/", $file)),
                package: py_sources!(@pkg $($pkg)?),
            },)*
        ];
    };
    (@pkg) => { false };
    (@pkg package) => { true };
}

py_sources! {
    "__future__" => "__future__.py";
    "abc" => "abc.py";
    "argparse" => "argparse.py";
    "_frozen_importlib" => "_frozen_importlib.py";
    "_sitebuiltins" => "_sitebuiltins.py";
    "_strptime" => "_strptime.py";
    "_collections_abc" => "_collections_abc.py";
    "collections" => "collections/__init__.py", package;
    "collections.abc" => "collections/abc.py";
    "collections._user" => "collections/_user.py";
    "contextlib" => "contextlib.py";
    "copy" => "copy.py";
    "copyreg" => "copyreg.py";
    "dataclasses" => "dataclasses.py";
    "datetime" => "datetime.py";
    "enum" => "enum.py";
    "fnmatch" => "fnmatch.py";
    "fractions" => "fractions.py";
    "functools" => "functools.py";
    "getopt" => "getopt.py";
    "glob" => "glob.py";
    "heapq" => "heapq.py";
    "base64" => "base64.py";
    "numbers" => "numbers.py";
    "pathlib" => "pathlib.py";
    "pprint" => "pprint.py";
    "random" => "random.py";
    "re" => "re.py";
    "shlex" => "shlex.py";
    "stat" => "stat.py";
    "string" => "string.py";
    "types" => "types.py";
    "textwrap" => "textwrap.py";
    "tracemalloc" => "tracemalloc.py";
    "typing" => "typing.py";
    "keyword" => "keyword.py";
    "linecache" => "linecache.py";
    "logging" => "logging/__init__.py", package;
    "traceback" => "traceback.py";
    "warnings" => "warnings.py";
    "weakref" => "weakref.py";
}

/// The source of embedded module `name` and whether it is a package.
pub fn find(name: &str) -> Option<(&'static str, bool)> {
    SOURCES
        .iter()
        .find(|s| s.name == name)
        .map(|s| (s.source, s.package))
}

/// The file name tracebacks show for embedded module `name` (CPython's frozen-module form).
pub fn filename(name: &str) -> String {
    format!("<frozen {name}>")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_embedded_module_parses() {
        for s in SOURCES {
            let arena = arena::Arena::new();
            let parsed =
                crate::parse::parse_bytes(&arena, s.source.as_bytes(), crate::parse::Mode::Exec);
            assert!(parsed.is_ok(), "{} does not parse", s.name);
        }
    }

    #[test]
    fn packages_precede_their_submodules() {
        for s in SOURCES {
            if let Some((parent, _)) = s.name.rsplit_once('.') {
                assert!(
                    find(parent).is_some_and(|(_, pkg)| pkg),
                    "{}: parent is not an embedded package",
                    s.name
                );
            }
        }
    }
}
