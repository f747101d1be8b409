#include <gtest/gtest.h>

#include "compile/symtable.h"
#include "parse/parser.h"

namespace ftpy {
namespace {

struct Built {
  ParseResult r;
  std::unique_ptr<SymbolTable> t;
  SyntaxErrorInfo err;
};

Built build(std::string_view src) {
  Built b;
  b.r = parse(src, "<test>", ParseMode::Exec);
  EXPECT_FALSE(b.r.error) << (b.r.error ? b.r.error->msg : "");
  if (!b.r.error) b.t = build_symtable(b.r.mod, b.r.source, &b.err);
  return b;
}

std::string error_msg(std::string_view src) {
  Built b = build(src);
  return b.t ? std::string("<no error>") : b.err.msg;
}

TEST(SymtableTest, ClosuresGetCellsAndFreeVars) {
  Built b = build("def f(a, *args, **kw):\n  x = 1\n  def g():\n    return x + y\n  return g\n");
  ASSERT_TRUE(b.t);
  Scope* f = b.t->top->children[0];
  Scope* g = f->children[0];
  EXPECT_EQ(f->scope_of("x"), SymScope::Cell);
  EXPECT_EQ(f->scope_of("a"), SymScope::Local);
  EXPECT_TRUE(f->lookup("a")->is(kDefParam));
  EXPECT_TRUE(f->has_varargs);
  EXPECT_TRUE(f->has_varkeywords);
  EXPECT_EQ(g->scope_of("x"), SymScope::Free);
  EXPECT_EQ(g->scope_of("y"), SymScope::GlobalImplicit);
  EXPECT_EQ(b.t->top->scope_of("f"), SymScope::Local);
}

TEST(SymtableTest, SuperCreatesClassCell) {
  Built b = build("class A:\n  def m(self):\n    return super().m()\n");
  ASSERT_TRUE(b.t);
  Scope* a = b.t->top->children[0];
  EXPECT_TRUE(a->needs_class_closure);
  EXPECT_EQ(a->children[0]->scope_of("__class__"), SymScope::Free);
}

TEST(SymtableTest, GeneratorAndCoroutineFlags) {
  Built b = build("def g():\n  yield 1\nasync def c():\n  await x\nasync def ag():\n  yield 1\n");
  ASSERT_TRUE(b.t);
  EXPECT_TRUE(b.t->top->children[0]->is_generator);
  EXPECT_TRUE(b.t->top->children[1]->is_coroutine);
  EXPECT_TRUE(b.t->top->children[2]->is_async_generator());
}

TEST(SymtableTest, ComprehensionsAreFunctionScopes) {
  Built b = build("def f():\n  return [y := i for i in range(3)]\n");
  ASSERT_TRUE(b.t);
  Scope* f = b.t->top->children[0];
  Scope* comp = f->children[0];
  EXPECT_EQ(comp->name, "listcomp");
  EXPECT_EQ(comp->comprehension, ComprehensionKind::List);
  EXPECT_EQ(comp->scope_of("i"), SymScope::Local);
  EXPECT_EQ(comp->scope_of("y"), SymScope::Free);
  EXPECT_EQ(f->scope_of("y"), SymScope::Cell);
  EXPECT_EQ(b.t->lookup(ast::cast<ast::Return>(
                ast::cast<ast::FunctionDef>(static_cast<ast::Module*>(b.r.mod)->body[0])->body[0])
                              ->value),
            comp);
}

TEST(SymtableTest, PrivateNamesAreMangled) {
  Built b = build("class _Foo:\n  __x = 1\n  def m(self):\n    return self.__y, __z\n");
  ASSERT_TRUE(b.t);
  Scope* c = b.t->top->children[0];
  EXPECT_NE(c->lookup("_Foo__x"), nullptr);
  EXPECT_NE(c->children[0]->lookup("_Foo__z"), nullptr);
  EXPECT_EQ(mangle("_Foo", "__init__"), "__init__");
  EXPECT_EQ(mangle("___", "__x"), "__x");
}

TEST(SymtableTest, TypeParameterScopes) {
  Built b = build("def f[T](x: T) -> T:\n  return x\ntype A[U] = list[U]\n");
  ASSERT_TRUE(b.t);
  Scope* tp = b.t->top->children[0];
  EXPECT_EQ(tp->type, BlockType::TypeParameters);
  EXPECT_EQ(tp->scope_of("T"), SymScope::Local);
  EXPECT_EQ(tp->children[0]->name, "f");
  Scope* alias_tp = b.t->top->children[1];
  EXPECT_EQ(alias_tp->children[0]->type, BlockType::TypeAlias);
  EXPECT_EQ(alias_tp->children[0]->scope_of("U"), SymScope::Free);
}

TEST(SymtableTest, ReportsCPythonErrors) {
  EXPECT_EQ(error_msg("nonlocal x\n"), "nonlocal declaration not allowed at module level");
  EXPECT_EQ(error_msg("def f():\n  nonlocal x\n"), "no binding for nonlocal 'x' found");
  EXPECT_EQ(error_msg("def f():\n  print(x)\n  global x\n"),
            "name 'x' is used prior to global declaration");
  EXPECT_EQ(error_msg("def f():\n  x = 1\n  def g():\n    x = 2\n    nonlocal x\n"),
            "name 'x' is assigned to before nonlocal declaration");
  EXPECT_EQ(error_msg("def f(x):\n  global x\n"), "name 'x' is parameter and global");
  EXPECT_EQ(error_msg("def f(x, x): pass\n"), "duplicate argument 'x' in function definition");
  EXPECT_EQ(error_msg("[y for x in (z := range(3))]\n"),
            "assignment expression cannot be used in a comprehension iterable expression");
  EXPECT_EQ(error_msg("return 1\n"), "'return' outside function");
  EXPECT_EQ(error_msg("yield 1\n"), "'yield' outside function");
  EXPECT_EQ(error_msg("await x\n"), "'await' outside function");
  EXPECT_EQ(error_msg("class A:\n  return 1\n"), "'return' outside function");
  EXPECT_EQ(error_msg("def f():\n  from os import *\n"), "import * only allowed at module level");
}

}  // namespace
}  // namespace ftpy
