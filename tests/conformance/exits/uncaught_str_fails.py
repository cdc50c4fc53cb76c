# An exception whose __str__ raises prints a placeholder.
class Broken(Exception):
    def __str__(self):
        raise RuntimeError("no str for you")
print("raising")
raise Broken("payload")
