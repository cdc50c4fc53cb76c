# Generator pipelines processing a stream of records lazily.
log_lines = """\
2024-01-01 INFO start service
2024-01-01 WARN disk 81%
2024-01-02 ERROR failed to bind port 8080
2024-01-02 INFO retry
2024-01-03 ERROR timeout contacting db
2024-01-03 INFO ok
""".splitlines()
def parse(lines):
    for line in lines:
        date, level, msg = line.split(" ", 2)
        yield {"date": date, "level": level, "msg": msg}
def only(level, records):
    return (r for r in records if r["level"] == level)
def numbered(records):
    for i, r in enumerate(records, 1):
        yield f"{i}. [{r['date']}] {r['msg']}"
for line in numbered(only("ERROR", parse(log_lines))):
    print(line)
def window(it, n):
    buf = []
    for x in it:
        buf.append(x)
        if len(buf) == n:
            yield tuple(buf)
            buf.pop(0)
print(list(window(range(6), 3)))
def take(n, it):
    for i, x in enumerate(it):
        if i >= n:
            return
        yield x
def primes():
    found = []
    n = 2
    while True:
        if all(n % p for p in found):
            found.append(n)
            yield n
        n += 1
print(list(take(15, primes())))
def running_avg(it):
    total = 0
    for i, x in enumerate(it, 1):
        total += x
        yield round(total / i, 3)
print(list(running_avg([3, 5, 10, 2])))
