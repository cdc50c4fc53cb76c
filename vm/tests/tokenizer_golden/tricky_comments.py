#!/usr/bin/env python3
# -*- coding: utf-8 -*-
x = 1  # comment # with # hashes
# comment with "quotes" and 'quotes' and ''' triple
y = "# not a comment"  # real comment
z = f"{x}"  # f-string then comment
if x:  # colon comment
    pass  # indented comment
# final comment
