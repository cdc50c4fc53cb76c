# A tiny spreadsheet: cells with formulas referencing other cells, dependency evaluation and cycle detection.
cells = {
    "A1": "10", "A2": "32", "A3": "=A1+A2", "B1": "=A3*2", "B2": "=B1-A1/2", "B3": "=SUM(A1:A3)",
    "C1": "=C2+1", "C2": "=C1+1", "C3": "=A9+1", "D1": "=MAX(A1:B2)",
}
def cell_range(a, b):
    col_a, row_a, col_b, row_b = a[0], int(a[1:]), b[0], int(b[1:])
    return [f"{chr(c)}{r}" for c in range(ord(col_a), ord(col_b) + 1) for r in range(row_a, row_b + 1)]
def evaluate(name, stack=()):
    if name in stack:
        raise RecursionError(f"cycle: {' -> '.join(stack + (name,))}")
    src = cells.get(name, "0")
    if not src.startswith("="):
        return float(src)
    expr = src[1:]
    for fn in ("SUM", "MAX"):
        while fn + "(" in expr:
            start = expr.index(fn + "(")
            end = expr.index(")", start)
            a, b = expr[start + len(fn) + 1:end].split(":")
            vals = [evaluate(c, stack + (name,)) for c in cell_range(a, b)]
            expr = expr[:start] + repr(sum(vals) if fn == "SUM" else max(vals)) + expr[end + 1:]
    tokens, i = [], 0
    while i < len(expr):
        if expr[i].isalpha():
            j = i + 1
            while j < len(expr) and expr[j].isdigit():
                j += 1
            tokens.append(repr(evaluate(expr[i:j], stack + (name,))))
            i = j
        else:
            tokens.append(expr[i])
            i += 1
    return eval("".join(tokens), {"__builtins__": {}})
for name in sorted(cells):
    try:
        print(name, cells[name], "=>", evaluate(name))
    except RecursionError as e:
        print(name, cells[name], "=> error:", e)
