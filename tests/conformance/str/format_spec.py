# The format-spec mini-language for strings and ints in detail.
for spec in ["", "10", "<10", ">10", "^10", "*^11", "-<9", ".3", "10.3", "^10.2", "0>6", "=>6"]:
    print(repr(spec), "[" + format("hello", spec) + "]")
for spec in ["", "5", "05", "+", "-", " ", "=+8", "<+8", "^8", "x", "#X", "#010b", ",", "_", "_b", "n", "%", "e", ".2f", "+,", "08,"]:
    try:
        print(repr(spec), "[" + format(12345, spec) + "]", "[" + format(-42, spec) + "]")
    except ValueError as e:
        print(repr(spec), "ValueError:", e)
for spec in ["=10", "+", "x", ",", "c"]:
    try:
        print(repr(spec), format("s", spec))
    except ValueError as e:
        print(repr(spec), "ValueError:", e)
print(format(True, ""), format(True, "d"), format(True, ">6"), format(None, ""), format([1], ""))
try:
    format(None, "x")
except TypeError as e:
    print("TypeError:", e)
try:
    format(object(), "d")
except TypeError as e:
    print("TypeError:", e)
