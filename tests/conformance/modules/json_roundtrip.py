# JSON round trips with custom encoders/decoders and file-like objects.
import io
import json
class Point:
    def __init__(self, x, y):
        self.x, self.y = x, y
class PointEncoder(json.JSONEncoder):
    def default(self, o):
        if isinstance(o, Point):
            return {"__point__": [o.x, o.y]}
        return super().default(o)
def decode(d):
    if "__point__" in d:
        return Point(*d["__point__"])
    return d
shapes = {"triangle": [Point(0, 0), Point(4, 0), Point(0, 3)], "meta": {"units": "cm", "scale": 1.5}}
s = json.dumps(shapes, cls=PointEncoder, indent=1)
print(s)
back = json.loads(s, object_hook=decode)
print([(p.x, p.y) for p in back["triangle"]], back["meta"])
buf = io.StringIO()
json.dump({"k": [1, 2, {"z": None}]}, buf, sort_keys=True, indent=3)
print(buf.getvalue())
buf.seek(0)
print(json.load(buf))
try:
    json.dumps(Point(1, 2))
except TypeError as e:
    print("TypeError:", e)
records = [{"id": i, "tags": ["t%d" % j for j in range(i)]} for i in range(4)]
line = json.dumps(records)
print(line, json.loads(line) == records)
