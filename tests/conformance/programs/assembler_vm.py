# A tiny assembly language: two-pass assembler with labels and a register VM.
SOURCE = """
        mov r0, 0        ; accumulator
        mov r1, 1        ; counter
loop:   add r0, r1
        add r1, 1
        cmp r1, 101
        jlt loop
        out r0
        mov r2, 10
        call fact
        out r3
        halt
fact:   mov r3, 1
floop:  mul r3, r2
        sub r2, 1
        cmp r2, 1
        jgt floop
        ret
"""
def assemble(src):
    labels, prog = {}, []
    for line in src.splitlines():
        line = line.split(";")[0].strip()
        if not line:
            continue
        if ":" in line:
            label, line = line.split(":", 1)
            labels[label.strip()] = len(prog)
            line = line.strip()
        op, _, args = line.partition(" ")
        prog.append((op, [a.strip() for a in args.split(",") if a.strip()]))
    return prog, labels
def run(prog, labels):
    regs = {f"r{i}": 0 for i in range(4)}
    pc, flag, stack, out, steps = 0, 0, [], [], 0
    val = lambda a: regs[a] if a in regs else int(a)
    while True:
        op, args = prog[pc]
        pc += 1
        steps += 1
        if op == "mov":
            regs[args[0]] = val(args[1])
        elif op in ("add", "sub", "mul"):
            a, b = regs[args[0]], val(args[1])
            regs[args[0]] = a + b if op == "add" else a - b if op == "sub" else a * b
        elif op == "cmp":
            a, b = val(args[0]), val(args[1])
            flag = (a > b) - (a < b)
        elif op == "jlt":
            pc = labels[args[0]] if flag < 0 else pc
        elif op == "jgt":
            pc = labels[args[0]] if flag > 0 else pc
        elif op == "call":
            stack.append(pc)
            pc = labels[args[0]]
        elif op == "ret":
            pc = stack.pop()
        elif op == "out":
            out.append(val(args[0]))
        elif op == "halt":
            return out, regs, steps
        else:
            raise ValueError(f"unknown op {op}")
prog, labels = assemble(SOURCE)
print(labels, len(prog), prog[:3])
print(run(prog, labels))
