# timedelta: construction from ints and floats (rounding half to even), normalization, range errors, repr/str, arithmetic with ints, floats and timedeltas, comparisons.
import sys
from datetime import *
import datetime as D

sys.path.insert(0, "helpers")
from evalshow import show_all

show_all([
    'timedelta(days=1e9)',
    'timedelta(days=1000000000)',
    'timedelta(1,2,3)',
    'timedelta(0)',
    'timedelta(-1)',
    'timedelta(microseconds=-1)',
    'timedelta(seconds=0.5, microseconds=0.5)',
    'str(timedelta(-1))',
    'str(timedelta(2, 3, 4))',
    'str(timedelta(microseconds=1))',
    'timedelta.max',
    'timedelta.min',
    'timedelta(1)*1.5',
    'timedelta(1)/0',
    'timedelta(1)//0',
    'timedelta(1)%timedelta(0)',
    'timedelta(1).__reduce__()',
    'hash(timedelta(0))==hash(0)',
    'abs(timedelta(-1))',
    '-timedelta(1)',
    'timedelta(1)/timedelta(hours=1)',
    'timedelta(1)//timedelta(hours=5)',
    'divmod(timedelta(1),timedelta(hours=5))',
    'timedelta(hours=1)*0.3333',
    'timedelta(hours=1)/7',
    'round(timedelta(1).total_seconds())',
    'timedelta(days=1,hours=1)==timedelta(hours=25)',
    "timedelta(days='1')",
    'timedelta(1)==1',
    'timedelta(1).days',
    'timedelta(hours=1)*(1/3)',
    'timedelta(1)/2.5',
    'timedelta(seconds=1)/3',
    'timedelta(seconds=1)//3',
    'timedelta(seconds=-1)//3',
    'timedelta(seconds=7)%timedelta(seconds=-2)',
    'timedelta(seconds=1.5e-6)',
    'timedelta(seconds=2.5e-6)',
    'timedelta(microseconds=0.5)',
    'timedelta(microseconds=1.5)',
    'timedelta(days=0.1, seconds=0.1, microseconds=0.1)',
    'timedelta(weeks=1.1)',
    'timedelta(days=-0.1)',
], globals())
