// Internals of the bytecode compiler, shared by compiler*.cpp.
//
// Code generation emits into a flat instruction list per code unit; jumps
// name labels. Exception handling uses pseudo-instructions (SETUP_*, POP_BLOCK)
// that the assembler (compiler_assemble.cpp) turns into the zero-cost table by
// a flow analysis over the instruction list: that analysis also computes every
// instruction's stack depth, so neither handler depths nor co_stacksize are
// guessed by the code generator.
//
// Compile errors unwind the (C++) code generator with a CompileFailure; they
// never cross compile_ast(), which turns them into a SyntaxErrorInfo. They
// carry no Python exception (errors-as-values holds at the API boundary).
#pragma once

#include <cstdint>
#include <string>
#include <unordered_map>
#include <vector>

#include "compile/code.h"
#include "compile/compiler.h"
#include "compile/opcodes.h"
#include "compile/symtable.h"
#include "parse/ast.h"

namespace ftpy {

// Provided by objects/bytes.cpp (branch `strings`); a weak fallback lives in
// compiler.cpp until it lands.
Ref<> bytes_from(const void* data, size_t n);

namespace comp {

using namespace ast;

// Pseudo opcodes (never in the final code).
enum Pseudo : uint16_t {
  kSetupFinally = 256,  // handler at target; depth = current; no lasti
  kSetupCleanup = 257,  // handler at target; depth = current; lasti
  kSetupWith = 258,     // handler at target; depth = current - 1; lasti
  kPopBlock = 259,      // leave the innermost handler
  kPseudoJump = 260,        // JUMP_FORWARD or JUMP_BACKWARD, picked by the assembler
};
constexpr int kNoLabel = -1;

struct Instr {
  uint16_t op;
  uint32_t arg;
  int32_t target;  // label or kNoLabel
  Position pos;
};

struct CompileFailure {
  SyntaxErrorInfo info;  // info.type empty: a Python exception is pending
};

enum class FBlockType { WhileLoop, ForLoop, AsyncForLoop, TryExcept, FinallyTry, FinallyEnd, With, AsyncWith,
                        HandlerCleanup, PopValue, ExceptionHandler, ExceptionGroupHandler, AsyncComprehensionGenerator };

struct FBlock {
  FBlockType type;
  int block = kNoLabel;  // loop: continue target
  int exit = kNoLabel;   // loop: break target
  const void* datum = nullptr;  // FinallyTry: the finalbody; HandlerCleanup: name (std::string*)
  const Located* loc = nullptr;
};

struct ConstEntry {
  Ref<> obj;
  std::string key;
};

enum class UnitKind { Module, Class, Function, AsyncFunction, Lambda, Comprehension, Annotation };

struct Unit {
  Scope* scope = nullptr;
  UnitKind kind = UnitKind::Module;
  std::string name, qualname;
  std::string private_name;  // enclosing class name for mangling
  std::vector<Instr> instrs;
  std::vector<int> labels;  // label -> instruction index (-1 unbound)
  std::vector<Ref<>> consts;
  std::unordered_map<std::string, int> const_index;
  std::vector<std::string> names;
  std::unordered_map<std::string, int> name_index;
  std::vector<std::string> varnames, cellvars, freevars;
  std::unordered_map<std::string, int> varname_index, cell_index, free_index;
  std::vector<FBlock> fblocks;
  int argcount = 0, posonlyargcount = 0, kwonlyargcount = 0;
  uint32_t flags = 0;
  int firstlineno = 1;
  Position pos{1, 1, 0, 0};
  bool is_class = false, is_module = false;
  bool in_annotation_scope = false;
};

class Compiler {
 public:
  Compiler(const SymbolTable& st, std::string_view source, std::string_view filename, const CompileOptions& o)
      : st_(st), source_(source), filename_(filename), opts_(o) {}
  Ref<Code> compile_mod(const Mod* mod);

  // ---- errors (compiler.cpp) ----
  [[noreturn]] void error(const Located* n, const std::string& msg);
  [[noreturn]] void error_at(int line, int col, int eline, int ecol, const std::string& msg);
  [[noreturn]] void python_error();
  std::string_view line_text(int line);
  // A SyntaxWarning at `n` for opts_.warnings (compiler_warnings.cpp), and
  // the checks that issue them: CPython 3.11's hints for code that is
  // certain to fail or to surprise.
  void warn(const Located* n, const std::string& msg);
  void check_compare(const Compare* c);
  void check_caller(const Call* c);
  void check_subscript(const Subscript* s);
  void check_assert(const Assert* a);
  // The string an annotation becomes under `from __future__ import
  // annotations`: its source text, or opts_.annotation_texts' entry.
  std::string annotation_text(const Expr* e);
  std::string source_text(const Expr* e);  // the expression's text in the source

  // ---- units & emission (compiler.cpp) ----
  void enter_unit(Scope* s, UnitKind kind, const std::string& name, const std::string& qualname, int firstlineno);
  Ref<Code> leave_unit();
  Unit& u() { return *units_.back(); }
  int new_label();
  void bind(int label);
  void emit(uint16_t op, uint32_t arg = 0);
  void emit_jump(uint16_t op, int label);
  int add_const(Ref<> obj, const std::string& key);
  int add_none() { return add_const(Ref<>(), "N"); }
  void load_const_entry(const ConstEntry& c);
  void load_none();
  int add_name(const std::string& name);
  ConstEntry const_str(std::string_view s);
  ConstEntry const_tuple(const std::vector<ConstEntry>& items);
  ConstEntry const_of(const ConstantValue& v);
  std::string mangle_name(const std::string& n);
  void set_pos(const Located* n);
  void set_pos_from_attr(const Located* whole, const ast::Attribute* a);
  void push_fblock(FBlockType t, int block, int exit, const void* datum, const Located* loc);
  void pop_fblock() { u().fblocks.pop_back(); }

  // ---- names (compiler.cpp) ----
  void name_op(const std::string& name, ExprContext ctx, const Located* loc);
  bool is_global_call_name(const std::string& name);  // would load with LOAD_GLOBAL
  int closure_index(const std::string& name);         // localsplus index of a cell/free

  // ---- functions/classes (compiler.cpp) ----
  void function_def(const FunctionDef* f);
  void class_def(const ClassDef* c);
  void apply_decorators(const std::vector<Expr*>& decorators, const Located* def);
  void lambda(const Lambda* l);
  void comprehension(const Expr* e, const std::vector<Comprehension*>& gens, const Expr* elt, const Expr* val,
                     ComprehensionKind kind);
  void comprehension_generator(const std::vector<Comprehension*>& gens, size_t i, int depth, const Expr* elt,
                               const Expr* val, ComprehensionKind kind, bool outer_async);
  void make_closure(Ref<Code> code, uint32_t flags, const Scope* child);
  void function_body_prologue(bool generator);
  uint32_t defaults_and_annotations(const Arguments* args, const Expr* returns, bool annotations);
  std::string child_qualname(const std::string& name);
  void type_alias(const ast::TypeAlias* t);
  void type_params(const std::vector<TypeParam*>& tps);
  void class_body(const ClassDef* c, int firstline);

  // ---- statements (compiler_stmt.cpp) ----
  void stmts(const std::vector<Stmt*>& v);
  void stmt(const Stmt* s);
  void assign_target(const Expr* t);
  void aug_assign(const AugAssign* a);
  void ann_assign(const AnnAssign* a);
  void for_stmt(const For* f);
  void async_for_stmt(const For* f);
  void while_stmt(const While* w);
  void if_stmt(const If* s);
  void try_stmt(const Try* t);
  void try_except(const Try* t);
  void try_finally(const Try* t);
  void try_star_except(const Try* t);
  void with_stmt(const With* w, size_t item);
  void return_stmt(const Return* r);
  void break_continue(const Stmt* s, bool is_break);
  void unwind_fblock(const FBlock& fb, bool preserve_tos);
  void unwind_fblock_stack(bool preserve_tos, FBlock* loop_out, const Located* loc);
  void call_exit_with_nones();
  void import_stmt(const Import* s);
  void import_from(const ImportFrom* s);
  void assert_stmt(const Assert* s);
  void raise_stmt(const Raise* s);
  void delete_target(const Expr* t);
  bool body_has_annotations(const std::vector<Stmt*>& v);
  void docstring_and_body(const std::vector<Stmt*>& body, bool store_doc);
  void match_stmt(const Match* m);  // compiler_pattern.cpp

  // ---- expressions (compiler_expr.cpp) ----
  void expr(const Expr* e);
  void expr_inner(const Expr* e);
  bool fold_const(const Expr* e, ConstEntry* out);
  void jump_if(const Expr* e, bool cond, int label);
  void boolop(const BoolOp* b);
  void compare(const Compare* c);
  void compare_op(CmpOpKind op);
  void call(const Call* c);
  // Pushes the arguments and emits the call; `n_pushed` positional values
  // are already on the stack above [callable, self_or_null]; `extra_base`
  // names a local whose Generic[*params] is appended as a last positional;
  // `method` is the attribute a method call goes through (for its position).
  void call_helper(const std::vector<Expr*>& args, const std::vector<Keyword*>& kws, int n_pushed,
                   const Located* loc, const char* extra_base, const ast::Attribute* method = nullptr);
  void starunpack(const std::vector<Expr*>& elts, int build_op, int extend_op, bool tuple);
  void dict_display(const ast::Dict* d);
  void subscript(const Subscript* s);
  void slice(const Slice* s);
  void fstring(const JoinedStr* j);
  void formatted_value(const FormattedValue* f);
  void yield_from_loop(bool await);
  void unpack_targets(const std::vector<Expr*>& elts, const Located* loc);
  void check_comprehension_elts(const Expr* e);

  const SymbolTable& st_;
  std::string_view source_;
  std::string filename_;
  CompileOptions opts_;
  std::vector<std::unique_ptr<Unit>> units_;
  std::vector<int> line_starts_;
  int depth_ = 0;
  int code_counter_ = 0;
  bool future_annotations_ = false;
  std::vector<const Stmt*> future_ok_;  // __future__ imports at the start of the module
  // The last comparison jump_if() branched on: CPython 3.11 leaves its
  // location current, so an assert whose test compares raises there.
  const Compare* jump_compare_ = nullptr;
};

// RAII: recursion guard + source position of the node being compiled.
struct NodeScope {
  Compiler& c;
  Position saved;
  bool restore;
  NodeScope(Compiler& comp, const Located* n, bool restore_pos = true);
  ~NodeScope();
};

// The assembler: instruction list -> code object fields (compiler_assemble.cpp).
bool assemble(Unit& u, CodeSpec* spec, std::string* internal_error);

}  // namespace comp
}  // namespace ftpy
