# input() reads lines from stdin; EOFError at the end.
import sys
name = input()
print("hello,", name)
age = input("age? ")
print("age doubled:", int(age) * 2)
rest = sys.stdin.readline()
print("readline got", repr(rest))
remaining = sys.stdin.read()
print("read got", repr(remaining))
try:
    input("> ")
except EOFError as e:
    print("EOFError", repr(e))
