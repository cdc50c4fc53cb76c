#!/home/ä/bin/python
#coding:ascii
raise RuntimeError
