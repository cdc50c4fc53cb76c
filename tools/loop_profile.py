#!/usr/bin/env python3
"""Per-instruction profile of one machine-code function (default: the eval loop's `run_loop`).

Runs a script under callgrind with `--dump-instr=yes`, disassembles the function with objdump
and prints, for the instructions executed at least --min times: the count, the address and
the instruction. The summary names what session 9 found decides the eval loop's speed:
the dispatch head (the hottest indirect jump and the instructions before it), the stack
frame size, the spill reloads (`mov N(%rsp),reg`) executed on the hot path, and the direct
callees (`--callees`), whose set changes when LLVM's inlining heuristics change their mind
about something reachable from the loop (a flip of int_loop's count by 3-4% between builds
whose loop code is the same).

    tools/loop_profile.py target/release/rpy benches/kernels/int_loop.py
    tools/loop_profile.py --callees OLD_RPY NEW_RPY        # diff of the direct callees
"""

import argparse
import collections
import re
import subprocess
import sys
import tempfile


def symbol_range(binary, name):
    """Address and size of the function whose demangled name ends with `name`."""
    out = subprocess.run(["nm", "-S", "-C", binary], capture_output=True, text=True, check=True)
    for line in out.stdout.splitlines():
        parts = line.split(maxsplit=3)
        if len(parts) == 4 and parts[2] in "tT" and parts[3].endswith("::" + name):
            return int(parts[0], 16), int(parts[1], 16)
    sys.exit(f"no function named {name} in {binary}")


def disassemble(binary, start, size):
    out = subprocess.run(
        ["objdump", "-d", "--no-show-raw-insn", "-C", f"--start-address={start}",
         f"--stop-address={start + size}", binary],
        capture_output=True, text=True, check=True)
    insns = []
    for line in out.stdout.splitlines():
        m = re.match(r"^\s*([0-9a-f]+):\s+(.*)$", line)
        if m:
            insns.append((int(m.group(1), 16), m.group(2).strip()))
    return insns


def callgrind_costs(binary, script, fn):
    """Instruction address -> Ir of the function `fn` (self cost only)."""
    with tempfile.NamedTemporaryFile(suffix=".cg") as out:
        run = subprocess.run(
            ["valgrind", "--tool=callgrind", "--dump-instr=yes",
             f"--callgrind-out-file={out.name}", binary, script],
            capture_output=True, text=True)
        total = re.search(r"Collected : (\d+)", run.stderr)
        costs = collections.Counter()
        names, in_fn, last, after_calls = {}, False, [0, 0], False
        for line in open(out.name):
            line = line.rstrip("\n")
            m = re.match(r"^(c?fn)=\((\d+)\)(?: (.*))?$", line)
            if m:
                if m.group(3):
                    names[m.group(2)] = m.group(3)
                if m.group(1) == "fn":
                    in_fn = names.get(m.group(2), "").endswith("::" + fn)
                continue
            if line.startswith("calls="):
                after_calls = True
                continue
            if not line or not (line[0].isdigit() or line[0] in "+-*"):
                continue
            parts = line.split()
            for i, p in enumerate(parts[:2]):
                if p.startswith(("+", "-")):
                    last[i] += int(p, 0)
                elif p != "*":
                    last[i] = int(p, 0)
            if after_calls:  # the inclusive cost of a call, not this function's own
                after_calls = False
                continue
            if in_fn and len(parts) > 2:
                costs[last[0]] += int(parts[2])
    return costs, int(total.group(1)) if total else None


def callees(insns):
    calls = collections.Counter()
    for _, text in insns:
        m = re.match(r"call\s+[0-9a-f]+ <(.+?)(\+0x[0-9a-f]+)?>$", text)
        if m:
            calls[m.group(1)] += 1
    return calls


def profile(args):
    start, size = symbol_range(args.binary, args.function)
    insns = disassemble(args.binary, start, size)
    costs, total = callgrind_costs(args.binary, args.script, args.function)
    frame = next((t for _, t in insns if re.match(r"sub\s+\$0x[0-9a-f]+,%rsp", t)), "?")
    print(f"{args.function}: {size} bytes, frame `{frame}`, program total {total} Ir")
    hot = [(a, t, costs[a]) for a, t in insns if costs[a] >= args.min]
    if not hot:
        return
    # The dispatch head: the hottest indirect jump and the straight-line run before it.
    jumps = [i for i, (a, t, c) in enumerate(hot) if t.startswith("jmp") and "*%" in t]
    if jumps:
        j = max(jumps, key=lambda i: hot[i][2])
        i = j
        while i > 0 and hot[i - 1][2] == hot[j][2] and not hot[i - 1][1].startswith("j"):
            i -= 1
        print(f"dispatch head: {j - i + 1} instructions, executed {hot[j][2]} times")
        for a, t, c in hot[i:j + 1]:
            print(f"    {a:x}: {t}")
    spills = sum(c for a, t, c in hot if re.match(r"mov\w*\s+-?0x[0-9a-f]+\(%rsp\),%", t))
    print(f"spill reloads on the hot path: {spills} executions")
    print()
    for a, t, c in hot:
        print(f"{c:>10} {a:x}: {t}")


def diff_callees(args):
    sets = []
    for b in (args.binary, args.script):
        start, size = symbol_range(b, args.function)
        sets.append(callees(disassemble(b, start, size)))
    for name in sorted(set(sets[0]) | set(sets[1])):
        if sets[0][name] != sets[1][name]:
            print(f"{sets[0][name]:>4} -> {sets[1][name]:<4} {name}")


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("binary")
    ap.add_argument("script", help="the Python script (with --callees: the second binary)")
    ap.add_argument("--function", default="run_loop")
    ap.add_argument("--min", type=int, default=50_000, help="least executions shown")
    ap.add_argument("--callees", action="store_true", help="diff two binaries' direct callees")
    args = ap.parse_args()
    (diff_callees if args.callees else profile)(args)


if __name__ == "__main__":
    main()
