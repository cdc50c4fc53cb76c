# datetime/date/time isoformat and fromisoformat: the ISO 8601 forms accepted (basic, extended, week dates, fractions, offsets, 24:00) and the rejections.
import sys
from datetime import *
import datetime as D

sys.path.insert(0, "helpers")
from evalshow import show_all

show_all([
    "date.fromisoformat('2024-01-02')",
    "date.fromisoformat('20240102')",
    "date.fromisoformat('2024-W01-1')",
    "date.fromisoformat('x')",
    'date.fromisoformat(5)',
    "datetime.fromisoformat('2024-01-02T03:04:05.123+05:30')",
    "datetime.fromisoformat('2024-01-02 03:04')",
    "datetime.fromisoformat('2024-01-02T25:00')",
    "datetime.fromisoformat('2024-01-02T03:04:05Z')",
    "time.fromisoformat('03:04:05.1234')",
    "time.fromisoformat('T0304')",
    "time.fromisoformat('03:04:05,5')",
    "time.fromisoformat('bad')",
    "datetime(2024,1,2).isoformat(timespec='minutes')",
    "datetime(2024,1,2).isoformat(timespec='x')",
    "datetime(2024,1,2).isoformat(sep='xx')",
    "datetime.fromisoformat('2024-01-02T24:00')",
    "datetime.fromisoformat('2024-01-02T24:00:01')",
    "datetime.fromisoformat('2024-01-02T03:04:05.1234567')",
    "datetime.fromisoformat('2024-01-02T03')",
    "datetime.fromisoformat('2024-01-02T0304')",
    "datetime.fromisoformat('2024-01-02T03:04:05+0530')",
    "datetime.fromisoformat('2024-01-02T03:04:05+05')",
    "datetime.fromisoformat('2024-01-02T03:04:05-05:30:15.5')",
    "datetime.fromisoformat('2024-01-02T03:04:05 ')",
    "datetime.fromisoformat('2024-01-02')",
    "datetime.fromisoformat('2024-01')",
    "datetime.fromisoformat('2024W01')",
    "datetime.fromisoformat('2024W011T03')",
    "datetime.fromisoformat('2024-01-02x03:04')",
    "datetime.fromisoformat('2024-01-02T03:4')",
    "datetime.fromisoformat('2024-01-02T03:04:05.')",
    "time.fromisoformat('03:04:05+00:00')",
    "time.fromisoformat('24:00')",
    "time.fromisoformat('03:04:05.123456789')",
    "time.fromisoformat('030405Z')",
    "time(1,2,3).isoformat('milliseconds')",
    'time(1,2,3,456789).isoformat()',
], globals())
