# __init_subclass__ with keyword arguments and plugin registries.
class Plugin:
    registry = {}
    def __init_subclass__(cls, /, name=None, **kwargs):
        super().__init_subclass__(**kwargs)
        cls.plugin_name = name or cls.__name__.lower()
        Plugin.registry[cls.plugin_name] = cls
class Alpha(Plugin):
    pass
class Beta(Plugin, name="bee"):
    pass
class Gamma(Beta):
    pass
print(sorted(Plugin.registry), Beta.plugin_name, Gamma.plugin_name, Plugin.registry["bee"].__name__)
class Strict:
    def __init_subclass__(cls, **kwargs):
        if not hasattr(cls, "required"):
            raise TypeError(f"{cls.__name__} must define 'required'")
        super().__init_subclass__(**kwargs)
class Good(Strict):
    required = 1
print(Good.required)
try:
    class BadSub(Strict):
        pass
except TypeError as e:
    print("TypeError:", e)
try:
    class Unexpected(Alpha, color="red"):
        pass
except TypeError as e:
    print("TypeError:", e)
