# coding: utf8
abcÿ
