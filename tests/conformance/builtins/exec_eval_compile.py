# exec, eval and compile with globals/locals dicts.
print(eval("1 + 2 * 3"), eval("x * 2", {"x": 21}), eval("len(s)", {"s": "abc"}), eval("y", {}, {"y": "local"}))
g = {}
exec("a = 5\ndef f(n):\n    return n + a\nb = f(10)", g)
print(g["a"], g["b"], g["f"](1), "__builtins__" in g)
ns = {"result": []}
exec("for i in range(3):\n    result.append(i * i)", ns)
print(ns["result"])
code = compile("x + 1", "<expr>", "eval")
print(eval(code, {"x": 41}), code.co_filename, type(code).__name__)
code2 = compile("print('from compiled exec')", "<exec>", "exec")
exec(code2)
code3 = compile("5 * 5", "<single>", "single")
exec(code3)
loc = {}
exec("z = 3", None, loc)
print(loc)
def use_locals():
    v = 10
    return eval("v + 1")
print(use_locals())
try:
    eval("1 +")
except SyntaxError as e:
    print("SyntaxError:", e.msg, e.lineno, e.offset, e.text)
try:
    exec("def broken(:\n    pass")
except SyntaxError as e:
    print("SyntaxError:", e.msg, e.lineno)
try:
    eval("undefined_var")
except NameError as e:
    print("NameError:", e)
try:
    eval("import os")
except SyntaxError as e:
    print("SyntaxError:", e.msg)
print(eval("(lambda q: q * 3)('ab')"), eval(" 7 "), exec("1"), eval("[i for i in range(3)]"))
restricted = {"__builtins__": {"len": len}}
print(eval("len('four')", restricted))
try:
    eval("abs(-1)", restricted)
except NameError as e:
    print("NameError:", e)
