config = """
# comment
name = ftpy
version=3.14
 empty =
path = /usr/lib = weird
"""
settings = {}
for line in config.splitlines():
    line = line.strip()
    if not line or line.startswith("#"):
        continue
    key, sep, value = line.partition("=")
    settings[key.strip()] = value.strip()
print(settings)
print("a=b".partition("=")[2], "a".partition("=")[1] == "")
url = "https://example.com:8080/path/to/page?x=1&y=2#frag"
scheme, _, rest = url.partition("://")
rest, _, frag = rest.partition("#")
rest, _, query = rest.partition("?")
host, _, path = rest.partition("/")
print(scheme, host, path, dict(p.split("=") for p in query.split("&")), frag)
