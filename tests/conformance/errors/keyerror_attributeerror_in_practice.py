# Realistic lookups failing: nested config access, attribute typos on objects, and friendly fallbacks.
config = {"db": {"host": "localhost", "port": 5432}, "features": ["a", "b"]}
def get_path(d, path):
    cur = d
    for part in path.split("."):
        try:
            cur = cur[int(part)] if isinstance(cur, list) else cur[part]
        except KeyError as e:
            raise KeyError(f"missing {part!r} in {path!r}") from e
        except IndexError as e:
            raise IndexError(f"index {part} out of range in {path!r}") from e
    return cur
for path in ["db.host", "db.port", "db.user", "features.1", "features.5", "cache.size"]:
    try:
        print(path, "=", get_path(config, path))
    except (KeyError, IndexError) as e:
        print(path, "->", type(e).__name__, e, "| cause:", type(e.__cause__).__name__)
class Settings:
    def __init__(self):
        self.timeout = 30
        self.retries = 3
s = Settings()
for name in ["timeout", "retries", "timout", "verbose"]:
    try:
        print(name, getattr(s, name))
    except AttributeError as e:
        print(name, "-> AttributeError:", e, "| name:", e.name, "| obj is s:", e.obj is s)
