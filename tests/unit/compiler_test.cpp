// Compiler tests: structure of the generated code (checked by verify_code
// and by looking at the instructions), SyntaxError messages and positions
// compared with CPython 3.11, and programs run end to end whose results were
// produced by python3 (tests/compiler/compare_errors.py does the same for a
// longer list of errors through tools/ftpy_dis).
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "compile/compiler.h"
#include "compile/disassembler.h"
#include "compile/opcodes.h"
#include "objects/tuple.h"
#include "runtime_fixture.h"

namespace ftpy {
namespace {

class CompilerTest : public RuntimeTest {
 protected:
  // Compiles `src` (exec mode); fails the test on error. Verifies every
  // code object in the tree.
  Ref<Code> compile_ok(const std::string& src) {
    SyntaxErrorInfo err;
    Ref<Code> code = compile_string(src, "<test>", 0, CompileOptions{}, &err);
    EXPECT_TRUE(code) << "compile failed: " << err.msg << " (line " << err.lineno << ")";
    if (code) verify_tree(code.get());
    return code;
  }
  void verify_tree(Code* c) {
    EXPECT_EQ(verify_code(c), "") << disassemble(c, false);
    for (int64_t i = 0; i < tuple_size(c->consts); i++)
      if (is_code(tuple_item(c->consts, i))) verify_tree(tuple_item(c->consts, i).as<Code>());
  }
  // The first nested code object named `name`.
  Code* find_code(Code* c, const std::string& name) {
    if (str_view(c->name) == name) return c;
    for (int64_t i = 0; i < tuple_size(c->consts); i++) {
      Value v = tuple_item(c->consts, i);
      if (is_code(v))
        if (Code* r = find_code(v.as<Code>(), name)) return r;
    }
    return nullptr;
  }
  std::vector<std::pair<Opcode, uint32_t>> instrs(Code* c) {
    std::vector<std::pair<Opcode, uint32_t>> out;
    for (uint32_t i = 0; i < c->ncode; i += 1 + op_cache(instr_op(c->code[i])))
      out.emplace_back(instr_op(c->code[i]), instr_arg(c->code[i]));
    return out;
  }
  bool has_op(Code* c, Opcode op) {
    for (auto& [o, a] : instrs(c))
      if (o == op) return true;
    return false;
  }
  SyntaxErrorInfo compile_err(const std::string& src) {
    SyntaxErrorInfo err;
    Ref<Code> code = compile_string(src, "<test>", 0, CompileOptions{}, &err);
    EXPECT_FALSE(code) << "expected a SyntaxError for: " << src;
    return err;
  }
};

// ---- structure ----------------------------------------------------------------

TEST_F(CompilerTest, LocalsUseFastSlotsAndGlobalCallsPushNull) {
  Ref<Code> m = compile_ok("def f(a):\n    b = a\n    return len(b)\n");
  Code* f = find_code(m.get(), "f");
  ASSERT_TRUE(f);
  EXPECT_TRUE(has_op(f, OP_LOAD_FAST));
  EXPECT_TRUE(has_op(f, OP_STORE_FAST));
  EXPECT_FALSE(has_op(f, OP_LOAD_NAME));
  bool global_call = false;
  for (auto& [op, a] : instrs(f))
    if (op == OP_LOAD_GLOBAL && (a & 1)) global_call = true;
  EXPECT_TRUE(global_call);
  EXPECT_EQ(f->argcount, 1);
  EXPECT_EQ(f->nlocals, 2);
}

TEST_F(CompilerTest, MethodCallsUseMethodFormOfLoadAttr) {
  Ref<Code> m = compile_ok("def f(x):\n    return x.strip()\n");
  Code* f = find_code(m.get(), "f");
  bool method = false;
  for (auto& [op, a] : instrs(f))
    if (op == OP_LOAD_ATTR && (a & 1)) method = true;
  EXPECT_TRUE(method);
}

TEST_F(CompilerTest, ReturnNoneUsesReturnConst) {
  Ref<Code> m = compile_ok("def f():\n    pass\n");
  Code* f = find_code(m.get(), "f");
  auto v = instrs(f);
  ASSERT_FALSE(v.empty());
  EXPECT_EQ(v.back().first, OP_RETURN_CONST);
  EXPECT_TRUE(is_none(tuple_item(f->consts, v.back().second)));
}

TEST_F(CompilerTest, DocstringIsFirstConstant) {
  Ref<Code> m = compile_ok("def f():\n    'the doc'\n    return 1\n");
  Code* f = find_code(m.get(), "f");
  EXPECT_TRUE(f->flags & kCoHasDocstring);
  EXPECT_EQ(str_view(tuple_item(f->consts, 0)), "the doc");
}

TEST_F(CompilerTest, TupleOfConstantsIsFolded) {
  Ref<Code> m = compile_ok("x = (1, 'a', (2.5, None), -3)\n");
  EXPECT_FALSE(has_op(m.get(), OP_BUILD_TUPLE));
}

TEST_F(CompilerTest, SmallNumericArithmeticIsFolded) {
  Ref<Code> m = compile_ok("x = 60 * 60 + (1 << 4)\ny = 0.5 * 3\nz = 1 / 0 if 0 else 2 ** 100\n");
  auto v = instrs(m.get());
  int binops = 0, jumps = 0;
  for (auto& [op, a] : v) {
    binops += op == OP_BINARY_OP;
    jumps += op == OP_JUMP_FORWARD;
  }
  EXPECT_EQ(binops, 1);  // 2 ** 100 is not folded (large result)
  EXPECT_EQ(jumps, 0);   // the dead branch and its jump are gone
  EXPECT_EQ(v[1].first, OP_LOAD_SMALL_INT);
  EXPECT_EQ(v[1].second, 3616u);
}

TEST_F(CompilerTest, ClosuresMakeCellsAndFreeVars) {
  Ref<Code> m = compile_ok("def f(a):\n    def g():\n        return a\n    return g\n");
  Code* f = find_code(m.get(), "f");
  Code* g = find_code(m.get(), "g");
  EXPECT_EQ(f->ncells, 1);
  EXPECT_EQ(g->nfrees, 1);
  EXPECT_TRUE(has_op(f, OP_MAKE_CELL));
  EXPECT_TRUE(has_op(g, OP_LOAD_DEREF));
}

TEST_F(CompilerTest, GeneratorsStartWithReturnGeneratorAndHaveHandler) {
  Ref<Code> m = compile_ok("def g():\n    yield 1\n");
  Code* g = find_code(m.get(), "g");
  EXPECT_TRUE(g->flags & kCoGenerator);
  EXPECT_EQ(instrs(g)[0].first, OP_RETURN_GENERATOR);
  EXPECT_FALSE(g->exception_table->empty());
}

TEST_F(CompilerTest, TryFinallyHasLastiCleanupHandler) {
  Ref<Code> m = compile_ok("try:\n    f()\nfinally:\n    g()\n");
  bool lasti = false;
  for (auto& e : *m->exception_table) lasti = lasti || e.lasti;
  EXPECT_TRUE(lasti);
}

TEST_F(CompilerTest, ComplexProgramsVerify) {
  compile_ok(R"py(
import os
class A(object, metaclass=type):
    x: int = 1
    def m(self, *a, k=1, **kw):
        try:
            with open(a) as f, g() as (h, i):
                for j in range(3):
                    if j: continue
                    while True:
                        break
                return [x for x in y] if 0 else None
        except (ValueError, TypeError) as e:
            raise RuntimeError from e
        finally:
            del k
async def co():
    async with a as b:
        async for c in b:
            await c
    return {k: v async for k, v in z()}
match p:
    case [1, *r] | (2, *r): pass
    case {'a': 1, **kw}: pass
    case C(1, b=2) as c if c: pass
    case _: pass
type T[X: int = str, *Ts, **P] = list[X]
def gen[U](u: U) -> U: return u
class G[V](Base): pass
)py");
}

TEST_F(CompilerTest, DeepNestingIsAnErrorNotACrash) {
  std::string src = "x = " + std::string(20000, '-') + "1\n";
  SyntaxErrorInfo err;
  Ref<Code> code = compile_string(src, "<test>", 0, CompileOptions{}, &err);
  EXPECT_FALSE(code);
  EXPECT_FALSE(err.type.empty());
}

// ---- errors (messages and positions from python3 3.11) ----------------------------

struct ErrorCase {
  const char* src;
  const char* msg;
  int lineno, offset;
};

TEST_F(CompilerTest, SyntaxErrorsMatchCPython) {
  const ErrorCase cases[] = {
      {"return 1", "'return' outside function", 1, 1},
      {"def f():\n    continue", "'continue' not properly in loop", 2, 5},
      {"break", "'break' outside loop", 1, 1},
      {"__debug__ = 1", "cannot assign to __debug__", 1, 1},
      {"a, *b, *c = x", "multiple starred expressions in assignment", 1, 1},
      {"async def f():\n    yield 1\n    return 2", "'return' with value in async generator", 3, 5},
      {"def f():\n    [x async for x in y]", "asynchronous comprehension outside of an asynchronous function", 2, 5},
      {"def f():\n    await x", "'await' outside async function", 2, 5},
      {"f(a=1, a=2)", "keyword argument repeated: a", 1, 8},
      {"match x:\n    case y:\n        pass\n    case 1:\n        pass", "name capture 'y' makes remaining patterns unreachable", 2, 10},
      {"match x:\n    case [a, a]:\n        pass", "multiple assignments to name 'a' in pattern", 2, 14},
      {"match x:\n    case [a] | [b]:\n        pass", "alternative patterns bind different names", 2, 17},
      {"try:\n    pass\nexcept* E:\n    break", "'break', 'continue' and 'return' cannot appear in an except* block", 4, 5},
      {"async def f():\n    yield from x", "'yield from' inside async function", 2, 5},
      {"x = 1\n" "for a in b:\n for a in b:\n  for a in b:\n   for a in b:\n    for a in b:\n     for a in b:\n"
       "      for a in b:\n       for a in b:\n        for a in b:\n         for a in b:\n          for a in b:\n"
       "           for a in b:\n            for a in b:\n             for a in b:\n              for a in b:\n"
       "               for a in b:\n                for a in b:\n                 for a in b:\n"
       "                  for a in b:\n                   for a in b:\n                    for a in b:\n"
       "                     pass",
       "too many statically nested blocks", 22, 21},
  };
  for (const ErrorCase& c : cases) {
    SyntaxErrorInfo e = compile_err(c.src);
    EXPECT_EQ(e.type, "SyntaxError") << c.src;
    EXPECT_EQ(e.msg, c.msg) << c.src;
    EXPECT_EQ(e.lineno, c.lineno) << c.src;
    EXPECT_EQ(e.offset, c.offset) << c.src;
  }
}

TEST_F(CompilerTest, CompileSourceRaisesSyntaxErrorWithDetails) {
  EXPECT_FALSE(exec("def f():\n    x = 1\n    return\nbreak\n"));
  EXPECT_EQ(last_error_, "SyntaxError: 'break' outside loop");
}

// ---- programs (expected values printed by python3) ---------------------------------

struct RunCase {
  const char* name;
  const char* setup;
  const char* expr;
  const char* expected;
};

const RunCase kRunCases[] = {
    {"ChainedComparisonShortCircuits",
     R"py(calls = []
def v(x):
    calls.append(x)
    return x
r = v(1) < v(2) > v(3) < v(4))py",
     R"py((r, calls))py",
     R"py((False, [1, 2, 3]))py"},
    {"BoolOpsReturnOperands",
     R"py()py",
     R"py((0 or 'a', 1 and [], None or 0 or 3, 2 and 3 and 4))py",
     R"py(('a', [], 3, 4))py"},
    {"ClosuresCaptureCells",
     R"py(def mk():
    xs = []
    for i in range(3):
        xs.append(lambda i=i: i * 10)
    return [f() for f in xs]
r = mk())py",
     R"py(r)py",
     R"py([0, 10, 20])py"},
    {"NonlocalRebindsEnclosing",
     R"py(def outer():
    n = 0
    def inc():
        nonlocal n
        n += 1
    inc(); inc()
    return n
r = outer())py",
     R"py(r)py",
     R"py(2)py"},
    {"StarredUnpacking",
     R"py(a, *b, c = range(6)
(d, e), f = [1, 2], 3)py",
     R"py((a, b, c, d, e, f))py",
     R"py((0, [1, 2, 3, 4], 5, 1, 2, 3))py"},
    {"CallWithStarArgsAndKwargs",
     R"py(def f(*a, **k):
    return a, sorted(k.items())
r = f(1, *[2, 3], x=4, **{'y': 5}))py",
     R"py(r)py",
     R"py(((1, 2, 3), [('x', 4), ('y', 5)]))py"},
    {"KeywordOnlyAndDefaults",
     R"py(def f(a, b=2, /, c=3, *, d, e=5):
    return (a, b, c, d, e)
r = (f(1, d=4), f(1, 9, c=8, d=7, e=6)))py",
     R"py(r)py",
     R"py(((1, 2, 3, 4, 5), (1, 9, 8, 7, 6)))py"},
    {"TryExceptElseFinallyOrder",
     R"py(log = []
def f(x):
    try:
        log.append('t')
        if x: raise ValueError(x)
    except ValueError as e:
        log.append('e' + str(e))
    else:
        log.append('else')
    finally:
        log.append('f')
f(0); f(1))py",
     R"py(log)py",
     R"py(['t', 'else', 'f', 't', 'e1', 'f'])py"},
    {"ExceptNameIsDeletedAfterHandler",
     R"py(try:
    1/0
except ZeroDivisionError as e:
    pass
r = 'e' in dir())py",
     R"py(r)py",
     R"py(False)py"},
    {"ReturnInFinallyOverrides",
     R"py(def f():
    try:
        return 1
    finally:
        return 2
r = f())py",
     R"py(r)py",
     R"py(2)py"},
    {"BreakAndContinueThroughFinally",
     R"py(log = []
for i in range(4):
    try:
        if i == 1: continue
        if i == 3: break
        log.append(i)
    finally:
        log.append('f%d' % i))py",
     R"py(log)py",
     R"py([0, 'f0', 'f1', 2, 'f2', 'f3'])py"},
    {"WithCallsExitAndCanSuppress",
     R"py(log = []
class CM:
    def __init__(self, s): self.s = s
    def __enter__(self):
        log.append('enter'); return self
    def __exit__(self, t, v, tb):
        log.append(('exit', t.__name__ if t else None)); return self.s
with CM(True) as c:
    raise KeyError
with CM(False):
    pass
try:
    with CM(False):
        raise IndexError
except IndexError:
    log.append('caught'))py",
     R"py(log)py",
     R"py(['enter', ('exit', 'KeyError'), 'enter', ('exit', None), 'enter', ('exit', 'IndexError'), 'caught'])py"},
    {"GeneratorsAndYieldFrom",
     R"py(def g():
    x = yield 1
    yield x
    r = yield from h()
    yield r
def h():
    yield 'h'
    return 'ret'
it = g()
r = [next(it), it.send('sent'), next(it), next(it)])py",
     R"py(r)py",
     R"py([1, 'sent', 'h', 'ret'])py"},
    {"GeneratorReturnValueInStopIteration",
     R"py(def g():
    yield 1
    return 42
it = g(); next(it)
try:
    next(it)
except StopIteration as e:
    r = e.value)py",
     R"py(r)py",
     R"py(42)py"},
    {"ComprehensionsOfAllKinds",
     R"py(r = ([x*x for x in range(4) if x % 2], {x % 3 for x in range(9)}, {k: v for k, v in zip('ab', 'cd')}, list(y + 1 for y in range(3))))py",
     R"py(r)py",
     R"py(([1, 9], {0, 1, 2}, {'a': 'c', 'b': 'd'}, [1, 2, 3]))py"},
    {"NestedComprehensionUsesOuterVariable",
     R"py(r = [(i, j) for i in range(3) for j in range(i)])py",
     R"py(r)py",
     R"py([(1, 0), (2, 0), (2, 1)])py"},
    {"WalrusInComprehensionBindsOuter",
     R"py(def f():
    [y := x for x in range(5)]
    return y
r = f())py",
     R"py(r)py",
     R"py(4)py"},
    {"ClassBodyAndSuper",
     R"py(class A:
    def f(self): return 'A'
class B(A):
    'doc'
    x = 1
    def f(self): return 'B' + super().f()
r = (B().f(), B.__doc__, B.__qualname__, B.__module__, B.x))py",
     R"py(r)py",
     R"py(('BA', 'doc', 'B', '__test__', 1))py"},
    {"ClassKeywordsReachMetaclass",
     R"py(class M(type):
    def __new__(m, n, b, ns, **kw):
        c = super().__new__(m, n, b, ns)
        c.kw = kw
        return c
class C(metaclass=M, flag=1): pass
r = C.kw)py",
     R"py(r)py",
     R"py({'flag': 1})py"},
    {"DecoratorsApplyBottomUp",
     R"py(def d1(f): return lambda: 'd1(' + f() + ')'
def d2(f): return lambda: 'd2(' + f() + ')'
@d1
@d2
def f(): return 'f'
r = f())py",
     R"py(r)py",
     R"py('d1(d2(f))')py"},
    {"FStringsWithConversionsAndSpecs",
     R"py(x = 3.14159
w = 8
name = 'ab'
r = f'{x:.2f}|{name!r}|{x:>{w}.1f}|{name=}|{{}}')py",
     R"py(r)py",
     R"py("3.14|'ab'|     3.1|name='ab'|{}")py"},
    {"AugmentedAssignmentEvaluatesContainerOnce",
     R"py(calls = []
d = {'k': [1]}
def get():
    calls.append(1)
    return d
get()['k'] += [2]
class O: pass
o = O(); o.a = 1
o.a += 5)py",
     R"py((d, len(calls), o.a))py",
     R"py(({'k': [1, 2]}, 1, 6))py"},
    {"SliceLoadStoreDelete",
     R"py(a = list(range(10))
a[2:4] = ['x']
del a[::3]
r = (a, a[1:3], a[::-2]))py",
     R"py(r)py",
     R"py(([1, 'x', 5, 6, 8, 9], ['x', 5], [9, 6, 'x']))py"},
    {"DictDisplayWithUnpacking",
     R"py(a = {'x': 1}
r = {'w': 0, **a, 'y': 2, **{'x': 9}})py",
     R"py(r)py",
     R"py({'w': 0, 'x': 9, 'y': 2})py"},
    {"SetAndTupleDisplaysWithStars",
     R"py(t = (1, *[2, 3], 4)
s = {*t, 5})py",
     R"py((t, sorted(s)))py",
     R"py(((1, 2, 3, 4), [1, 2, 3, 4, 5]))py"},
    {"MatchSequenceAndMappingAndClass",
     R"py(class P:
    __match_args__ = ('x', 'y')
    def __init__(self, x, y): self.x, self.y = x, y
def m(s):
    match s:
        case [1, *rest]: return ('seq', rest)
        case {'k': v, **kw}: return ('map', v, kw)
        case P(0, y=yy) if yy > 1: return ('p', yy)
        case P(x=xx) | [xx]: return ('or', xx)
        case str() as st: return ('str', st)
        case _: return 'other'
r = [m([1, 2, 3]), m({'k': 1, 'z': 2}), m(P(0, 5)), m(P(7, 0)), m([9]), m('s'), m(3.5)])py",
     R"py(r)py",
     R"py([('seq', [2, 3]), ('map', 1, {'z': 2}), ('p', 5), ('or', 7), ('or', 9), ('str', 's'), 'other'])py"},
    {"MatchValuePatternsAndGuards",
     R"py(import math
def m(v):
    match v:
        case 0 | 1: return 'small'
        case math.pi: return 'pi'
        case None: return 'none'
        case -1: return 'neg'
        case x if x > 100: return 'big'
    return 'no'
r = [m(1), m(math.pi), m(None), m(-1), m(101), m(50)])py",
     R"py(r)py",
     R"py(['small', 'pi', 'none', 'neg', 'big', 'no'])py"},
    {"AnnotationsStoredAtModuleAndClassLevel",
     R"py(x: int = 1
y: 'str'
class C:
    a: float = 2.0
def f(p: int, *, q: str = '') -> bool: pass
r = (__annotations__, C.__annotations__, f.__annotations__))py",
     R"py(r)py",
     R"py(({'x': <class 'int'>, 'y': 'str'}, {'a': <class 'float'>}, {'p': <class 'int'>, 'q': <class 'str'>, 'return': <class 'bool'>}))py"},
    {"ImportFromAndAs",
     R"py(import os.path as osp
from os import sep as s, path
import os.path
r = (osp is path, s == os.sep))py",
     R"py(r)py",
     R"py((True, True))py"},
    {"GlobalStatementInFunction",
     R"py(g = 1
def f():
    global g
    g = 2
f())py",
     R"py(g)py",
     R"py(2)py"},
    {"LambdaWithDefaultsAndVarargs",
     R"py(f = lambda a, b=2, *c, **d: (a, b, c, d))py",
     R"py(f(1, 3, 4, e=5))py",
     R"py((1, 3, (4,), {'e': 5}))py"},
    {"WhileElseAndForElse",
     R"py(r = []
i = 0
while i < 3:
    i += 1
else:
    r.append('w')
for j in range(3):
    if j == 1: break
else:
    r.append('never')
for j in []:
    pass
else:
    r.append('f'))py",
     R"py(r)py",
     R"py(['w', 'f'])py"},
    {"AssertRaisesWithMessage",
     R"py(try:
    assert 1 == 2, 'msg'
except AssertionError as e:
    r = e.args)py",
     R"py(r)py",
     R"py(('msg',))py"},
    {"RaiseFromSetsCause",
     R"py(try:
    try:
        1/0
    except ZeroDivisionError as e:
        raise ValueError('v') from e
except ValueError as e2:
    r = type(e2.__cause__).__name__)py",
     R"py(r)py",
     R"py('ZeroDivisionError')py"},
    {"BareRaiseReraisesHandled",
     R"py(def f():
    try:
        raise KeyError('k')
    except KeyError:
        raise
try:
    f()
except KeyError as e:
    r = e.args)py",
     R"py(r)py",
     R"py(('k',))py"},
    {"ExceptStarSplitsGroups",
     R"py(log = []
try:
    raise ExceptionGroup('g', [ValueError(1), TypeError(2), KeyError(3)])
except* ValueError as e:
    log.append(('v', len(e.exceptions)))
except* (TypeError, KeyError) as e:
    log.append(('tk', len(e.exceptions))))py",
     R"py(log)py",
     R"py([('v', 1), ('tk', 2)])py"},
    {"NestedFunctionsQualnames",
     R"py(def a():
    def b():
        class C:
            def m(self): pass
        return C
    return b()
r = (a.__qualname__, a().__qualname__, a().m.__qualname__, (lambda: 0).__qualname__))py",
     R"py(r)py",
     R"py(('a', 'a.<locals>.b.<locals>.C', 'a.<locals>.b.<locals>.C.m', '<lambda>'))py"},
    {"ConstantFoldingKeepsSemantics",
     R"py(r = ((1, 2, (3, -4)), -0.0, -(2**70), -5j, (1, 2) is (1, 2)))py",
     R"py(r[:4])py",
     R"py(((1, 2, (3, -4)), -0.0, -1180591620717411303424, (-0-5j)))py"},
    {"ClassCellSetForZeroArgSuper",
     R"py(class A:
    def f(self): return __class__
r = A().f() is A)py",
     R"py(r)py",
     R"py(True)py"},
    {"DeleteStatementForms",
     R"py(x = 1
d = {'a': 1, 'b': 2}
class O: pass
o = O(); o.z = 1
del x, d['a'], o.z
r = ('x' in dir(), d, hasattr(o, 'z')))py",
     R"py(r)py",
     R"py((False, {'b': 2}, False))py"},
    {"ConditionalExpressionAndNot",
     R"py(f = lambda v: 'yes' if not v else 'no')py",
     R"py((f(0), f(1), f([]), f([0])))py",
     R"py(('yes', 'no', 'yes', 'no'))py"},
    {"CoroutineAwaitViaSend",
     R"py(class Aw:
    def __await__(self):
        x = yield 'paused'
        return x * 2
async def c():
    return await Aw() + 1
co = c()
first = co.send(None)
try:
    co.send(20)
except StopIteration as e:
    r = (first, e.value))py",
     R"py(r)py",
     R"py(('paused', 41))py"},
    {"AsyncForAndAsyncWith",
     R"py(log = []
class AI:
    def __init__(self): self.i = 0
    def __aiter__(self): return self
    async def __anext__(self):
        self.i += 1
        if self.i > 2: raise StopAsyncIteration
        return self.i
class ACM:
    async def __aenter__(self): log.append('ae'); return 'v'
    async def __aexit__(self, *a): log.append('ax')
async def main():
    async with ACM() as v:
        async for x in AI():
            log.append((v, x))
    return [y async for y in AI()]
co = main()
try:
    co.send(None)
except StopIteration as e:
    log.append(e.value))py",
     R"py(log)py",
     R"py(['ae', ('v', 1), ('v', 2), 'ax', [1, 2]])py"},
    {"StopIterationInGeneratorBecomesRuntimeError",
     R"py(def g():
    yield 1
    raise StopIteration
try:
    list(g())
except RuntimeError as e:
    r = str(e))py",
     R"py(r)py",
     R"py('generator raised StopIteration')py"},
};

TEST_F(CompilerTest, ProgramsBehaveLikeCPython) {
  for (const RunCase& c : kRunCases) {
    SetUp();  // fresh globals per program
    bool ok = exec(c.setup);
    EXPECT_TRUE(ok) << c.name << ": " << last_error_;
    if (ok) EXPECT_EQ(eval_repr(c.expr), c.expected) << c.name;
  }
}

}  // namespace
}  // namespace ftpy
