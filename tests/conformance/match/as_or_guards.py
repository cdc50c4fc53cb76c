# AS patterns, OR patterns binding names, guards with side effects, fall-through order.
def classify(cmd):
    match cmd.split():
        case ["go", ("north" | "south" | "east" | "west") as direction]:
            return f"moving {direction}"
        case ["go", other]:
            return f"cannot go {other}"
        case ["take", *items] if items:
            return f"taking {', '.join(items)}"
        case ["take"]:
            return "take what?"
        case [("quit" | "exit") as word]:
            return f"bye ({word})"
        case [verb, *args] as whole:
            return f"unknown verb {verb} in {whole} with {len(args)} args"
        case []:
            return "silence"
for c in ["go north", "go up", "take key lamp", "take", "quit", "exit", "dance wildly now", ""]:
    print(repr(c), "->", classify(c))
calls = []
def guard(x):
    calls.append(x)
    return x > 1
for value in [1, 2]:
    match value:
        case n if guard(n):
            print("guard passed for", n)
        case n:
            print("fallback for", n)
print(calls)
match (1, 2):
    case (1, x) | (x, 1):
        print("x bound to", x)
match 42:
    case int() as n if n > 40:
        print("big int", n)
x = "unchanged"
match [5]:
    case [x] if x > 10:
        print("not here")
    case _:
        print("x after failed guard:", x)
