# `-m PACKAGE` runs the package's __main__.py (this file is only the suite's entry; its .argv
# runs `-m runnable_pkg`).
print("this file is not executed")
