#!/usr/bin/python
#coding:ascii ä
x = 1
