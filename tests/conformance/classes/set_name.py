# __set_name__ is called for descriptors and any attribute object at class creation.
class Field:
    def __init__(self, default):
        self.default = default
    def __set_name__(self, owner, name):
        print(f"set_name {owner.__name__}.{name}")
        self.name = name
        owner.fields = getattr(owner, "fields", ()) + (name,)
class Model:
    id = Field(0)
    title = Field("")
    score = Field(0.0)
print(Model.fields, Model.title.name)
class Late:
    pass
f = Field(1)
Late.added = f
print(hasattr(f, "name"))
class Noisy:
    def __set_name__(self, owner, name):
        raise ValueError("refused " + name)
try:
    class Host:
        n = Noisy()
except ValueError as e:
    print(type(e).__name__, e, type(e.__cause__).__name__ if e.__cause__ else None, e.__notes__ if hasattr(e, "__notes__") else None)
