class ValidationError(Exception):
    pass
def validate(age):
    if age < 0:
        err = ValidationError(f"age must be non-negative, got {age}")
        err.add_note("hint: check the input file")
        raise err
validate(5)
validate(-3)
