# A program read from stdin (`-`) that raises: the traceback names "<stdin>".
print("reading program from stdin")
def broken():
    return 1 + None
broken()
