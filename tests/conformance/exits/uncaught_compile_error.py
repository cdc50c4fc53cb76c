# A SyntaxError raised by compile() at runtime, uncaught.
source = "x = 1\nif x\n    print(x)\n"
print("compiling")
compile(source, "<generated>", "exec")
