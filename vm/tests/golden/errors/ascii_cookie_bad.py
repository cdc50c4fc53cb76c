# -*- coding: ascii -*-
x = "é"
