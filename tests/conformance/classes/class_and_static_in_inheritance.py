# classmethods construct the right subclass; staticmethods are inherited; overriding and calling super.
class Shape:
    registry = []
    def __init__(self, *dims):
        self.dims = dims
    @classmethod
    def unit(cls):
        return cls(*([1] * cls.ndims))
    @staticmethod
    def register(cls):
        Shape.registry.append(cls.__name__)
        return cls
    @staticmethod
    def describe_dims(dims):
        return "x".join(map(str, dims))
    def __repr__(self):
        return f"{type(self).__name__}({self.describe_dims(self.dims)})"
@Shape.register
class Square(Shape):
    ndims = 1
@Shape.register
class Box(Shape):
    ndims = 3
    @classmethod
    def unit(cls):
        base = super().unit()
        base.dims = tuple(d * 2 for d in base.dims)
        return base
    @staticmethod
    def describe_dims(dims):
        return "box " + Shape.describe_dims(dims)
print(Square.unit(), Box.unit(), Shape.registry, Box.register is Shape.register, Box(1, 2, 3), Square.describe_dims((4,)), Box.describe_dims((1,)))
print(type(Square.unit()).__name__, isinstance(Box.unit(), Shape), Box.unit.__func__ is Box.__dict__["unit"].__func__)
