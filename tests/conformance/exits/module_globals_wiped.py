# A module still alive after the exit-time collection (sys holds it) has its globals set
# to None, names with one leading underscore first: a __del__ that runs meanwhile sees
# the names not yet wiped and None for the others.
import sys
sys.path.insert(0, "helpers")
import fin_wiped

sys._keep = fin_wiped
print("end")
