n = 5
print(f"\N{BULLET} {n} \N{EM DASH}")
print(f"\\{n}\\", f"\x41{n}\101", f"tab\there{n}")
print(rf"\N{n}", rf"\{n}\}}", fr'\{{n}}')
print(f"\{{n}}")
print(f"line\
continued {n}")
print(f'\'{n}\'', f"\"{n}\"")
print(f"{n}\n{n}\r\n")
