# time module: only deterministic parts (struct_time, gmtime, strftime, monotonic ordering).
import time
t = time.gmtime(0)
print(t, t.tm_year, t.tm_mon, t.tm_mday, t.tm_hour, t.tm_wday, t.tm_yday, t.tm_isdst, tuple(t))
t2 = time.gmtime(1700000000)
print(tuple(t2), time.strftime("%Y-%m-%d %H:%M:%S", t2), time.strftime("%a %b %d %j", t2))
print(time.asctime(t2), time.mktime(time.localtime(1700000000)) if False else "skip-mktime")
a = time.monotonic()
b = time.monotonic()
c = time.perf_counter()
d = time.perf_counter()
print(b >= a, d >= c, isinstance(time.time(), float), time.time() > 1.6e9, isinstance(time.time_ns(), int))
s = time.struct_time((2024, 2, 29, 12, 30, 45, 3, 60, 0))
print(s, s.tm_mday, time.strftime("%d/%m/%Y %I:%M %p", s))
time.sleep(0)
time.sleep(0.001)
print(time.gmtime(86400 * 365.25 * 30).tm_year, time.gmtime(951782400)[:3])
try:
    time.sleep(-1)
except ValueError as e:
    print("ValueError:", e)
