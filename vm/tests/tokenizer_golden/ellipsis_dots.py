x = ...
y = x[...]
z = 1..real if False else 1.
w = [..., .5, 5., a.b.c, (1).__add__, 1 .__add__]
from . import a
from .. import b
from ... import c
from .... import d
