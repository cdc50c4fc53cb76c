# -*- coding: latin-1 -*-
s = "café à ÿ"
été = 1
