__all__ = ["public_a", "_exported_private"]
public_a = "A"
public_b = "B"
_exported_private = "P"
