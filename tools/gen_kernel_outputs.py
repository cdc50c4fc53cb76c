"""Record CPython 3.14's output of each benchmark micro kernel (benches/kernels/NAME.out).

    python3.14 tools/gen_kernel_outputs.py [--check]

The bench harness compares rpy's output of a kernel with this file once before measuring it,
so a VM that got faster by computing something else is an error, not a speed-up. Run it with
CPython 3.14 (the interpreter running this script); --check only verifies the files.
"""

import contextlib
import io
import pathlib
import sys

KERNELS = pathlib.Path(__file__).resolve().parent.parent / "benches" / "kernels"


def run(script):
    """What `python3.14 SCRIPT` prints (run in a fresh __main__ namespace, in process)."""
    code = compile(script.read_bytes(), str(script), "exec")
    buffer = io.StringIO()
    with contextlib.redirect_stdout(buffer):
        exec(code, {"__name__": "__main__", "__file__": str(script)})
    return buffer.getvalue()


def main(argv):
    check = "--check" in argv
    if sys.version_info[:2] != (3, 14):
        sys.exit("run this script with CPython 3.14")
    stale = []
    for script in sorted(KERNELS.glob("*.py")):
        out = run(script)
        expected = script.with_suffix(".out")
        if check:
            if not expected.exists() or expected.read_text() != out:
                stale.append(expected.name)
        else:
            expected.write_text(out)
    if stale:
        sys.exit("stale: " + ", ".join(stale))


if __name__ == "__main__":
    main(sys.argv[1:])
