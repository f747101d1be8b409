// Parser and tokenizer unit tests, mostly for syntax the host python3.11
// cannot check (3.12+ f-strings, type parameters, PEP 758, t-strings).
#include <gtest/gtest.h>

#include "parse/ast_dump.h"
#include "parse/parser.h"

namespace ftpy {
namespace {

std::string dump(std::string_view src, ParseMode mode = ParseMode::Exec, bool attrs = false) {
  ParseResult r = parse(src, "<test>", mode);
  if (r.error) return "ERROR: " + r.error->type + ": " + r.error->msg;
  AstDumpOptions o;
  o.include_attributes = attrs;
  return ast_dump(r.mod, o);
}

SyntaxErrorInfo error_of(std::string_view src, ParseMode mode = ParseMode::Exec) {
  ParseResult r = parse(src, "<test>", mode);
  EXPECT_TRUE(r.error.has_value()) << src;
  return r.error.value_or(SyntaxErrorInfo{});
}

TEST(ParseTest, TokenizerHandlesNestedFStrings) {
  EXPECT_EQ(dump("f\"{f\"{x}\"}\"\n"),
            "Module(body=[Expr(value=JoinedStr(values=[FormattedValue(value=JoinedStr(values=["
            "FormattedValue(value=Name(id='x', ctx=Load()), conversion=-1)]), conversion=-1)]))], "
            "type_ignores=[])");
  EXPECT_EQ(dump("f'{x:{w}.{p}}'\n"),
            "Module(body=[Expr(value=JoinedStr(values=[FormattedValue(value=Name(id='x', "
            "ctx=Load()), conversion=-1, format_spec=JoinedStr(values=[FormattedValue(value="
            "Name(id='w', ctx=Load()), conversion=-1), Constant(value='.'), FormattedValue("
            "value=Name(id='p', ctx=Load()), conversion=-1)]))]))], type_ignores=[])");
}

TEST(ParseTest, FStringSelfDocumentingKeepsSourceText) {
  EXPECT_EQ(dump("f'a{x + 1 = }b'\n"),
            "Module(body=[Expr(value=JoinedStr(values=[Constant(value='ax + 1 = '), "
            "FormattedValue(value=BinOp(left=Name(id='x', ctx=Load()), op=Add(), "
            "right=Constant(value=1)), conversion=114), Constant(value='b')]))], type_ignores=[])");
  EXPECT_EQ(dump("f'{x=:>10}'\n"),
            "Module(body=[Expr(value=JoinedStr(values=[Constant(value='x='), FormattedValue("
            "value=Name(id='x', ctx=Load()), conversion=-1, format_spec=JoinedStr(values=["
            "Constant(value='>10')]))]))], type_ignores=[])");
}

TEST(ParseTest, FStringMultiLineTripleQuoted) {
  EXPECT_EQ(dump("f'''{\n  x\n  + 1}'''\n"),
            "Module(body=[Expr(value=JoinedStr(values=[FormattedValue(value=BinOp(left=Name("
            "id='x', ctx=Load()), op=Add(), right=Constant(value=1)), conversion=-1)]))], "
            "type_ignores=[])");
}

TEST(ParseTest, FStringErrors) {
  EXPECT_EQ(error_of("f'{x'\n").msg, "f-string: expecting '}'");
  EXPECT_EQ(error_of("f'{x!z}'\n").msg,
            "f-string: invalid conversion character 'z': expected 's', 'r', or 'a'");
  EXPECT_EQ(error_of("f'}'\n").msg, "f-string: single '}' is not allowed");
  EXPECT_EQ(error_of("f'{}'\n").msg, "f-string: valid expression required before '}'");
}

TEST(ParseTest, TypeAliasStatement) {
  EXPECT_EQ(dump("type X[T: int = str, *Ts = *tuple[int], **P = [int]] = list[T]\n"),
            "Module(body=[TypeAlias(name=Name(id='X', ctx=Store()), type_params=[TypeVar(name='T', "
            "bound=Name(id='int', ctx=Load()), default_value=Name(id='str', ctx=Load())), "
            "TypeVarTuple(name='Ts', default_value=Starred(value=Subscript(value=Name(id='tuple', "
            "ctx=Load()), slice=Name(id='int', ctx=Load()), ctx=Load()), ctx=Load())), "
            "ParamSpec(name='P', default_value=List(elts=[Name(id='int', ctx=Load())], "
            "ctx=Load()))], value=Subscript(value=Name(id='list', ctx=Load()), slice=Name(id='T', "
            "ctx=Load()), ctx=Load()))], type_ignores=[])");
  // 'type' stays an ordinary name elsewhere.
  EXPECT_EQ(dump("type = 1\ntype(x)\n"),
            "Module(body=[Assign(targets=[Name(id='type', ctx=Store())], value=Constant(value=1)), "
            "Expr(value=Call(func=Name(id='type', ctx=Load()), args=[Name(id='x', ctx=Load())], "
            "keywords=[]))], type_ignores=[])");
}

TEST(ParseTest, TypeParamsOnDefAndClass) {
  EXPECT_EQ(dump("def f[T](x: T) -> T: pass\nclass C[T = int](Base): pass\n"),
            "Module(body=[FunctionDef(name='f', args=arguments(posonlyargs=[], args=[arg(arg='x', "
            "annotation=Name(id='T', ctx=Load()))], kwonlyargs=[], kw_defaults=[], defaults=[]), "
            "body=[Pass()], decorator_list=[], returns=Name(id='T', ctx=Load()), "
            "type_params=[TypeVar(name='T')]), ClassDef(name='C', bases=[Name(id='Base', "
            "ctx=Load())], keywords=[], body=[Pass()], decorator_list=[], "
            "type_params=[TypeVar(name='T', default_value=Name(id='int', ctx=Load()))])], "
            "type_ignores=[])");
}

TEST(ParseTest, ExceptWithoutParenthesesPep758) {
  EXPECT_EQ(dump("try:\n  pass\nexcept A, B:\n  pass\n"),
            "Module(body=[Try(body=[Pass()], handlers=[ExceptHandler(type=Tuple(elts=[Name(id='A', "
            "ctx=Load()), Name(id='B', ctx=Load())], ctx=Load()), body=[Pass()])], orelse=[], "
            "finalbody=[])], type_ignores=[])");
  EXPECT_EQ(error_of("try:\n  pass\nexcept A, B as e:\n  pass\n").msg,
            "multiple exception types must be parenthesized when using 'as'");
}

TEST(ParseTest, TryStarAndMixing) {
  EXPECT_NE(dump("try:\n  pass\nexcept* E:\n  pass\n").find("TryStar("), std::string::npos);
  EXPECT_EQ(error_of("try:\n  pass\nexcept* E:\n  pass\nexcept F:\n  pass\n").msg,
            "cannot have both 'except' and 'except*' on the same 'try'");
}

TEST(ParseTest, TemplateStrings) {
  EXPECT_EQ(dump("t'a{x!r}'\n"),
            "Module(body=[Expr(value=TemplateStr(values=[Constant(value='a'), Interpolation("
            "value=Name(id='x', ctx=Load()), str='x', conversion=114)]))], type_ignores=[])");
}

TEST(ParseTest, ModesEvalAndSingle) {
  EXPECT_EQ(dump("1, 2\n", ParseMode::Eval),
            "Expression(body=Tuple(elts=[Constant(value=1), Constant(value=2)], ctx=Load()))");
  EXPECT_EQ(dump("x = 1\n", ParseMode::Single),
            "Interactive(body=[Assign(targets=[Name(id='x', ctx=Store())], value=Constant(value=1))])");
  EXPECT_EQ(error_of("x = 1\ny = 2\n", ParseMode::Single).msg,
            "multiple statements found while compiling a single statement");
}

TEST(ParseTest, IncompleteInputIsFlagged) {
  EXPECT_TRUE(error_of("if x:\n").incomplete);
  EXPECT_TRUE(error_of("x = (1,\n").incomplete);
  EXPECT_TRUE(error_of("s = '''abc\n").incomplete);
  EXPECT_FALSE(error_of("x = 1 +\n").incomplete);
  EXPECT_FALSE(error_of("x = )\n").incomplete);
}

TEST(ParseTest, ConstantRepresentation) {
  ParseResult r = parse("0x_ff; 1_000; 0o17; 1.5j; 1e3; b'\\x00'; '\\u00e9'\n", "<t>", ParseMode::Exec);
  ASSERT_FALSE(r.error);
  auto* m = static_cast<ast::Module*>(r.mod);
  auto c = [&](int i) { return ast::cast<ast::Constant>(ast::cast<ast::ExprStmt>(m->body[i])->value); };
  EXPECT_EQ(c(0)->value.kind, ast::ConstantValue::Kind::Int);
  EXPECT_EQ(c(0)->value.int_base, 16);
  EXPECT_EQ(c(0)->value.text, "ff");
  EXPECT_EQ(c(1)->value.text, "1000");
  EXPECT_EQ(c(2)->value.int_base, 8);
  EXPECT_EQ(c(3)->value.kind, ast::ConstantValue::Kind::Complex);
  EXPECT_DOUBLE_EQ(c(3)->value.number, 1.5);
  EXPECT_DOUBLE_EQ(c(4)->value.number, 1000.0);
  EXPECT_EQ(c(5)->value.kind, ast::ConstantValue::Kind::Bytes);
  EXPECT_EQ(c(5)->value.text, std::string(1, '\0'));
  EXPECT_EQ(c(6)->value.text, "\xc3\xa9");
}

TEST(ParseTest, InvalidEscapeIsAWarning) {
  ParseResult r = parse("x = '\\d'\n", "<t>", ParseMode::Exec);
  ASSERT_FALSE(r.error);
  ASSERT_EQ(r.warnings.size(), 1u);
  EXPECT_EQ(r.warnings[0].msg, "invalid escape sequence '\\d'");
  EXPECT_EQ(r.warnings[0].lineno, 1);
}

TEST(ParseTest, PositionsAreUtf8ByteOffsets) {
  EXPECT_EQ(dump("'é' + x\n", ParseMode::Exec, true),
            "Module(body=[Expr(value=BinOp(left=Constant(value='é', lineno=1, col_offset=0, "
            "end_lineno=1, end_col_offset=4), op=Add(), right=Name(id='x', ctx=Load(), lineno=1, "
            "col_offset=7, end_lineno=1, end_col_offset=8), lineno=1, col_offset=0, end_lineno=1, "
            "end_col_offset=8), lineno=1, col_offset=0, end_lineno=1, end_col_offset=8)], "
            "type_ignores=[])");
}

TEST(ParseTest, ErrorMessagesMatchCPython) {
  auto e = error_of("if x:\npass\n");
  EXPECT_EQ(e.type, "IndentationError");
  EXPECT_EQ(e.msg, "expected an indented block after 'if' statement on line 1");
  e = error_of("def f(a=1, b): pass\n");
  EXPECT_EQ(e.msg, "non-default argument follows default argument");  // 3.11 wording
  e = error_of("x = [1 2]\n");
  EXPECT_EQ(e.msg, "invalid syntax. Perhaps you forgot a comma?");
  e = error_of("print 'x'\n");
  EXPECT_EQ(e.msg, "Missing parentheses in call to 'print'. Did you mean print(...)?");
  e = error_of("a \xe2\x82\xac b\n");
  EXPECT_EQ(e.msg, "invalid character '\xe2\x82\xac' (U+20AC)");
  EXPECT_EQ(e.offset, 3);
  e = error_of("1 = x\n");
  EXPECT_EQ(e.msg, "cannot assign to literal here. Maybe you meant '==' instead of '='?");
  e = error_of("x = 'abc\n");
  EXPECT_EQ(e.msg, "unterminated string literal (detected at line 1)");
}

TEST(ParseTest, SoftKeywordsStayNames) {
  EXPECT_EQ(dump("match = case = _ = 1\nmatch(x)\nmatch[x]\n"),
            "Module(body=[Assign(targets=[Name(id='match', ctx=Store()), Name(id='case', "
            "ctx=Store()), Name(id='_', ctx=Store())], value=Constant(value=1)), Expr(value=Call("
            "func=Name(id='match', ctx=Load()), args=[Name(id='x', ctx=Load())], keywords=[])), "
            "Expr(value=Subscript(value=Name(id='match', ctx=Load()), slice=Name(id='x', "
            "ctx=Load()), ctx=Load()))], type_ignores=[])");
}

TEST(ParseTest, AcceptsBomAndCodingLine) {
  EXPECT_EQ(dump("\xEF\xBB\xBFx\n"), "Module(body=[Expr(value=Name(id='x', ctx=Load()))], type_ignores=[])");
  EXPECT_EQ(dump("# -*- coding: utf-8 -*-\nx\n"),
            "Module(body=[Expr(value=Name(id='x', ctx=Load()))], type_ignores=[])");
  EXPECT_EQ(dump("# coding: latin-1\nx = '\xe9'\n"),
            "Module(body=[Assign(targets=[Name(id='x', ctx=Store())], value=Constant(value='é'))], "
            "type_ignores=[])");
}

}  // namespace
}  // namespace ftpy
