# Subclassing list and overriding methods.
class Stack(list):
    def push(self, x):
        self.append(x)
    def peek(self):
        return self[-1]
s = Stack([1, 2])
s.push(3)
print(s, s.peek(), len(s), type(s).__name__, type(s + [4]).__name__, type(s[:1]).__name__, isinstance(s, list))
class Logged(list):
    def append(self, x):
        print("append", x)
        super().append(x)
    def __getitem__(self, i):
        print("get", i)
        return super().__getitem__(i)
lg = Logged()
lg.append(5)
lg.extend([6])
print(lg[0], lg, list(lg))
class Default(list):
    def __init__(self, *args, default=None):
        super().__init__(*args)
        self.default = default
    def get(self, i):
        return self[i] if -len(self) <= i < len(self) else self.default
dl = Default([1, 2], default="none")
print(dl.get(1), dl.get(5), dl == [1, 2], sorted(Default([3, 1, 2])))
