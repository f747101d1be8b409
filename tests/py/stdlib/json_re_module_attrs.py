# Module attributes programs print or test: json's and re's __version__,
# json.__author__, and json.scanner (a loaded submodule in CPython).
import json
import re

print(json.__version__, re.__version__, json.__author__)
print(json.scanner.make_scanner is not None, "scanner" in dir(json))
scan = json.scanner.make_scanner(json.JSONDecoder())
print(scan('{"a": [1, 2.5]} tail', 0))
