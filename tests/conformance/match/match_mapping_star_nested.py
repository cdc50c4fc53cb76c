# Mapping patterns with **rest, nested sequences inside mappings, and JSON-like message routing.
import json
messages = [
    '{"op": "login", "user": {"name": "ann", "roles": ["admin", "dev"]}}',
    '{"op": "login", "user": {"name": "bob", "roles": []}}',
    '{"op": "move", "path": [[0, 0], [1, 2], [3, 5]], "speed": 2}',
    '{"op": "move", "path": [[9, 9]]}',
    '{"op": "chat", "to": "all", "text": "hi", "meta": {"lang": "en"}}',
    '{"op": "chat", "to": ["ann", "bob"], "text": "yo"}',
    '{"op": "quit"}',
    '{"noop": true}',
    '[1, 2, 3]',
]
def route(msg):
    match msg:
        case {"op": "login", "user": {"name": str(name), "roles": ["admin", *others]}}:
            return f"admin login {name} (+{len(others)} roles)"
        case {"op": "login", "user": {"name": name}}:
            return f"user login {name}"
        case {"op": "move", "path": [[x0, y0], *_, [x1, y1]], **extra}:
            return f"move from {x0},{y0} to {x1},{y1} extra={extra}"
        case {"op": "move", "path": [[x, y]]}:
            return f"stay at {x},{y}"
        case {"op": "chat", "to": "all", "text": text, **rest}:
            return f"broadcast {text!r} rest={sorted(rest)}"
        case {"op": "chat", "to": [*names], "text": text}:
            return f"direct {text!r} to {', '.join(names)}"
        case {"op": op}:
            return f"unhandled op {op}"
        case {}:
            return "no op field"
        case [*items]:
            return f"list of {len(items)}"
for m in messages:
    print(route(json.loads(m)))
