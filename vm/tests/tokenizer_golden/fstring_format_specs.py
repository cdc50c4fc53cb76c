v, w, p = 3.14159, 10, 3
print(f"{v:{w}.{p}f}", f"{v:{w}.{p}}", f"{v:>{w}}", f"{v:{'<'}{w}}")
print(f"{v!r:^{w}}", f"{v:0{w}.2e}", f"{v:{w}{'.'}{p}}")
print(f"{v:{f'{w}'}}", f"{'x':{'>'}10}", f"{v:=^20}", f"{v:,.2f}")
print(f"{v:%}", f"{v:{{}}}" if False else "", f"{v:!r}", f"{v:a:b}")
print(f"{v:\x41}", f"{v:{w}\n}" if False else "")
