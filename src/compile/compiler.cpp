// The bytecode compiler: driver, code units, constants and names, and the
// constructs that create code objects (functions, lambdas, classes,
// comprehensions). Statements: compiler_stmt.cpp; expressions:
// compiler_expr.cpp; match: compiler_pattern.cpp; assembly:
// compiler_assemble.cpp.
#include <algorithm>
#include <cstring>

#include "compile/annotation_text.h"
#include "compile/compiler_internal.h"
#include "objects/complex.h"
#include "objects/errors.h"
#include "objects/float.h"
#include "objects/int.h"
#include "objects/protocol.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "parse/parser.h"
#include "parse/unicode_support.h"

namespace ftpy {

// Until objects/bytes.cpp lands (branch `strings`): a weak stand-in that
// raises, so bytes literals fail loudly instead of failing to link.
__attribute__((weak)) Ref<> bytes_from(const void*, size_t) {
  return err_set_str(g_SystemError, "bytes objects are not available yet");
}

namespace comp {

namespace {
constexpr int kMaxDepth = 3000;  // compiler recursion guard (CPython: 3 units per recursion-limit step)
constexpr size_t kMaxBlocks = 20;    // CPython's CO_MAXBLOCKS

bool is_identifier_like(std::string_view s) {
  for (char ch : s) {
    unsigned char c = static_cast<unsigned char>(ch);
    if (!(isalnum(c) || c == '_')) return false;
  }
  return true;
}
}  // namespace

// ---- errors ------------------------------------------------------------------

std::string_view Compiler::line_text(int line) {
  if (line_starts_.empty()) {
    line_starts_.push_back(0);
    for (size_t i = 0; i < source_.size(); i++)
      if (source_[i] == '\n') line_starts_.push_back(static_cast<int>(i + 1));
  }
  if (line < 1 || line > static_cast<int>(line_starts_.size())) return {};
  size_t s = line_starts_[line - 1];
  size_t e = source_.find('\n', s);
  if (e == std::string_view::npos) e = source_.size();
  return source_.substr(s, e - s);
}

std::string Compiler::annotation_text(const Expr* e) {
  if (opts_.annotation_texts) {
    auto it = opts_.annotation_texts->find(e);
    if (it != opts_.annotation_texts->end()) return it->second;
  }
  return unparse_annotation(e, [this](const Expr* x) { return source_text(x); });
}

std::string Compiler::source_text(const Expr* e) {
  std::string text;
  for (int l = e->lineno; l <= e->end_lineno; l++) {
    std::string_view lt = line_text(l);
    size_t s = l == e->lineno ? e->col_offset : 0;
    size_t en = l == e->end_lineno ? e->end_col_offset : lt.size();
    if (s <= en && en <= lt.size()) text += lt.substr(s, en - s);
    if (l != e->end_lineno) text += "\n";
  }
  return text;
}

void Compiler::error_at(int line, int col, int eline, int ecol, const std::string& msg) {
  CompileFailure f;
  f.info.type = "SyntaxError";
  f.info.msg = msg;
  f.info.lineno = line;
  f.info.end_lineno = eline;
  std::string_view l = line_text(line), el = line_text(eline);
  f.info.offset = uni::count_chars(l, col) + 1;
  f.info.end_offset = uni::count_chars(el, ecol) + 1;
  if (line > 0) f.info.text = std::string(l) + "\n";
  f.info.text_from_file = true;
  throw f;
}

void Compiler::error(const Located* n, const std::string& msg) {
  if (!n) error_at(u().pos.line, u().pos.col, u().pos.end_line, u().pos.end_col, msg);
  error_at(n->lineno, n->col_offset, n->end_lineno, n->end_col_offset, msg);
}

void Compiler::python_error() {
  CompileFailure f;
  f.info.type.clear();
  throw f;
}

NodeScope::NodeScope(Compiler& comp, const Located* n, bool restore_pos)
    : c(comp), saved(comp.u().pos), restore(restore_pos) {
  if (++c.depth_ > kMaxDepth) {
    CompileFailure f;
    f.info.type = "RecursionError";
    f.info.msg = "maximum recursion depth exceeded during compilation";
    throw f;
  }
  if (n && n->lineno > 0) c.set_pos(n);
}
NodeScope::~NodeScope() {
  c.depth_--;
  if (restore && !c.units_.empty()) c.u().pos = saved;
}

void Compiler::set_pos(const Located* n) {
  u().pos = Position{n->lineno, n->end_lineno, n->col_offset, n->end_col_offset};
}

// `whole` (an attribute load, or a method call through `a`) spread over
// several lines is reported at the line of the attribute's name, as CPython
// does, so `obj\n.method(...)` fails at the `.method` line, not at `obj`.
void Compiler::set_pos_from_attr(const Located* whole, const ast::Attribute* a) {
  set_pos(whole);
  Position& p = u().pos;
  if (p.line == a->end_lineno) return;
  p.line = a->end_lineno;
  auto name_len = static_cast<int32_t>(a->attr.size());
  if (name_len <= a->end_col_offset) {
    p.col = a->end_col_offset - name_len;
  } else {
    p.col = p.end_col = -1;
  }
  p.end_line = std::max(p.line, p.end_line);
  if (p.line == p.end_line) p.end_col = std::max(p.col, p.end_col);
}

// ---- units -------------------------------------------------------------------

void Compiler::enter_unit(Scope* s, UnitKind kind, const std::string& name, const std::string& qualname,
                          int firstlineno) {
  auto unit = std::make_unique<Unit>();
  Unit& n = *unit;
  n.scope = s;
  n.kind = kind;
  n.name = name;
  n.qualname = qualname;
  n.firstlineno = firstlineno;
  n.pos = Position{firstlineno, firstlineno, 0, 0};
  if (!units_.empty()) n.private_name = units_.back()->private_name;
  n.is_class = kind == UnitKind::Class;
  n.is_module = kind == UnitKind::Module;
  if (n.is_class) n.private_name = name;
  if (s->is_function_like()) {
    for (const std::string& v : s->varnames) {
      n.varname_index.emplace(v, static_cast<int>(n.varnames.size()));
      n.varnames.push_back(v);
    }
    for (const Symbol& sym : s->symbols) {
      if (sym.scope == SymScope::Local && !n.varname_index.count(sym.name)) {
        n.varname_index.emplace(sym.name, static_cast<int>(n.varnames.size()));
        n.varnames.push_back(sym.name);
      }
    }
  }
  std::vector<std::string> cells, frees;
  for (const Symbol& sym : s->symbols) {
    if (sym.scope == SymScope::Cell) cells.push_back(sym.name);
    else if (sym.scope == SymScope::Free) frees.push_back(sym.name);
    else if (n.is_class && (sym.flags & kDefFreeClass)) frees.push_back(sym.name);
  }
  if (n.is_class && s->needs_class_closure) cells.push_back("__class__");
  std::sort(cells.begin(), cells.end());
  std::sort(frees.begin(), frees.end());
  for (auto& c : cells) {
    n.cell_index.emplace(c, static_cast<int>(n.cellvars.size()));
    n.cellvars.push_back(c);
  }
  for (auto& f : frees) {
    n.free_index.emplace(f, static_cast<int>(n.freevars.size()));
    n.freevars.push_back(f);
  }
  if (s->is_function_like()) n.flags |= kCoOptimized | kCoNewLocals;
  if (s->nested) n.flags |= kCoNested;
  if (s->has_varargs) n.flags |= kCoVarArgs;
  if (s->has_varkeywords) n.flags |= kCoVarKeywords;
  units_.push_back(std::move(unit));
}

Ref<Code> Compiler::leave_unit() {
  Unit& n = u();
  CodeSpec spec;
  std::string ierr;
  if (!assemble(n, &spec, &ierr)) {
    err_format(g_SystemError, "compiler: %s in %s", ierr.c_str(), n.qualname.c_str());
    python_error();
  }
  auto make_names = [&](const std::vector<std::string>& v) -> Ref<> {
    Ref<ftpy::Tuple> t = tuple_new(static_cast<int64_t>(v.size()));
    if (!t) python_error();
    for (size_t i = 0; i < v.size(); i++) tuple_init_item(t.get(), i, Ref<>(str_intern(v[i])));
    return t;
  };
  Ref<ftpy::Tuple> consts = tuple_new(static_cast<int64_t>(n.consts.size()));
  if (!consts) python_error();
  for (size_t i = 0; i < n.consts.size(); i++) {
    Ref<> c = n.consts[i] ? n.consts[i] : new_none();
    tuple_init_item(consts.get(), i, std::move(c));
  }
  spec.consts = std::move(consts);
  spec.names = make_names(n.names);
  std::vector<std::string> lp = n.varnames;
  lp.insert(lp.end(), n.cellvars.begin(), n.cellvars.end());
  lp.insert(lp.end(), n.freevars.begin(), n.freevars.end());
  spec.localsplusnames = make_names(lp);
  spec.name = Ref<>(str_intern(n.name));
  spec.qualname = str_from_utf8(n.qualname);
  spec.filename = str_from_utf8(filename_);
  if (!spec.qualname || !spec.filename) python_error();
  spec.argcount = n.argcount;
  spec.posonlyargcount = n.posonlyargcount;
  spec.kwonlyargcount = n.kwonlyargcount;
  spec.nlocals = static_cast<int32_t>(n.varnames.size());
  spec.ncells = static_cast<int32_t>(n.cellvars.size());
  spec.nfrees = static_cast<int32_t>(n.freevars.size());
  spec.firstlineno = n.firstlineno;
  spec.flags = n.flags;
  if (n.cellvars.empty() && n.freevars.empty()) spec.flags |= kCoNoFree;
  units_.pop_back();
  Ref<Code> code = code_new(std::move(spec));
  if (!code) python_error();
  return code;
}

int Compiler::new_label() {
  u().labels.push_back(-1);
  return static_cast<int>(u().labels.size()) - 1;
}

void Compiler::bind(int label) { u().labels[label] = static_cast<int>(u().instrs.size()); }

void Compiler::emit(uint16_t op, uint32_t arg) {
  if (arg > kMaxOparg) error(nullptr, "too many constants, names or arguments in one code object");
  u().instrs.push_back(Instr{op, arg, kNoLabel, u().pos});
}

void Compiler::emit_jump(uint16_t op, int label) { u().instrs.push_back(Instr{op, 0, label, u().pos}); }

void Compiler::push_fblock(FBlockType t, int block, int exit, const void* datum, const Located* loc) {
  if (u().fblocks.size() >= kMaxBlocks) error(loc, "too many statically nested blocks");
  u().fblocks.push_back(FBlock{t, block, exit, datum, loc});
}

// ---- constants -----------------------------------------------------------------

int Compiler::add_const(Ref<> obj, const std::string& key) {
  Unit& n = u();
  auto it = n.const_index.find(key);
  if (it != n.const_index.end()) return it->second;
  int i = static_cast<int>(n.consts.size());
  n.consts.push_back(std::move(obj));  // null = None
  n.const_index.emplace(key, i);
  return i;
}

void Compiler::load_const_entry(const ConstEntry& c) {
  // Small ints load without a constant.
  if (c.obj && c.obj.val().is_small()) {
    int64_t v = c.obj.val().small_value();
    if (v >= -(1 << 23) && v < (1 << 23)) {
      emit(OP_LOAD_SMALL_INT, static_cast<uint32_t>(v) & 0xFFFFFF);
      return;
    }
  }
  emit(OP_LOAD_CONST, add_const(c.obj, c.key));
}

void Compiler::load_none() { emit(OP_LOAD_CONST, add_none()); }

ConstEntry Compiler::const_str(std::string_view s) {
  ConstEntry e;
  if (is_identifier_like(s)) {
    e.obj = Ref<>(str_intern(s));
  } else {
    e.obj = str_from_utf8(s);
    if (!e.obj) python_error();
  }
  e.key = "s";
  e.key += s;
  return e;
}

ConstEntry Compiler::const_tuple(const std::vector<ConstEntry>& items) {
  ConstEntry e;
  Ref<ftpy::Tuple> t = tuple_new(static_cast<int64_t>(items.size()));
  if (!t) python_error();
  e.key = "t(";
  for (size_t i = 0; i < items.size(); i++) {
    tuple_init_item(t.get(), i, items[i].obj ? items[i].obj : new_none());
    e.key += std::to_string(items[i].key.size());
    e.key += ':';
    e.key += items[i].key;
  }
  e.key += ")";
  e.obj = std::move(t);
  return e;
}

ConstEntry Compiler::const_of(const ConstantValue& v) {
  ConstEntry e;
  switch (v.kind) {
    case ConstantValue::Kind::None: e.key = "N"; break;  // obj null = None
    case ConstantValue::Kind::True: e.obj = Ref<>::borrow(true_value()); e.key = "T"; break;
    case ConstantValue::Kind::False: e.obj = Ref<>::borrow(false_value()); e.key = "F"; break;
    case ConstantValue::Kind::Ellipsis: e.obj = Ref<>::borrow(Value(&g_ellipsis)); e.key = "E"; break;
    case ConstantValue::Kind::Int:
      e.obj = int_from_string(v.text, v.int_base);
      e.key = "i" + std::to_string(v.int_base) + ":" + v.text;
      break;
    case ConstantValue::Kind::Float: {
      e.obj = float_new(v.number);
      uint64_t bits;
      std::memcpy(&bits, &v.number, 8);
      e.key = "f" + std::to_string(bits);
      break;
    }
    case ConstantValue::Kind::Complex: {
      e.obj = complex_new(0.0, v.number);
      uint64_t bits;
      std::memcpy(&bits, &v.number, 8);
      e.key = "c0:" + std::to_string(bits);
      break;
    }
    case ConstantValue::Kind::Str: return const_str(v.text);
    case ConstantValue::Kind::Bytes:
      e.obj = bytes_from(v.text.data(), v.text.size());
      e.key = "b" + v.text;
      break;
  }
  if (!e.obj && !e.key.empty() && e.key != "N") python_error();
  return e;
}

int Compiler::add_name(const std::string& name) {
  Unit& n = u();
  auto it = n.name_index.find(name);
  if (it != n.name_index.end()) return it->second;
  int i = static_cast<int>(n.names.size());
  n.names.push_back(name);
  n.name_index.emplace(name, i);
  return i;
}

std::string Compiler::mangle_name(const std::string& n) { return mangle(u().private_name, n); }

// ---- names ---------------------------------------------------------------------

int Compiler::closure_index(const std::string& name) {
  Unit& n = u();
  auto c = n.cell_index.find(name);
  if (c != n.cell_index.end()) return static_cast<int>(n.varnames.size()) + c->second;
  auto f = n.free_index.find(name);
  if (f != n.free_index.end())
    return static_cast<int>(n.varnames.size() + n.cellvars.size()) + f->second;
  err_format(g_SystemError, "compiler: no cell or free variable '%s' in %s", name.c_str(), n.qualname.c_str());
  python_error();
}

bool Compiler::is_global_call_name(const std::string& name) {
  if (name == "__debug__") return false;
  std::string m = mangle_name(name);
  SymScope sc = u().scope->scope_of(m);
  if (sc == SymScope::GlobalExplicit) return true;
  return sc == SymScope::GlobalImplicit && u().scope->is_function_like();
}

void Compiler::name_op(const std::string& name, ExprContext ctx, const Located* loc) {
  if (name == "__debug__") {
    if (ctx == ExprContext::Load) {
      emit(OP_LOAD_CONST, opts_.optimize > 0 ? add_const(Ref<>::borrow(false_value()), "F")
                                             : add_const(Ref<>::borrow(true_value()), "T"));
      return;
    }
    error(loc, ctx == ExprContext::Store ? "cannot assign to __debug__" : "cannot delete __debug__");
  }
  std::string m = mangle_name(name);
  Unit& n = u();
  SymScope sc = n.scope->scope_of(m);
  bool fn = n.scope->is_function_like();
  enum { kFast, kDeref, kGlobal, kName } kind = kName;
  switch (sc) {
    case SymScope::Free: case SymScope::Cell: kind = kDeref; break;
    case SymScope::Local: kind = fn ? kFast : kName; break;
    case SymScope::GlobalImplicit: kind = fn ? kGlobal : kName; break;
    case SymScope::GlobalExplicit: kind = kGlobal; break;
    case SymScope::None: kind = kName; break;
  }
  if (kind == kDeref && !n.cell_index.count(m) && !n.free_index.count(m)) kind = kName;
  if (kind == kFast && !n.varname_index.count(m)) {
    n.varname_index.emplace(m, static_cast<int>(n.varnames.size()));
    n.varnames.push_back(m);
  }
  switch (kind) {
    case kFast: {
      int i = n.varname_index[m];
      emit(ctx == ExprContext::Load ? OP_LOAD_FAST : ctx == ExprContext::Store ? OP_STORE_FAST : OP_DELETE_FAST, i);
      return;
    }
    case kDeref: {
      int i = closure_index(m);
      if (ctx == ExprContext::Load && n.is_class) {
        emit(OP_LOAD_LOCALS);
        emit(OP_LOAD_FROM_DICT_OR_DEREF, i);
      } else {
        emit(ctx == ExprContext::Load ? OP_LOAD_DEREF : ctx == ExprContext::Store ? OP_STORE_DEREF : OP_DELETE_DEREF, i);
      }
      return;
    }
    case kGlobal: {
      int i = add_name(m);
      if (ctx == ExprContext::Load) emit(OP_LOAD_GLOBAL, static_cast<uint32_t>(i) << 1);
      else emit(ctx == ExprContext::Store ? OP_STORE_GLOBAL : OP_DELETE_GLOBAL, i);
      return;
    }
    case kName: {
      int i = add_name(m);
      emit(ctx == ExprContext::Load ? OP_LOAD_NAME : ctx == ExprContext::Store ? OP_STORE_NAME : OP_DELETE_NAME, i);
      return;
    }
  }
}

// ---- functions -------------------------------------------------------------------

std::string Compiler::child_qualname(const std::string& name) {
  Unit& n = u();
  if (n.is_module) return name;
  // A function declared global in its parent gets an unqualified name.
  if (n.scope->is_function_like() || n.is_class) {
    std::string m = mangle_name(name);
    if (n.scope->scope_of(m) == SymScope::GlobalExplicit) return name;
  }
  if (n.kind == UnitKind::Annotation && units_.size() >= 2) {
    // Type-parameter scopes are transparent for qualnames.
    Unit& p = *units_[units_.size() - 2];
    if (p.is_module) return name;
    return p.qualname + (p.is_class ? "." : ".<locals>.") + name;
  }
  return n.qualname + (n.is_class ? "." : ".<locals>.") + name;
}

void Compiler::function_body_prologue(bool generator) {
  Unit& n = u();
  int nv = static_cast<int>(n.varnames.size());
  for (size_t i = 0; i < n.cellvars.size(); i++) {
    emit(OP_MAKE_CELL, nv + static_cast<int>(i));
    auto a = n.varname_index.find(n.cellvars[i]);
    if (a != n.varname_index.end() && n.scope->lookup(n.cellvars[i]) &&
        (n.scope->lookup(n.cellvars[i])->flags & kDefParam)) {
      emit(OP_LOAD_FAST, a->second);
      emit(OP_STORE_DEREF, nv + static_cast<int>(i));
    }
  }
  if (generator) emit(OP_RETURN_GENERATOR);
  emit(OP_RESUME, 0);
}

void Compiler::make_closure(Ref<Code> code, uint32_t flags, const Scope*) {
  Code* c = code.get();
  if (c->nfrees > 0) {
    int64_t base = c->nlocals + c->ncells;
    for (int32_t i = 0; i < c->nfrees; i++) {
      std::string name(str_view(tuple_item(c->localsplusnames, base + i)));
      emit(OP_LOAD_CLOSURE, closure_index(name));
    }
    emit(OP_BUILD_TUPLE, c->nfrees);
    flags |= 8;
  }
  std::string key = "C" + std::to_string(code_counter_++);
  emit(OP_LOAD_CONST, add_const(std::move(code), key));
  emit(OP_MAKE_FUNCTION, flags);
}

uint32_t Compiler::defaults_and_annotations(const Arguments* a, const Expr* returns, bool annotations) {
  uint32_t flags = 0;
  if (!a->defaults.empty()) {
    std::vector<ConstEntry> cs;
    bool all_const = true;
    for (const Expr* d : a->defaults) {
      ConstEntry ce;
      if (!fold_const(d, &ce)) { all_const = false; break; }
      cs.push_back(std::move(ce));
    }
    if (all_const) {
      ConstEntry t = const_tuple(cs);
      emit(OP_LOAD_CONST, add_const(t.obj, t.key));
    } else {
      for (const Expr* d : a->defaults) expr(d);
      emit(OP_BUILD_TUPLE, static_cast<uint32_t>(a->defaults.size()));
    }
    flags |= 1;
  }
  int nkw = 0;
  for (size_t i = 0; i < a->kwonlyargs.size(); i++) {
    if (!a->kw_defaults[i]) continue;
    ConstEntry k = const_str(mangle_name(a->kwonlyargs[i]->arg));
    emit(OP_LOAD_CONST, add_const(k.obj, k.key));
    expr(a->kw_defaults[i]);
    nkw++;
  }
  if (nkw) {
    emit(OP_BUILD_MAP, nkw);
    flags |= 2;
  }
  if (annotations) {
    int nann = 0;
    auto ann = [&](const std::string& name, const Expr* e) {
      if (!e) return;
      ConstEntry k = const_str(mangle_name(name));
      emit(OP_LOAD_CONST, add_const(k.obj, k.key));
      if (!future_annotations_ && e->kind == ExprKind::Starred) {
        // `*args: *Ts` (PEP 646): the value of the single unpacked item.
        expr(cast<Starred>(e)->value);
        emit(OP_UNPACK_SEQUENCE, 1);
      } else if (future_annotations_) {
        std::string text = annotation_text(e);
        ConstEntry v = const_str(text);
        emit(OP_LOAD_CONST, add_const(v.obj, v.key));
      } else {
        expr(e);
      }
      nann++;
    };
    for (auto* x : a->posonlyargs) ann(x->arg, x->annotation);
    for (auto* x : a->args) ann(x->arg, x->annotation);
    if (a->vararg) ann(a->vararg->arg, a->vararg->annotation);
    for (auto* x : a->kwonlyargs) ann(x->arg, x->annotation);
    if (a->kwarg) ann(a->kwarg->arg, a->kwarg->annotation);
    ann("return", returns);
    if (nann) {
      emit(OP_BUILD_TUPLE, 2 * nann);
      flags |= 4;
    }
  }
  return flags;
}

static bool docstring_of(const std::vector<Stmt*>& body, std::string* out) {
  if (body.empty() || body[0]->kind != StmtKind::Expr) return false;
  const Expr* v = cast<ExprStmt>(body[0])->value;
  if (v->kind != ExprKind::Constant) return false;
  const ConstantValue& c = cast<Constant>(v)->value;
  if (c.kind != ConstantValue::Kind::Str) return false;
  *out = c.text;
  return true;
}

// CPython's inspect.cleandoc-like docstring cleanup is a 3.13 change; keep the
// text verbatim (3.11 behaviour).
void Compiler::docstring_and_body(const std::vector<Stmt*>& body, bool store_doc) {
  std::string doc;
  size_t start = 0;
  if (opts_.optimize < 2 && docstring_of(body, &doc)) {
    ConstEntry d = const_str(doc);
    int i = add_const(d.obj, d.key);
    if (i == 0) u().flags |= kCoHasDocstring;
    if (store_doc) {
      NodeScope ns(*this, body[0]);
      emit(OP_LOAD_CONST, i);
      name_op("__doc__", ExprContext::Store, body[0]);
    }
    start = 1;
  } else if (!body.empty() && docstring_of(body, &doc)) {
    start = 1;  // -OO: docstrings are dropped
  }
  for (size_t i = start; i < body.size(); i++) stmt(body[i]);
}

static bool has_debug_arg(const Arguments* a) {
  for (auto* v : {&a->posonlyargs, &a->args, &a->kwonlyargs})
    for (const Arg* x : *v)
      if (x->arg == "__debug__") return true;
  return (a->vararg && a->vararg->arg == "__debug__") || (a->kwarg && a->kwarg->arg == "__debug__");
}

static void set_arg_counts(Unit& n, const Arguments* a) {
  n.argcount = static_cast<int>(a->posonlyargs.size() + a->args.size());
  n.posonlyargcount = static_cast<int>(a->posonlyargs.size());
  n.kwonlyargcount = static_cast<int>(a->kwonlyargs.size());
}

// Type parameters of a generic def/class/alias, compiled inside the current
// (annotation-scope) unit: each parameter is created by an intrinsic, bound
// to its name, and all are left on the stack as one tuple. Bounds,
// constraints and defaults are lazily evaluated functions, as in 3.12+.
void Compiler::type_params(const std::vector<TypeParam*>& tps) {
  for (const TypeParam* tp : tps) {
    NodeScope ns(*this, tp);
    ConstEntry name = const_str(tp->name);
    emit(OP_LOAD_CONST, add_const(name.obj, name.key));
    auto lazy = [&](const Expr* const* field) {
      const Expr* e = *field;
      Scope* s = st_.lookup(field);
      enter_unit(s, UnitKind::Annotation, tp->name, child_qualname(tp->name), tp->lineno);
      function_body_prologue(false);
      expr(e);
      emit(OP_RETURN_VALUE);
      Ref<Code> code = leave_unit();
      make_closure(std::move(code), 0, s);
    };
    switch (tp->kind) {
      case TypeParamKind::TypeVar:
        if (tp->bound) {
          lazy(&tp->bound);
          emit(OP_CALL_INTRINSIC_2,
               tp->bound->kind == ExprKind::Tuple ? kIntrinsicTypeVarWithConstraints : kIntrinsicTypeVarWithBound);
        } else {
          emit(OP_CALL_INTRINSIC_1, kIntrinsicTypeVar);
        }
        break;
      case TypeParamKind::ParamSpec: emit(OP_CALL_INTRINSIC_1, kIntrinsicParamSpec); break;
      case TypeParamKind::TypeVarTuple: emit(OP_CALL_INTRINSIC_1, kIntrinsicTypeVarTuple); break;
    }
    if (tp->default_value) {
      lazy(&tp->default_value);
      emit(OP_CALL_INTRINSIC_2, kIntrinsicSetTypeParamDefault);
    }
    emit(OP_COPY, 1);
    name_op(tp->name, ExprContext::Store, tp);
  }
  emit(OP_BUILD_TUPLE, static_cast<uint32_t>(tps.size()));
}

void Compiler::function_def(const FunctionDef* f) {
  if (has_debug_arg(f->args)) error(f, "cannot assign to __debug__");
  for (const Expr* d : f->decorator_list) {
    expr(d);
    emit(OP_PUSH_NULL);
  }
  int firstline = f->decorator_list.empty() ? f->lineno : f->decorator_list[0]->lineno;
  bool generic = !f->type_params.empty();
  Scope* tps = generic ? st_.type_params_scope(f) : nullptr;
  bool has_kwd = false;
  for (auto* d : f->args->kw_defaults) has_kwd = has_kwd || d;
  uint32_t flags = 0;
  if (generic) {
    std::string gname = "<generic parameters of " + f->name + ">";
    enter_unit(tps, UnitKind::Annotation, gname, child_qualname(gname), firstline);
    u().argcount = (f->args->defaults.empty() ? 0 : 1) + (has_kwd ? 1 : 0);
    function_body_prologue(false);
    type_params(f->type_params);
    if (!f->args->defaults.empty()) { name_op(".defaults", ExprContext::Load, f); flags |= 1; }
    if (has_kwd) { name_op(".kwdefaults", ExprContext::Load, f); flags |= 2; }
    Arguments noargs_defaults = *f->args;
    noargs_defaults.defaults.clear();
    for (auto& d : noargs_defaults.kw_defaults) d = nullptr;
    flags |= defaults_and_annotations(&noargs_defaults, f->returns, true);
  } else {
    flags = defaults_and_annotations(f->args, f->returns, true);
  }
  Scope* fs = st_.lookup(f);
  enter_unit(fs, f->is_async() ? UnitKind::AsyncFunction : UnitKind::Function, f->name, child_qualname(f->name),
             firstline);
  Unit& n = u();
  set_arg_counts(n, f->args);
  if (f->is_async()) n.flags |= fs->is_generator ? kCoAsyncGenerator : kCoCoroutine;
  else if (fs->is_generator) n.flags |= kCoGenerator;
  if (units_.size() >= 2 && units_[units_.size() - 2]->is_class) n.flags |= kCoMethod;
  std::string doc;
  if (opts_.optimize < 2 && docstring_of(f->body, &doc)) {
    ConstEntry d = const_str(doc);
    add_const(d.obj, d.key);
    n.flags |= kCoHasDocstring;
  }
  bool gen = (n.flags & (kCoGenerator | kCoCoroutine | kCoAsyncGenerator)) != 0;
  function_body_prologue(gen);
  int handler = kNoLabel;
  if (gen) {
    handler = new_label();
    emit_jump(kSetupCleanup, handler);
  }
  docstring_and_body(f->body, false);
  {
    // The implicit `return None` has no line of its own: its events and
    // f_lineno report the last line that ran before it (CPython 3.11's
    // line propagation), looked up backwards by code_line_for.
    Position saved = u().pos;
    u().pos = Position{-1, -1, -1, -1};
    emit(OP_RETURN_CONST, add_none());
    u().pos = saved;
  }
  if (gen) {
    bind(handler);
    emit(OP_CALL_INTRINSIC_1, kIntrinsicStopIterationError);
    emit(OP_RERAISE, 1);
  }
  Ref<Code> code = leave_unit();
  make_closure(std::move(code), flags, fs);
  if (generic) {
    // [params tuple, func] -> func with __type_params__ set
    emit(OP_SWAP, 2);
    emit(OP_CALL_INTRINSIC_2, kIntrinsicSetFunctionTypeParams);
    emit(OP_RETURN_VALUE);
    Ref<Code> outer = leave_unit();
    make_closure(std::move(outer), 0, tps);
    emit(OP_PUSH_NULL);
    int nargs = 0;
    if (!f->args->defaults.empty()) {
      for (const Expr* d : f->args->defaults) expr(d);
      emit(OP_BUILD_TUPLE, static_cast<uint32_t>(f->args->defaults.size()));
      nargs++;
    }
    if (has_kwd) {
      int nkw = 0;
      for (size_t i = 0; i < f->args->kwonlyargs.size(); i++) {
        if (!f->args->kw_defaults[i]) continue;
        ConstEntry k = const_str(mangle_name(f->args->kwonlyargs[i]->arg));
        emit(OP_LOAD_CONST, add_const(k.obj, k.key));
        expr(f->args->kw_defaults[i]);
        nkw++;
      }
      emit(OP_BUILD_MAP, nkw);
      nargs++;
    }
    emit(OP_CALL, nargs);
  }
  apply_decorators(f->decorator_list, f);
  name_op(f->name, ExprContext::Store, f);
}

void Compiler::lambda(const Lambda* l) {
  if (has_debug_arg(l->args)) error(l, "cannot assign to __debug__");
  uint32_t flags = defaults_and_annotations(l->args, nullptr, false);
  Scope* ls = st_.lookup(l);
  enter_unit(ls, UnitKind::Lambda, "<lambda>", child_qualname("<lambda>"), l->lineno);
  Unit& n = u();
  set_arg_counts(n, l->args);
  if (ls->is_generator) n.flags |= kCoGenerator;
  if (units_.size() >= 2 && units_[units_.size() - 2]->is_class) n.flags |= kCoMethod;
  // CPython keeps None at co_consts[0] of a lambda (no docstring).
  add_none();
  function_body_prologue(ls->is_generator);
  int handler = kNoLabel;
  if (ls->is_generator) {
    handler = new_label();
    emit_jump(kSetupCleanup, handler);
  }
  expr(l->body);
  if (ls->is_generator) {
    emit(OP_POP_TOP);
    emit(OP_RETURN_CONST, add_none());
    bind(handler);
    emit(OP_CALL_INTRINSIC_1, kIntrinsicStopIterationError);
    emit(OP_RERAISE, 1);
  } else {
    emit(OP_RETURN_VALUE);
  }
  Ref<Code> code = leave_unit();
  make_closure(std::move(code), flags, ls);
}

void Compiler::class_body(const ClassDef* c, int firstline) {
  Scope* cs = st_.lookup(c);
  enter_unit(cs, UnitKind::Class, c->name, child_qualname(c->name), firstline);
  function_body_prologue(false);
  {
    NodeScope ns(*this, c);
    name_op("__name__", ExprContext::Load, c);
    name_op("__module__", ExprContext::Store, c);
    ConstEntry q = const_str(u().qualname);
    emit(OP_LOAD_CONST, add_const(q.obj, q.key));
    name_op("__qualname__", ExprContext::Store, c);
    if (body_has_annotations(c->body)) emit(OP_SETUP_ANNOTATIONS);
  }
  docstring_and_body(c->body, true);
  // The epilogue has no line of its own (CPython 3.11 gives it the last
  // statement's): no line event for the class statement's line at its end.
  u().pos = Position{-1, -1, -1, -1};
  if (cs->needs_class_closure) {
    emit(OP_LOAD_CLOSURE, closure_index("__class__"));
    emit(OP_COPY, 1);
    name_op("__classcell__", ExprContext::Store, c);
    emit(OP_RETURN_VALUE);
  } else {
    emit(OP_RETURN_CONST, add_none());
  }
  Ref<Code> code = leave_unit();
  emit(OP_LOAD_BUILD_CLASS);
  emit(OP_PUSH_NULL);
  make_closure(std::move(code), 0, cs);
  ConstEntry nm = const_str(c->name);
  emit(OP_LOAD_CONST, add_const(nm.obj, nm.key));
}

// Calls the decorators pushed before the definition, innermost first; each
// call is reported at its decorator's line.
void Compiler::apply_decorators(const std::vector<Expr*>& decorators, const Located* def) {
  for (size_t i = decorators.size(); i-- > 0;) {
    set_pos(decorators[i]);
    emit(OP_CALL, 1);
  }
  set_pos(def);
}

void Compiler::class_def(const ClassDef* c) {
  for (const Expr* d : c->decorator_list) {
    expr(d);
    emit(OP_PUSH_NULL);
  }
  int firstline = c->decorator_list.empty() ? c->lineno : c->decorator_list[0]->lineno;
  if (c->type_params.empty()) {
    class_body(c, firstline);
    call_helper(c->bases, c->keywords, 2, c, nullptr);
  } else {
    Scope* tps = st_.type_params_scope(c);
    std::string gname = "<generic parameters of " + c->name + ">";
    enter_unit(tps, UnitKind::Annotation, gname, child_qualname(gname), firstline);
    function_body_prologue(false);
    type_params(c->type_params);
    name_op(".type_params", ExprContext::Store, c);
    class_body(c, firstline);
    call_helper(c->bases, c->keywords, 2, c, ".type_params");
    // cls.__type_params__ = .type_params
    emit(OP_COPY, 1);
    name_op(".type_params", ExprContext::Load, c);
    emit(OP_SWAP, 2);
    emit(OP_STORE_ATTR, add_name("__type_params__"));
    emit(OP_RETURN_VALUE);
    Ref<Code> outer = leave_unit();
    make_closure(std::move(outer), 0, tps);
    emit(OP_PUSH_NULL);
    emit(OP_CALL, 0);
  }
  apply_decorators(c->decorator_list, c);
  name_op(c->name, ExprContext::Store, c);
}

void Compiler::type_alias(const ast::TypeAlias* t) {
  const std::string& name = cast<Name>(t->name)->id;
  bool generic = !t->type_params.empty();
  Scope* tps = generic ? st_.type_params_scope(t) : nullptr;
  if (generic) {
    std::string gname = "<generic parameters of " + name + ">";
    enter_unit(tps, UnitKind::Annotation, gname, child_qualname(gname), t->lineno);
    function_body_prologue(false);
    type_params(t->type_params);
    ConstEntry nm = const_str(name);
    emit(OP_LOAD_CONST, add_const(nm.obj, nm.key));
    emit(OP_SWAP, 2);
  } else {
    ConstEntry nm = const_str(name);
    emit(OP_LOAD_CONST, add_const(nm.obj, nm.key));
    load_none();
  }
  Scope* vs = st_.lookup(t);
  enter_unit(vs, UnitKind::Annotation, name, child_qualname(name), t->lineno);
  function_body_prologue(false);
  expr(t->value);
  emit(OP_RETURN_VALUE);
  Ref<Code> code = leave_unit();
  make_closure(std::move(code), 0, vs);
  emit(OP_BUILD_TUPLE, 3);
  emit(OP_CALL_INTRINSIC_1, kIntrinsicTypeAlias);
  if (generic) {
    emit(OP_RETURN_VALUE);
    Ref<Code> outer = leave_unit();
    make_closure(std::move(outer), 0, tps);
    emit(OP_PUSH_NULL);
    emit(OP_CALL, 0);
  }
  name_op(name, ExprContext::Store, t->name);
}

// ---- comprehensions -----------------------------------------------------------------

void Compiler::comprehension(const Expr* e, const std::vector<Comprehension*>& gens, const Expr* elt,
                             const Expr* val, ComprehensionKind kind) {
  Scope* cs = st_.lookup(e);
  bool is_async = cs->is_coroutine;
  UnitKind outer = u().kind;
  if (is_async && kind != ComprehensionKind::Generator && outer != UnitKind::AsyncFunction &&
      outer != UnitKind::Comprehension)
    error(e, "asynchronous comprehension outside of an asynchronous function");
  const char* name = kind == ComprehensionKind::List  ? "<listcomp>"
                     : kind == ComprehensionKind::Set ? "<setcomp>"
                     : kind == ComprehensionKind::Dict ? "<dictcomp>"
                                                       : "<genexpr>";
  enter_unit(cs, UnitKind::Comprehension, name, child_qualname(name), e->lineno);
  set_pos(e);  // the loop machinery reports at the whole comprehension, as CPython
  Unit& n = u();
  n.argcount = 1;
  if (kind == ComprehensionKind::Generator) n.flags |= is_async ? kCoAsyncGenerator : kCoGenerator;
  else if (is_async) n.flags |= kCoCoroutine;
  bool gen = kind == ComprehensionKind::Generator || is_async;
  function_body_prologue(gen);
  int handler = kNoLabel;
  if (gen) {
    handler = new_label();
    emit_jump(kSetupCleanup, handler);
  }
  switch (kind) {
    case ComprehensionKind::List: emit(OP_BUILD_LIST, 0); break;
    case ComprehensionKind::Set: emit(OP_BUILD_SET, 0); break;
    case ComprehensionKind::Dict: emit(OP_BUILD_MAP, 0); break;
    default: break;
  }
  comprehension_generator(gens, 0, 0, elt, val, kind, is_async);
  if (kind == ComprehensionKind::Generator) emit(OP_RETURN_CONST, add_none());
  else emit(OP_RETURN_VALUE);
  if (gen) {
    bind(handler);
    emit(OP_CALL_INTRINSIC_1, kIntrinsicStopIterationError);
    emit(OP_RERAISE, 1);
  }
  Ref<Code> code = leave_unit();
  make_closure(std::move(code), 0, cs);
  emit(OP_PUSH_NULL);
  expr(gens[0]->iter);
  emit(gens[0]->is_async ? OP_GET_AITER : OP_GET_ITER);
  emit(OP_CALL, 1);
  if (is_async && kind != ComprehensionKind::Generator) {
    emit(OP_GET_AWAITABLE, 0);
    load_none();
    yield_from_loop(true);
  }
}

void Compiler::comprehension_generator(const std::vector<Comprehension*>& gens, size_t i, int depth,
                                       const Expr* elt, const Expr* val, ComprehensionKind kind, bool) {
  const Comprehension* g = gens[i];
  int start = new_label(), if_cleanup = new_label(), anchor = new_label();
  if (i == 0) {
    emit(OP_LOAD_FAST, 0);  // .0
  } else {
    if (g->iter->kind == ExprKind::Starred) error(g->iter, "iterable unpacking cannot be used in comprehension");
    expr(g->iter);
    emit(g->is_async ? OP_GET_AITER : OP_GET_ITER);
  }
  depth++;
  bind(start);
  if (g->is_async) {
    emit_jump(kSetupFinally, anchor);
    emit(OP_GET_ANEXT);
    load_none();
    yield_from_loop(true);
    emit(kPopBlock);
  } else {
    emit_jump(OP_FOR_ITER, anchor);
  }
  assign_target(g->target);
  for (const Expr* cond : g->ifs) jump_if(cond, false, if_cleanup);
  if (i + 1 < gens.size()) {
    comprehension_generator(gens, i + 1, depth, elt, val, kind, false);
  } else {
    switch (kind) {
      case ComprehensionKind::Generator:
        expr(elt);
        if (u().flags & kCoAsyncGenerator) emit(OP_CALL_INTRINSIC_1, kIntrinsicAsyncGenWrap);
        emit(OP_YIELD_VALUE);
        emit(OP_RESUME, 1);
        emit(OP_POP_TOP);
        break;
      case ComprehensionKind::List: expr(elt); emit(OP_LIST_APPEND, depth + 1); break;
      case ComprehensionKind::Set: expr(elt); emit(OP_SET_ADD, depth + 1); break;
      case ComprehensionKind::Dict:
        expr(elt);
        expr(val);
        emit(OP_MAP_ADD, depth + 1);
        break;
      default: break;
    }
  }
  bind(if_cleanup);
  emit_jump(kPseudoJump, start);
  bind(anchor);
  if (g->is_async) emit(OP_END_ASYNC_FOR);
}

// ---- driver -----------------------------------------------------------------------------

Ref<Code> Compiler::compile_mod(const Mod* mod) {
  future_annotations_ = st_.future_annotations;
  enter_unit(st_.top, UnitKind::Module, "<module>", "<module>", 1);
  switch (mod->kind) {
    case ModKind::Module: {
      auto* m = static_cast<const Module*>(mod);
      for (size_t i = 0; i < m->body.size(); i++) {
        const Stmt* st = m->body[i];
        if (i == 0 && st->kind == StmtKind::Expr && cast<ExprStmt>(st)->value->kind == ExprKind::Constant &&
            cast<Constant>(cast<ExprStmt>(st)->value)->value.kind == ConstantValue::Kind::Str)
          continue;
        auto* f = dyn<ImportFrom>(st);
        if (!f || f->module != "__future__" || f->level != 0) break;
        future_ok_.push_back(st);
      }
      if (!m->body.empty()) u().pos = Position{m->body[0]->lineno, m->body[0]->lineno, 0, 0};
      emit(OP_RESUME, 0);
      if (body_has_annotations(m->body)) emit(OP_SETUP_ANNOTATIONS);
      docstring_and_body(m->body, true);
      u().pos = Position{-1, -1, -1, -1};  // no line of its own (see the function body's)
      emit(OP_RETURN_CONST, add_none());
      break;
    }
    case ModKind::Interactive: {
      auto* m = static_cast<const Interactive*>(mod);
      emit(OP_RESUME, 0);
      if (body_has_annotations(m->body)) emit(OP_SETUP_ANNOTATIONS);
      stmts(m->body);
      emit(OP_RETURN_CONST, add_none());
      break;
    }
    case ModKind::Expression: {
      auto* m = static_cast<const Expression*>(mod);
      emit(OP_RESUME, 0);
      expr(m->body);
      emit(OP_RETURN_VALUE);
      break;
    }
  }
  return leave_unit();
}

}  // namespace comp

Ref<Code> compile_ast(const ast::Mod* mod, const SymbolTable& st, std::string_view source,
                      std::string_view filename, const CompileOptions& opts, SyntaxErrorInfo* err) {
  comp::Compiler c(st, source, filename, opts);
  try {
    return c.compile_mod(mod);
  } catch (const comp::CompileFailure& f) {
    *err = f.info;
    return nullptr;
  }
}

Ref<Code> compile_string(std::string_view source, std::string_view filename, int mode,
                         const CompileOptions& opts, SyntaxErrorInfo* err) {
  ParseMode pm = mode == 1   ? ParseMode::Eval
                 : mode == 2 ? ParseMode::Single
                 : mode == 3 ? ParseMode::SingleNoImpliedDedent
                             : ParseMode::Exec;
  ParseResult r = parse(source, filename, pm);
  if (opts.warnings) {
    // The tokenizer's and parser's warnings, each with the SyntaxError it
    // becomes when a filter raises it (CPython: at its token, with the
    // source line the parser holds).
    std::vector<std::string_view> lines;
    for (size_t s = 0; s <= r.source.size();) {
      size_t e = r.source.find('\n', s);
      if (e == std::string::npos) e = r.source.size();
      lines.push_back(std::string_view(r.source).substr(s, e - s));
      s = e + 1;
    }
    auto line = [&](int n) { return n >= 1 && n <= static_cast<int>(lines.size()) ? lines[n - 1] : std::string_view(); };
    for (SyntaxWarningInfo& w : r.warnings) {
      SyntaxErrorInfo& e = w.as_error;
      e.type = "SyntaxError";
      e.msg = w.msg;
      e.lineno = w.lineno;
      e.offset = uni::count_chars(line(w.lineno), w.col_offset) + 1;
      e.end_lineno = w.end_lineno ? w.end_lineno : w.lineno;
      e.end_offset = w.end_col_offset < 0 ? e.offset : uni::count_chars(line(e.end_lineno), w.end_col_offset) + 1;
      e.text = std::string(line(w.lineno)) + (w.text_without_newline ? "" : "\n");
      opts.warnings->push_back(std::move(w));
    }
  }
  if (r.error) {
    *err = *r.error;
    return nullptr;
  }
  std::unique_ptr<SymbolTable> st = build_symtable(r.mod, r.source, err);
  if (!st) return nullptr;
  CompileOptions o = opts;
  if (mode >= 2) o.interactive = true;
  return compile_ast(r.mod, *st, r.source, filename, o, err);
}

}  // namespace ftpy
