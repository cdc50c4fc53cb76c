# An exception raised while a class body executes: the traceback shows the class body frame.
class Config:
    defaults = {"port": 8080}
    port = defaults["port"]
    print("port", port)
    host = defaults["host"]
