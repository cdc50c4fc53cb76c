# collections.ChainMap: layered lookups, writes go to the first map, new_child/parents, and len/iteration.
from collections import ChainMap
defaults = {"color": "red", "user": "guest", "debug": False}
env = {"user": "admin"}
cli = {"debug": True}
cfg = ChainMap(cli, env, defaults)
print(cfg["color"], cfg["user"], cfg["debug"], len(cfg), sorted(cfg), dict(cfg))
cfg["color"] = "blue"
print(cli, defaults["color"], cfg.maps[0] is cli)
child = cfg.new_child({"user": "temp"})
print(child["user"], child.parents["user"], len(child.maps), "temp" in child.values())
del cfg["color"]
print(cfg["color"])
try:
    del cfg["user"]
except KeyError as e:
    print("KeyError:", e)
print(repr(ChainMap({"a": 1}, {"b": 2})), ChainMap().get("x", "none"), list(ChainMap({"x": 1}, {"x": 2, "y": 3}).items()))
