print("runnable_pkg/__init__ executed, __name__ =", __name__)
