# The node classes: fields, attributes, constructors, defaults, pickling.
import ast
import copy
import pickle

print(ast.AST._fields, ast.AST._attributes)
# (Classes whose fields and docs did not change in 3.12-3.14.)
for cls in (ast.Module, ast.Name, ast.Constant, ast.arguments, ast.arg,
            ast.keyword, ast.alias, ast.withitem, ast.match_case, ast.MatchAs, ast.Load,
            ast.ExceptHandler, ast.comprehension, ast.TypeIgnore, ast.FormattedValue):
    print(cls.__name__, cls._fields, cls._attributes, cls.__match_args__, cls.__module__)
    print(' ', cls.__doc__)
for cls in (ast.pattern, ast.operator, ast.cmpop, ast.expr_context):
    print(cls.__name__, [b.__name__ for b in cls.__mro__], repr(cls.__doc__))
print(issubclass(ast.BinOp, ast.expr), issubclass(ast.Add, ast.operator), isinstance(ast.Load(), ast.AST))
print(ast.PyCF_ONLY_AST, ast.PyCF_TYPE_COMMENTS, ast.PyCF_ALLOW_TOP_LEVEL_AWAIT)

# Positional and keyword fields, class-level None defaults for optional fields.
n = ast.Name('x', ast.Load(), lineno=3)
print(n.id, type(n.ctx).__name__, n.lineno, n.end_lineno)
c = ast.Constant(5)
print(c.value, c.kind)
print(ast.Constant.kind, ast.arg.annotation, ast.expr.end_lineno)
print(ast.dump(ast.BinOp(ast.Constant(1), ast.Add(), right=ast.Constant(2))))
for args in [(1, 2, 3), (1,)]:
    try:
        print(ast.Load(*args))
    except TypeError as e:
        print('TypeError', e)
try:
    ast.Name(1, 2, 3)
except TypeError as e:
    print('TypeError', e)

# Subclasses and extra attributes.
class MyName(ast.Name):
    _fields = ('id', 'ctx', 'note')
m = MyName('a', ast.Load(), 'n')
print(m.note, isinstance(m, ast.expr))

# copy / deepcopy / pickle through __reduce__.
tree = ast.parse("def f(x):\n    return x * 2\n")
print(ast.dump(copy.deepcopy(tree), include_attributes=True) == ast.dump(tree, include_attributes=True))
print(ast.dump(pickle.loads(pickle.dumps(tree))) == ast.dump(tree))
c2 = copy.copy(tree.body[0])
print(c2.name, c2.body is tree.body[0].body)
r = ast.Name('z', ast.Load()).__reduce__()
print(r[0].__name__, r[1], sorted(r[2]))

# match on nodes uses __match_args__.
match ast.parse("a + 1", mode="eval").body:
    case ast.BinOp(ast.Name(id), ast.Add(), ast.Constant(v)):
        print("matched", id, v)
