"""A small Lisp interpreter (Scheme flavoured): reader, environments,
special forms, tail calls via a trampoline loop, and a REPL-style driver."""
import math
import operator as op
from functools import reduce


class Symbol(str):
    pass


class LispError(Exception):
    pass


Nil = []


def tokenize(s):
    return s.replace("(", " ( ").replace(")", " ) ").replace("'", " ' ").split()


def read_from(tokens):
    if not tokens:
        raise LispError("unexpected EOF")
    tok = tokens.pop(0)
    if tok == "(":
        out = []
        while tokens and tokens[0] != ")":
            out.append(read_from(tokens))
        if not tokens:
            raise LispError("missing )")
        tokens.pop(0)
        return out
    if tok == ")":
        raise LispError("unexpected )")
    if tok == "'":
        return [Symbol("quote"), read_from(tokens)]
    return atom(tok)


def atom(tok):
    if tok == "#t":
        return True
    if tok == "#f":
        return False
    if tok.startswith('"') and tok.endswith('"') and len(tok) >= 2:
        return tok[1:-1]
    for conv in (int, float):
        try:
            return conv(tok)
        except ValueError:
            pass
    return Symbol(tok)


def parse_all(src):
    tokens = tokenize(src)
    exprs = []
    while tokens:
        exprs.append(read_from(tokens))
    return exprs


class Env(dict):
    def __init__(self, params=(), args=(), outer=None):
        super().__init__()
        if isinstance(params, Symbol):
            self[params] = list(args)
        else:
            if len(params) != len(args):
                raise LispError(f"expected {len(params)} args, got {len(args)}")
            self.update(zip(params, args))
        self.outer = outer

    def find(self, var):
        env = self
        while env is not None:
            if var in env:
                return env
            env = env.outer
        raise LispError(f"unbound symbol: {var}")


class Procedure:
    def __init__(self, params, body, env, name="lambda"):
        self.params, self.body, self.env, self.name = params, body, env, name

    def __repr__(self):
        return f"#<procedure {self.name}>"


def standard_env():
    env = Env()
    env.update(vars(math))
    env.update({
        "+": lambda *a: sum(a), "-": lambda a, *b: -a if not b else a - sum(b),
        "*": lambda *a: reduce(op.mul, a, 1), "/": op.truediv, "quotient": op.floordiv,
        "remainder": op.mod, ">": op.gt, "<": op.lt, ">=": op.ge, "<=": op.le, "=": op.eq,
        "abs": abs, "append": op.add, "apply": lambda f, args: f(*args),
        "car": lambda x: x[0], "cdr": lambda x: x[1:], "cons": lambda x, y: [x] + y,
        "eq?": op.is_, "equal?": op.eq, "length": len, "list": lambda *x: list(x),
        "list?": lambda x: isinstance(x, list), "map": lambda f, xs: [f(x) for x in xs],
        "filter": lambda f, xs: [x for x in xs if f(x)], "max": max, "min": min,
        "not": op.not_, "null?": lambda x: x == [], "number?": lambda x: isinstance(x, (int, float)),
        "procedure?": callable, "round": round, "symbol?": lambda x: isinstance(x, Symbol),
        "display": lambda x: print(to_string(x), end=""), "newline": lambda: print(),
        "error": lambda *a: (_ for _ in ()).throw(LispError(" ".join(map(to_string, a)))),
    })
    return env


GLOBAL = standard_env()


def evaluate(x, env=GLOBAL):
    while True:
        if isinstance(x, Symbol):
            return env.find(x)[x]
        if not isinstance(x, list):
            return x
        if not x:
            return Nil
        head, *args = x
        if head == "quote":
            return args[0]
        if head == "if":
            test, conseq, alt = (args + [False])[:3]
            x = conseq if evaluate(test, env) is not False else alt
            continue
        if head == "define":
            target, *body = args
            if isinstance(target, list):
                name, *params = target
                env[name] = Procedure(params, [Symbol("begin"), *body], env, name)
            else:
                env[target] = evaluate(body[0], env)
            return None
        if head == "set!":
            env.find(args[0])[args[0]] = evaluate(args[1], env)
            return None
        if head == "lambda":
            params, *body = args
            return Procedure(params, [Symbol("begin"), *body], env)
        if head == "begin":
            for e in args[:-1]:
                evaluate(e, env)
            x = args[-1]
            continue
        if head == "let":
            bindings, *body = args
            names = [b[0] for b in bindings]
            vals = [evaluate(b[1], env) for b in bindings]
            env = Env(names, vals, env)
            x = [Symbol("begin"), *body]
            continue
        if head == "cond":
            for test, *body in args:
                if test == "else" or evaluate(test, env) is not False:
                    x = [Symbol("begin"), *body]
                    break
            else:
                return None
            continue
        if head == "and":
            val = True
            for e in args:
                val = evaluate(e, env)
                if val is False:
                    break
            return val
        proc = evaluate(head, env)
        vals = [evaluate(a, env) for a in args]
        if isinstance(proc, Procedure):
            env = Env(proc.params, vals, proc.env)
            x = proc.body
            continue
        if not callable(proc):
            raise LispError(f"not a procedure: {to_string(proc)}")
        try:
            return proc(*vals)
        except (TypeError, ZeroDivisionError, IndexError) as e:
            raise LispError(f"{head}: {e}") from e


def to_string(x):
    if x is True:
        return "#t"
    if x is False:
        return "#f"
    if isinstance(x, Symbol):
        return x
    if isinstance(x, str):
        return f'"{x}"'
    if isinstance(x, list):
        return "(" + " ".join(map(to_string, x)) + ")"
    if isinstance(x, float) and x.is_integer() and abs(x) < 1e16:
        return f"{x:.1f}"
    return str(x)


PROGRAM = """
(define (fact n) (if (<= n 1) 1 (* n (fact (- n 1)))))
(fact 30)
(define (count-down n acc) (if (= n 0) acc (count-down (- n 1) (+ acc 1))))
(count-down 20000 0)
(define (fib n) (cond ((< n 2) n) (else (+ (fib (- n 1)) (fib (- n 2))))))
(map fib '(0 1 2 3 4 5 6 7 8 9 10))
(define make-counter (lambda () (let ((n 0)) (lambda () (set! n (+ n 1)) n))))
(define c (make-counter))
(c) (c) (c)
(define (compose f g) (lambda (x) (f (g x))))
((compose (lambda (x) (* x x)) (lambda (x) (+ x 1))) 6)
(filter (lambda (x) (= (remainder x 3) 0)) '(1 2 3 4 5 6 7 8 9))
(apply + (list 1 2 3 4))
(define (qsort l)
  (if (null? l) '()
      (let ((p (car l)) (rest (cdr l)))
        (append (qsort (filter (lambda (x) (< x p)) rest))
                (append (list p) (qsort (filter (lambda (x) (>= x p)) rest)))))))
(qsort '(3 1 4 1 5 9 2 6 5 3 5))
(sqrt 2) (* 1.0 10) pi (/ 1 3) (quotient 17 5)
(begin (display "hi there") (newline) 'done)
(and 1 2 #f 3) (and)
(list "str" 'sym 2.5 #t '())
(define (variadic . args) args)
(car '())
(undefined-thing 1)
(1 2 3)
(fact 1 2)
(/ 1 0)
(error "custom" 'failure 42)
"""

for expr in parse_all(PROGRAM):
    try:
        val = evaluate(expr)
        if val is not None:
            print(to_string(val))
    except LispError as e:
        print(f"error: {e}")
    except RecursionError:
        print("error: recursion too deep")

for bad in ["(+ 1 2", ")", "(define x"]:
    try:
        parse_all(bad)
    except LispError as e:
        print(f"read error in {bad!r}: {e}")
print(repr(GLOBAL["fact"]), type(Symbol("x")).__mro__[1].__name__, Symbol("a") == "a")
