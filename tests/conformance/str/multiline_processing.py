# Processing multi-line text: dedent by hand, indentation, line numbering, trailing whitespace handling.
text = """
    def greet(name):
        print("hello", name)   
      
    greet("world")
"""
lines = text.split("\n")
print(len(lines), [len(l) for l in lines])
non_blank = [l for l in lines if l.strip()]
indent = min(len(l) - len(l.lstrip()) for l in non_blank)
dedented = [l[indent:].rstrip() if l.strip() else "" for l in lines]
print("\n".join(dedented).strip("\n"))
for i, l in enumerate(dedented[1:-1], 1):
    print(f"{i:>3}: {l!r}")
print("\n".join("> " + l for l in "quoted\ntext".splitlines()))
csv_like = "a, b ,c\n 1,2 , 3 \n"
print([[cell.strip() for cell in row.split(",")] for row in csv_like.strip().splitlines()])
print("\t".expandtabs(4) + "x", repr("line1\r\nline2\rline3".splitlines()), "x\n\n".splitlines(), "".join(["a\n", "b"]).count("\n"))
