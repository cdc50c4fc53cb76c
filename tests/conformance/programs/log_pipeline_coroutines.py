# Generator-based coroutines (send) forming a push pipeline over log lines.
def coroutine(fn):
    def start(*a, **k):
        c = fn(*a, **k)
        next(c)
        return c
    return start
@coroutine
def parse(target):
    while True:
        line = yield
        parts = line.split()
        if len(parts) >= 3:
            target.send({"ts": int(parts[0]), "level": parts[1], "msg": " ".join(parts[2:])})
@coroutine
def filter_level(levels, target):
    while True:
        rec = yield
        if rec["level"] in levels:
            target.send(rec)
@coroutine
def counter(store):
    while True:
        rec = yield
        store[rec["level"]] = store.get(rec["level"], 0) + 1
@coroutine
def broadcast(targets):
    while True:
        item = yield
        for t in targets:
            t.send(item)
@coroutine
def printer(prefix):
    while True:
        rec = yield
        print(f"{prefix} t={rec['ts']:>4} {rec['level']:<5} {rec['msg']}")
counts = {}
pipeline = parse(broadcast([counter(counts), filter_level({"ERROR", "WARN"}, printer("!!"))]))
log = """10 INFO service starting
25 DEBUG loaded 42 plugins
31 WARN config value deprecated
47 ERROR could not open socket
52 INFO retrying
60 ERROR retry failed
61 malformed
75 INFO shutting down"""
for line in log.splitlines():
    pipeline.send(line)
pipeline.close()
print(sorted(counts.items()))
