#!/usr/bin/env python3.14
"""Print CPython 3.14's code objects for a Python file as JSON: what `rpy dis --json FILE`
prints for rpy's, so that the two can be compared field by field.

Usage: python3.14 tools/dis_json.py [--extended] FILE

The output is a JSON array with one object per code object, depth-first: the module, then
each code constant in co_consts order, recursively. Keys: qualname, firstlineno, co_code,
co_exceptiontable, co_linetable (lowercase hex), co_consts (Python reprs; a code constant
is written "<code QUALNAME>"; ints in full), co_names, co_localsplusnames, co_flags,
co_stacksize, co_argcount, co_posonlyargcount, co_kwonlyargcount.

--extended adds what is needed to rebuild the code objects elsewhere (the disassembler's
tests do): name, filename, co_localspluskinds (hex) and consts_typed, the constants as typed
JSON:
  {"t": "none"} {"t": "ellipsis"} {"t": "bool", "v": true} {"t": "int", "v": "-12"}
  {"t": "float", "bits": "<16 hex digits of the IEEE double>"}
  {"t": "complex", "real": "<bits>", "imag": "<bits>"}
  {"t": "str", "v": "text"} or, with lone surrogates, {"t": "str", "wtf8": "<hex>"}
  {"t": "bytes", "hex": "..."} {"t": "tuple" | "frozenset" | "slice", "items": [...]}
  {"t": "code", "index": <position of that code object in the array>}
The compile is done exactly as `python3.14 -m dis FILE` does it: compile(bytes, FILE, "exec").

The order of a frozenset constant's items is CPython's set iteration order, which for str
items depends on the hash seed: the parity tools run CPython with PYTHONHASHSEED=0 (they
re-execute themselves with it), the fixed seed rpy's compiler must reproduce.
"""

import json
import os
import struct
import sys
import types

# Constant ints print in full: the digit limit would make repr() fail on huge literals.
sys.set_int_max_str_digits(0)


def code_objects(code):
    """The code objects of a tree, depth-first (the module first)."""
    out = [code]
    for const in code.co_consts:
        if isinstance(const, types.CodeType):
            out.extend(code_objects(const))
    return out


def const_repr(value):
    if isinstance(value, types.CodeType):
        return f"<code {value.co_qualname}>"
    return repr(value)


def float_bits(x):
    return struct.pack(">d", x).hex()


def typed_const(value, index_of):
    """A constant as typed JSON (index_of maps id(code) to its depth-first position)."""
    if value is None:
        return {"t": "none"}
    if value is Ellipsis:
        return {"t": "ellipsis"}
    if isinstance(value, bool):
        return {"t": "bool", "v": value}
    if isinstance(value, int):
        return {"t": "int", "v": str(value)}
    if isinstance(value, float):
        return {"t": "float", "bits": float_bits(value)}
    if isinstance(value, complex):
        return {"t": "complex", "real": float_bits(value.real), "imag": float_bits(value.imag)}
    if isinstance(value, str):
        try:
            value.encode("utf-8")
            return {"t": "str", "v": value}
        except UnicodeEncodeError:
            return {"t": "str", "wtf8": value.encode("utf-8", "surrogatepass").hex()}
    if isinstance(value, bytes):
        return {"t": "bytes", "hex": value.hex()}
    if isinstance(value, tuple):
        return {"t": "tuple", "items": [typed_const(v, index_of) for v in value]}
    if isinstance(value, frozenset):
        return {"t": "frozenset", "items": [typed_const(v, index_of) for v in value]}
    if isinstance(value, slice):
        items = [value.start, value.stop, value.step]
        return {"t": "slice", "items": [typed_const(v, index_of) for v in items]}
    if isinstance(value, types.CodeType):
        return {"t": "code", "index": index_of[id(value)]}
    raise TypeError(f"unexpected constant type {type(value).__name__}")


def code_dict(code, extended=False, index_of=None):
    """One code object as the JSON schema describes it."""
    d = {
        "qualname": code.co_qualname,
        "firstlineno": code.co_firstlineno,
        "co_code": code.co_code.hex(),
        "co_exceptiontable": code.co_exceptiontable.hex(),
        "co_linetable": code.co_linetable.hex(),
        "co_consts": [const_repr(c) for c in code.co_consts],
        "co_names": list(code.co_names),
        "co_localsplusnames": localsplusnames(code),
        "co_flags": code.co_flags,
        "co_stacksize": code.co_stacksize,
        "co_argcount": code.co_argcount,
        "co_posonlyargcount": code.co_posonlyargcount,
        "co_kwonlyargcount": code.co_kwonlyargcount,
    }
    if extended:
        d["name"] = code.co_name
        d["filename"] = code.co_filename
        d["co_localspluskinds"] = localspluskinds(code).hex()
        d["consts_typed"] = [typed_const(c, index_of) for c in code.co_consts]
    return d


def localsplusnames(code):
    """co_localsplusnames, which Python code can only read one index at a time."""
    names = []
    while True:
        try:
            names.append(code._varname_from_oparg(len(names)))
        except IndexError:
            return names


def localspluskinds(code):
    """co_localspluskinds (CO_FAST_* bits), from _testinternalcapi's name -> kind dict.

    A name can occur twice (a class body's own __class__ cell and the enclosing class's
    free __class__); the dict keeps one kind for both, so those are rebuilt from position:
    free variables come last, cells not shared with a local come before them.
    """
    import _testinternalcapi

    CO_FAST_LOCAL, CO_FAST_CELL, CO_FAST_FREE = 0x20, 0x40, 0x80
    by_name = _testinternalcapi.get_co_localskinds(code)
    names = localsplusnames(code)
    first_free = len(names) - len(code.co_freevars)
    kinds = bytearray()
    for i, name in enumerate(names):
        if names.count(name) == 1:
            kinds.append(by_name[name])
        elif i >= first_free:
            kinds.append(CO_FAST_FREE)
        elif i < code.co_nlocals:
            kinds.append(CO_FAST_LOCAL | CO_FAST_CELL)
        else:
            kinds.append(CO_FAST_CELL)
    return bytes(kinds)


def module_dicts(code, extended=False):
    codes = code_objects(code)
    index_of = {id(c): i for i, c in enumerate(codes)}
    return [code_dict(c, extended, index_of) for c in codes]


def ensure_hash_seed():
    """Re-executes this process with PYTHONHASHSEED=0 unless it already has it, so that
    frozenset constants of strings come out in a reproducible order."""
    if os.environ.get("PYTHONHASHSEED") == "0":
        return
    env = dict(os.environ, PYTHONHASHSEED="0")
    # /proc/self gives the command exactly as started, including a dynamic-loader wrapper
    # (sys.executable alone may not start without it).
    try:
        with open("/proc/self/cmdline", "rb") as f:
            argv = [os.fsdecode(a) for a in f.read().split(b"\0")[:-1]]
        os.execve("/proc/self/exe", argv, env)
    except OSError:
        sys.exit("run this script with PYTHONHASHSEED=0 in the environment")


def stdlib_files():
    """The .py files of this interpreter's standard library (the parity corpus), sorted;
    site-packages and dangling links left out."""
    root = os.path.dirname(os.__file__)
    out = []
    for d, dirs, files in os.walk(root):
        dirs[:] = sorted(x for x in dirs if x not in ("site-packages", "__pycache__"))
        for f in sorted(files):
            path = os.path.join(d, f)
            if f.endswith(".py") and os.path.isfile(path):
                out.append(path)
    return out


def compile_file(path):
    with open(path, "rb") as f:
        source = f.read()
    return compile(source, path, "exec")


def main(argv):
    ensure_hash_seed()
    extended = "--extended" in argv
    paths = [a for a in argv if a != "--extended"]
    if len(paths) != 1:
        print(__doc__.split("\n\n")[1], file=sys.stderr)
        return 2
    code = compile_file(paths[0])
    json.dump(module_dicts(code, extended), sys.stdout, ensure_ascii=False)
    sys.stdout.write("\n")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
