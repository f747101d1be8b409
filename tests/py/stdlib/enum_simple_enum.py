# enum._simple_enum with a custom __new__ (http.HTTPStatus is built this way).
from enum import IntEnum, Enum, _simple_enum
import http

@_simple_enum(IntEnum)
class Status:
    """Status codes."""
    def __new__(cls, value, phrase, description=""):
        obj = int.__new__(cls, value)
        obj._value_ = value
        obj.phrase = phrase
        obj.description = description
        return obj

    @property
    def is_error(self):
        return self >= 400

    OK = 200, "OK", "fine"
    NOT_FOUND = 404, "Not Found"

print(Status.OK, repr(Status.NOT_FOUND), Status(404).phrase, Status.OK.description, Status.NOT_FOUND.is_error)
print(list(Status), Status.__doc__, Status.OK + 1, isinstance(Status.OK, int))

@_simple_enum(Enum)
class Color:
    RED = 1
    GREEN = 2
    def describe(self):
        return f"{self.name}={self.value}"
print(Color.GREEN.describe(), list(Color), Color(1))

print(http.HTTPStatus.NOT_FOUND, http.HTTPStatus(418).phrase, repr(http.HTTPStatus.OK))
print(http.HTTPStatus.OK.description, http.HTTPMethod.GET, http.HTTPStatus.NOT_FOUND.is_client_error)
