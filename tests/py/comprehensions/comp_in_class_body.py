class Config:
    keys = ["a", "b", "c"]
    defaults = {k: None for k in keys}
    upper = [k.upper() for k in keys]
    pairs = [(k, i) for i, k in enumerate(keys)]
print(Config.defaults, Config.upper, Config.pairs)
print(hasattr(Config, "k"), hasattr(Config, "i"))
