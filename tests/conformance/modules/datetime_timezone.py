# timezone and tzinfo: construction errors, utc singleton, names, reprs, offsets, fromutc, the abstract tzinfo methods.
import sys
from datetime import *
import datetime as D

sys.path.insert(0, "helpers")
from evalshow import show_all

show_all([
    'timezone(timedelta(hours=24))',
    'timezone(timedelta(hours=5, minutes=30))',
    'timezone(timedelta(0))',
    'timezone.utc',
    "timezone(timedelta(hours=-3), 'X')",
    'str(timezone(timedelta(hours=-3)))',
    'timezone(timedelta(seconds=1))',
    'timezone(timedelta(microseconds=1)).tzname(None)',
    'timezone(5)',
    'timezone.utc.__reduce__()',
    'time(1,2,3,tzinfo=timezone(timedelta(hours=1))).utcoffset()',
    "datetime(2024,1,2,tzinfo=timezone(timedelta(hours=5, minutes=30,seconds=5))).strftime('%z|%:z|%Z')",
    'datetime(2024,3,10,12,tzinfo=timezone.utc).astimezone(timezone(timedelta(hours=-5)))',
    'timezone.utc.utcoffset(5)',
    'timezone.utc.fromutc(datetime(2024,1,1))',
    'timezone(timedelta(hours=1),5)',
    'timezone.min',
    'timezone.max',
    "timezone(timedelta(hours=1)) == timezone(timedelta(hours=1), 'x')",
    'timezone(timedelta(hours=1)).__getinitargs__()',
    'tzinfo().utcoffset(None)',
    'tzinfo().tzname(None)',
    'tzinfo().dst(None)',
    'tzinfo().fromutc(datetime(2024,1,1))',
    'tzinfo().fromutc(datetime(2024,1,1,tzinfo=timezone.utc))',
    'tzinfo().__reduce__()',
    'datetime(2024,1,2,3,4,5,tzinfo=timezone(timedelta(hours=2))) - datetime(2024,1,2,3,4,5,tzinfo=timezone.utc)',
    'datetime(2024,1,2,3,4,5,tzinfo=timezone(timedelta(hours=2))) == datetime(2024,1,2,1,4,5,tzinfo=timezone.utc)',
], globals())
