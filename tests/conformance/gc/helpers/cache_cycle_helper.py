# Instances made at import: the class's __init__ has been looked up and run.
class Thing:
    def __init__(self):
        self.n = 1

def make():
    return Thing()

things = [Thing(), make()]
