# match used for a small expression evaluator and a state machine.
def evaluate(expr, env):
    match expr:
        case int() | float():
            return expr
        case str(name):
            return env[name]
        case ("+", a, b):
            return evaluate(a, env) + evaluate(b, env)
        case ("*", a, b):
            return evaluate(a, env) * evaluate(b, env)
        case ("-", a):
            return -evaluate(a, env)
        case ("let", str(name), value, body):
            return evaluate(body, {**env, name: evaluate(value, env)})
        case _:
            raise ValueError(f"bad expression {expr!r}")
print(evaluate(("+", 1, ("*", "x", 3)), {"x": 4}))
print(evaluate(("let", "y", 10, ("-", ("+", "y", "y"))), {}))
try:
    evaluate(("/", 1, 2), {})
except ValueError as e:
    print("ValueError:", e)
def traffic(state, event):
    match state, event:
        case "red", "timer":
            return "green"
        case "green", "timer":
            return "yellow"
        case "yellow", "timer":
            return "red"
        case _, "emergency":
            return "red"
        case s, _:
            return s
state = "red"
for ev in ["timer", "timer", "noise", "timer", "timer", "emergency", "timer"]:
    state = traffic(state, ev)
    print(ev, "->", state)
