#!/opt/cpython314/bin/python3.14
"""Records CPython 3.14's codegen output and final code objects, so that rpy's flow-graph
passes and assembler can be tested against CPython without rpy's own codegen.

For each source, `_testinternalcapi.compiler_codegen` gives the instruction sequence of the
module unit (pseudo-instructions, jump opargs as instruction indexes) and, through
`get_nested()`, the sequences of the nested units; `compile()` gives the code objects CPython
built from them. One JSON object per code unit is written to
vm/tests/data/backend_units.jsonl:

  id, origin                 stable id and where the unit comes from (file or snippet)
  name, qualname, firstlineno, flags, argcount, posonlyargcount, kwonlyargcount
  consts                     the unit's constants before the CFG passes (u_consts)
  consts_exact               true when `consts` is CPython's own metadata (module units);
                             false when reconstructed from the final co_consts (nested units:
                             compiler_codegen does not expose their metadata; see below)
  names, varnames, cellvars, freevars, fasthidden
  instrs                     [opcode, oparg, lineno, end_lineno, col, end_col] per instruction
  optimized                  module units only: `_testinternalcapi.optimize_cfg` output (the
                             CFG passes, stack depth and LOAD_FAST_BORROW, before assembly)
  expect                     the code object: code, exceptiontable, linetable (hex), consts,
                             names, localsplusnames, localspluskinds (hex), stacksize, flags

Constants are tagged JSON: ["None"], ["Ellipsis"], ["bool", b], ["int", "decimal"],
["float", "hex of the IEEE bits"], ["complex", real_bits, imag_bits], ["str", text],
["wtf8", hex] (strings with lone surrogates), ["bytes", hex], ["tuple", [...]],
["frozenset", [...]] (iteration order, under PYTHONHASHSEED=0), ["slice", [start, stop, step]], ["code", qualname].

Nested units: their pre-optimization constants are rebuilt as the first n final constants,
n = 1 + the largest LOAD_CONST oparg in the sequence. That is exact when no constant was
folded away (remove_unused_consts keeps the order of the survivors, new constants go at the
end). A unit is kept only when CPython's own optimize_cfg, run on its sequence with the
rebuilt constants, loads the same values in the same order as the real code object. Cell variables are
CPython's u_cellvars order: sorted names, then __class__, __classdict__ and
__conditional_annotations__. Units whose annotations code lives outside the sequence
(ANNOTATIONS_PLACEHOLDER with module-level annotations) are skipped.

Usage: backend_fixtures.py [--check]   (deterministic; --check compares with the committed file)
"""

import ast
import hashlib
import json
import os
import struct
import subprocess
import sys
import types
import warnings

import _testinternalcapi

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUT = os.path.join(ROOT, "vm", "tests", "data", "backend_units.jsonl")
LIB = os.path.dirname(os.__file__)

# sys.executable is the bare binary behind the /opt/cpython314 wrapper script, which cannot
# start on its own; children are started through the wrapper.
PYTHON = os.environ.get("CPYTHON", "/opt/cpython314/bin/python3.14")

ANNOTATIONS_PLACEHOLDER = 256
LOAD_CONST = 82
LOAD_SMALL_INT = 94
EXTENDED_ARG = 69
SPECIAL_CELLS = ["__class__", "__classdict__", "__conditional_annotations__"]
CO_FAST_HIDDEN = 0x10

# Every STRIDE-th file of the sorted standard library (Lib/test included) contributes its
# module unit and up to NESTED_PER_FILE nested units.
STRIDE = 12
NESTED_PER_FILE = 6
MAX_FILE_BYTES = 120_000


def fbits(x):
    return struct.pack(">d", x).hex()


def enc_const(c):
    if c is None:
        return ["None"]
    if c is Ellipsis:
        return ["Ellipsis"]
    if isinstance(c, bool):
        return ["bool", c]
    if isinstance(c, int):
        return ["int", str(c)]
    if isinstance(c, float):
        return ["float", fbits(c)]
    if isinstance(c, complex):
        return ["complex", fbits(c.real), fbits(c.imag)]
    if isinstance(c, str):
        try:
            c.encode("utf-8")
            return ["str", c]
        except UnicodeEncodeError:
            return ["wtf8", c.encode("utf-8", "surrogatepass").hex()]
    if isinstance(c, bytes):
        return ["bytes", c.hex()]
    if isinstance(c, tuple):
        return ["tuple", [enc_const(x) for x in c]]
    if isinstance(c, frozenset):
        return ["frozenset", [enc_const(x) for x in c]]
    if isinstance(c, slice):
        return ["slice", [enc_const(c.start), enc_const(c.stop), enc_const(c.step)]]
    if isinstance(c, types.CodeType):
        return ["code", c.co_qualname]
    raise TypeError(f"unexpected constant {c!r}")


def instr_rows(seq):
    rows = []
    for op, arg, l, el, c, ec in seq.get_instructions():
        rows.append([op, 0 if arg is None else arg, l, el, c, ec])
    return rows


def cellvars_in_unit_order(co):
    cells = list(co.co_cellvars)
    special = [n for n in SPECIAL_CELLS if n in cells]
    return sorted(n for n in cells if n not in SPECIAL_CELLS) + special


def hidden_names(co):
    return [n for n, k in _testinternalcapi.get_co_localskinds(co).items() if k & CO_FAST_HIDDEN]


def _localsplusnames(co):
    return list(_testinternalcapi.get_co_localskinds(co))


def _localspluskinds(co):
    return list(_testinternalcapi.get_co_localskinds(co).values())


def unit_record(uid, origin, seq, co, consts, consts_exact):
    rec = {
        "id": uid,
        "origin": origin,
        "name": co.co_name,
        "qualname": co.co_qualname,
        "firstlineno": co.co_firstlineno,
        "flags": co.co_flags,
        "argcount": co.co_argcount,
        "posonlyargcount": co.co_posonlyargcount,
        "kwonlyargcount": co.co_kwonlyargcount,
        "consts": [enc_const(c) for c in consts],
        "consts_exact": consts_exact,
        "names": list(co.co_names),
        "varnames": list(co.co_varnames),
        "cellvars": cellvars_in_unit_order(co),
        "freevars": list(co.co_freevars),
        "fasthidden": hidden_names(co),
        "instrs": instr_rows(seq),
    }
    return rec


def expect_record(co):
    return {
        "code": co.co_code.hex(),
        "exceptiontable": co.co_exceptiontable.hex(),
        "linetable": co.co_linetable.hex(),
        "consts": [enc_const(c) for c in co.co_consts],
        "names": list(co.co_names),
        "localsplusnames": _localsplusnames(co),
        "localspluskinds": bytes(_localspluskinds(co)).hex(),
        "stacksize": co.co_stacksize,
        "flags": co.co_flags,
    }


def has_outside_annotations(seq, consts):
    ops = [row[0] for row in seq.get_instructions()]
    if ANNOTATIONS_PLACEHOLDER not in ops:
        return False
    return any(isinstance(c, types.CodeType) and c.co_name == "__annotate__" for c in consts)


def optimized_in_child(src, filename, nlocals):
    # optimize_cfg corrupts the heap of the process that calls it now and then (a crash
    # much later, in unrelated code), so each call runs in a fresh interpreter.
    child = subprocess.run(
        [PYTHON, os.path.abspath(__file__), "--optimize-cfg", filename, str(nlocals)],
        input=src.encode("utf-8", "surrogatepass"), capture_output=True)
    if child.returncode:
        sys.exit(f"optimize_cfg child failed on {filename}: {child.stderr.decode()}")
    return json.loads(child.stdout)


def optimize_cfg_child(filename, nlocals):
    src = sys.stdin.buffer.read().decode("utf-8", "surrogatepass")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        seq, meta = _testinternalcapi.compiler_codegen(ast.parse(src, filename), filename, 0, 0)
    out = _testinternalcapi.optimize_cfg(seq, list(meta["consts"]), nlocals)
    sys.stdout.write(json.dumps(instr_rows(out)))


def records_for_source(origin, src, max_nested):
    """Records for the module unit and up to max_nested nested units of `src`."""
    filename = origin
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        try:
            tree = ast.parse(src, filename)
            co = compile(src, filename, "exec", dont_inherit=True)
            seq, meta = _testinternalcapi.compiler_codegen(tree, filename, 0, 0)
        except (SyntaxError, ValueError, RecursionError, MemoryError):
            return []
    key = hashlib.sha1(src.encode("utf-8", "surrogatepass")).hexdigest()[:10]
    out = []
    consts = meta["consts"]
    if not has_outside_annotations(seq, consts):
        rec = unit_record(f"{key}:0", origin, seq, co, consts, True)
        rec["optimized"] = optimized_in_child(src, filename, len(co.co_varnames))
        rec["expect"] = expect_record(co)
        out.append(rec)

    candidates = []
    for counter, child_seq, child_co in nested_units(seq, consts):
        if len(candidates) >= max_nested:
            break
        rows = instr_rows(child_seq)
        loads = [r[1] for r in rows if r[0] == LOAD_CONST]
        n = max(loads) + 1 if loads else 1
        final = child_co.co_consts
        if n <= len(final) and not has_outside_annotations(child_seq, final):
            candidates.append((counter, n, child_seq, child_co))
    valid = validate_in_child(src, filename, [(c, n) for c, n, _, _ in candidates])
    for counter, n, child_seq, child_co in candidates:
        if not valid.get(counter):
            continue
        rec = unit_record(f"{key}:{counter}", origin, child_seq, child_co,
                          child_co.co_consts[:n], False)
        rec["expect"] = expect_record(child_co)
        out.append(rec)
    return out


def nested_units(seq, consts):
    """(counter, sequence, code object) for the nested units, depth first: each parent's
    nested sequences paired in order with the code constants it loads."""
    counter = 0
    stack = [(seq, consts)]
    out = []

    def walk(parent_seq, parent_consts):
        nonlocal counter
        codes = [c for c in parent_consts if isinstance(c, types.CodeType)]
        nested = parent_seq.get_nested()
        if len(codes) != len(nested):
            return
        for child_seq, child_co in zip(nested, codes):
            counter += 1
            out.append((counter, child_seq, child_co))
            walk(child_seq, child_co.co_consts)

    walk(*stack[0])
    return out


def final_loads(co):
    """The constants the code object's LOAD_CONST / LOAD_SMALL_INT instructions load."""
    loads, ext = [], 0
    code = co.co_code
    for i in range(0, len(code), 2):
        op, arg = code[i], code[i + 1] | ext
        ext = (arg << 8) if op == EXTENDED_ARG else 0
        if op == LOAD_CONST:
            loads.append(enc_const(co.co_consts[arg]))
        elif op == LOAD_SMALL_INT:
            loads.append(enc_const(arg))
    return loads


def validate_in_child(src, filename, units):
    """Checks reconstructed constants: CPython's own optimize_cfg run on a nested unit's
    sequence with them must load the same values, in the same order, as the real code
    object. Runs in a child process (see optimized_in_child); on a crash, one per unit."""
    if not units:
        return {}
    payload = json.dumps({"src": src, "units": units}).encode()
    child = subprocess.run([PYTHON, os.path.abspath(__file__), "--validate", filename],
                           input=payload, capture_output=True)
    if child.returncode == 0:
        return {int(k): v for k, v in json.loads(child.stdout).items()}
    if len(units) == 1:
        return {}
    result = {}
    for unit in units:
        result.update(validate_in_child(src, filename, [unit]))
    return result


def validate_child(filename):
    req = json.loads(sys.stdin.buffer.read())
    src = req["src"]
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        seq, meta = _testinternalcapi.compiler_codegen(ast.parse(src, filename), filename, 0, 0)
    wanted = dict(req["units"])
    result = {}
    for counter, child_seq, child_co in nested_units(seq, meta["consts"]):
        if counter not in wanted:
            continue
        consts = list(child_co.co_consts[:wanted[counter]])
        out = _testinternalcapi.optimize_cfg(child_seq, consts, len(child_co.co_varnames))
        loads = []
        for op, arg, *_ in out.get_instructions():
            if op == LOAD_CONST:
                loads.append(enc_const(consts[arg]))
            elif op == LOAD_SMALL_INT:
                loads.append(enc_const(arg))
        result[counter] = loads == final_loads(child_co)
    sys.stdout.write(json.dumps(result))


def stdlib_sources():
    files = []
    for dirpath, dirnames, filenames in os.walk(LIB):
        dirnames[:] = sorted(d for d in dirnames if d not in ("site-packages", "__pycache__"))
        for f in sorted(filenames):
            if f.endswith(".py"):
                files.append(os.path.join(dirpath, f))
    files.sort()
    for path in files[::STRIDE]:
        if os.path.getsize(path) > MAX_FILE_BYTES:
            continue
        try:
            with open(path, "rb") as fh:
                src = fh.read().decode("utf-8")
        except UnicodeDecodeError:
            continue
        yield os.path.relpath(path, LIB), src


def main():
    # Frozenset constants iterate in string-hash order: record them as CPython orders them
    # with hash randomization off, which is the order rpy reproduces.
    if os.environ.get("PYTHONHASHSEED") != "0":
        env = dict(os.environ, PYTHONHASHSEED="0")
        os.execve(PYTHON, [PYTHON, os.path.abspath(__file__), *sys.argv[1:]], env)
    if sys.argv[1:2] == ["--validate"]:
        validate_child(sys.argv[2])
        return
    if sys.argv[1:2] == ["--optimize-cfg"]:
        optimize_cfg_child(sys.argv[2], int(sys.argv[3]))
        return
    sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
    import backend_snippets

    records = []
    for name, src in backend_snippets.SNIPPETS:
        records += records_for_source(f"snippet:{name}", src, 50)
    for origin, src in stdlib_sources():
        records += records_for_source(origin, src, NESTED_PER_FILE)
    text = "".join(json.dumps(r, ensure_ascii=False, separators=(",", ":")) + "\n"
                   for r in records)
    if "--check" in sys.argv:
        with open(OUT, encoding="utf-8") as fh:
            if fh.read() != text:
                sys.exit("backend_units.jsonl differs from what CPython produces now")
        print("up to date")
        return
    with open(OUT, "w", encoding="utf-8") as fh:
        fh.write(text)
    print(f"{len(records)} units, {len(text)} bytes -> {os.path.relpath(OUT, ROOT)}")


if __name__ == "__main__":
    main()
