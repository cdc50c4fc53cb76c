# "The above exception was the direct cause of the following exception".
class ConfigError(Exception):
    pass
def read_port(text):
    try:
        return int(text)
    except ValueError as e:
        raise ConfigError("port must be a number") from e
print(read_port("8080"))
read_port("eighty")
