def evaluate(expr, env):
    match expr:
        case int() | float():
            return expr
        case str(name):
            return env[name]
        case ("+", left, right):
            return evaluate(left, env) + evaluate(right, env)
        case ("*", left, right):
            return evaluate(left, env) * evaluate(right, env)
        case ("neg", operand):
            return -evaluate(operand, env)
        case ("let", str(name), value, body):
            return evaluate(body, {**env, name: evaluate(value, env)})
        case ("if", cond, then, other):
            return evaluate(then if evaluate(cond, env) else other, env)
        case _:
            raise ValueError(f"bad expr {expr!r}")
print(evaluate(("+", 1, ("*", 2, 3)), {}))
print(evaluate(("let", "x", 5, ("*", "x", ("neg", "x"))), {}))
print(evaluate(("if", 0, 1, ("+", "y", 1)), {"y": 41}))
try:
    evaluate(("pow", 2, 3), {})
except ValueError as e:
    print(e)
