#include "compile/symtable.h"

#include <algorithm>
#include <unordered_set>

#include "parse/unicode_support.h"

namespace ftpy {

using namespace ast;

const char* name_of(SymScope s) {
  static const char* const k[] = {"NONE", "LOCAL", "GLOBAL_EXPLICIT", "GLOBAL_IMPLICIT", "FREE", "CELL"};
  return k[static_cast<int>(s)];
}

const char* name_of(BlockType t) {
  static const char* const k[] = {"function",     "class",      "module",         "annotation",
                                  "TypeVar bound", "type alias", "type parameters"};
  return k[static_cast<int>(t)];
}

const Symbol* Scope::lookup(std::string_view n) const {
  auto it = index.find(std::string(n));
  return it == index.end() ? nullptr : &symbols[it->second];
}

Symbol& Scope::get_or_add(const std::string& n) {
  auto it = index.find(n);
  if (it != index.end()) return symbols[it->second];
  index.emplace(n, symbols.size());
  symbols.push_back(Symbol{n, 0, SymScope::None});
  return symbols.back();
}

std::string mangle(std::string_view cls, std::string_view name) {
  if (cls.empty() || name.size() < 2 || name[0] != '_' || name[1] != '_') return std::string(name);
  if ((name.size() >= 2 && name.substr(name.size() - 2) == "__") ||
      name.find('.') != std::string_view::npos)
    return std::string(name);
  size_t k = cls.find_first_not_of('_');
  if (k == std::string_view::npos) return std::string(name);
  std::string out = "_";
  out += cls.substr(k);
  out += name;
  return out;
}

namespace {

struct SymError {
  SyntaxErrorInfo info;
};

class Builder {
 public:
  Builder(SymbolTable& t, std::string_view src, const SymtableOptions& o)
      : t_(t), src_(src), opts_(o) {}

  void run(const Mod* mod) {
    Scope* top = enter(BlockType::Module, "top", mod, 0, 0);
    t_.top = top;
    module_ = top;
    switch (mod->kind) {
      case ModKind::Module: {
        auto* m = static_cast<const Module*>(mod);
        scan_future(m->body);
        stmts(m->body);
        break;
      }
      case ModKind::Interactive: {
        auto* m = static_cast<const Interactive*>(mod);
        scan_future(m->body);
        stmts(m->body);
        break;
      }
      case ModKind::Expression:
        expr(static_cast<const Expression*>(mod)->body);
        break;
    }
    leave();
    analyze();
  }

 private:
  SymbolTable& t_;
  std::string_view src_;
  const SymtableOptions& opts_;
  Scope* cur_ = nullptr;
  Scope* module_ = nullptr;
  int depth_ = 0;  // nesting of stmt()/expr(): deep trees raise, not overflow the C stack
  std::string private_;  // innermost enclosing class name, for mangling
  std::vector<int> line_starts_;

  // ---- errors ----
  // Same bound as the compiler's: a chain like 1+1+...+1 of 100000 terms is a
  // RecursionError, as in CPython, instead of a stack overflow.
  static constexpr int kMaxDepth = 3000;
  struct DepthGuard {
    Builder& b;
    explicit DepthGuard(Builder& builder) : b(builder) {
      if (++b.depth_ > kMaxDepth) {
        b.depth_--;
        SyntaxErrorInfo e;
        e.type = "RecursionError";
        e.msg = "maximum recursion depth exceeded during compilation";
        throw SymError{e};
      }
    }
    ~DepthGuard() { b.depth_--; }
  };
  [[noreturn]] void fail(const Located* n, std::string msg) {
    fail_at(n->lineno, n->col_offset, n->end_lineno, n->end_col_offset, std::move(msg));
  }
  [[noreturn]] void fail_at(int line, int col, int eline, int ecol, std::string msg) {
    SyntaxErrorInfo e;
    e.msg = std::move(msg);
    e.lineno = line;
    e.end_lineno = eline;
    std::string_view l = line_text(line), el = line_text(eline);
    e.offset = uni::count_chars(l, col) + 1;
    e.end_offset = uni::count_chars(el, ecol) + 1;
    if (!l.empty() || line > 0) e.text = std::string(l) + "\n";
    e.text_from_file = true;
    throw SymError{e};
  }
  // future.c's errors: a line and column (shifted by `col_shift`), no end column.
  [[noreturn]] void fail_future(const Located* n, std::string msg, int col_shift = 0) {
    try {
      fail_at(n->lineno, n->col_offset + col_shift, n->lineno, n->col_offset, std::move(msg));
    } catch (SymError& e) {
      e.info.end_offset = SyntaxErrorInfo::kNone;
      throw;
    }
  }
  std::string_view line_text(int line) {
    if (line_starts_.empty()) {
      line_starts_.push_back(0);
      for (size_t i = 0; i < src_.size(); i++)
        if (src_[i] == '\n') line_starts_.push_back(static_cast<int>(i + 1));
    }
    if (line < 1 || line > static_cast<int>(line_starts_.size())) return {};
    size_t s = line_starts_[line - 1];
    size_t e = src_.find('\n', s);
    if (e == std::string_view::npos) e = src_.size();
    return src_.substr(s, e - s);
  }

  // ---- blocks ----
  Scope* enter(BlockType type, std::string name, const void* node, int lineno, int col) {
    auto s = std::make_unique<Scope>();
    Scope* p = s.get();
    p->type = type;
    p->name = std::move(name);
    p->node = node;
    p->lineno = lineno;
    p->col_offset = col;
    p->parent = cur_;
    if (cur_) {
      if (cur_->nested || cur_->is_function_like()) p->nested = true;
      cur_->children.push_back(p);
    }
    t_.scopes.push_back(std::move(s));
    if (node && !t_.by_node.count(node)) t_.by_node[node] = p;
    cur_ = p;
    return p;
  }
  void leave() { cur_ = cur_->parent; }

  // __future__ imports: only at the top (after an optional docstring), and
  // only known features (CPython's future.c).
  void scan_future(const std::vector<Stmt*>& body) {
    static const char* const kFeatures[] = {
        "nested_scopes", "generators", "division", "absolute_import", "with_statement",
        "print_function", "unicode_literals", "barry_as_FLUFL", "generator_stop", "annotations"};
    bool leading = true;
    for (size_t i = 0; i < body.size(); i++) {
      if (!leading && !opts_.compiler_checks && i > 0 && body[i - 1]->end_lineno != body[i]->lineno)
        continue;
      const Stmt* s = body[i];
      if (i == 0 && s->kind == StmtKind::Expr) {
        auto* v = cast<ExprStmt>(s)->value;
        if (v->kind == ExprKind::Constant && cast<Constant>(v)->value.kind == ConstantValue::Kind::Str)
          continue;
      }
      auto* f = dyn<ImportFrom>(s);
      if (!f || f->module != "__future__" || f->level != 0) {
        leading = false;
        continue;
      }
      if (!leading) {
        const char* msg = "from __future__ imports must occur at the beginning of the file";
        // future.c catches a late import on the same line as the previous
        // statement (reporting offset = col_offset); the compiler the rest.
        if (i > 0 && body[i - 1]->end_lineno == s->lineno) fail_future(s, msg, -1);
        if (opts_.compiler_checks) fail(s, msg);
        continue;
      }
      for (auto* a : f->names) {
        if (a->name == "annotations") t_.future_annotations = true;
        if (a->name == "braces") fail_future(s, "not a chance");
        bool known = false;
        for (const char* k : kFeatures) known = known || a->name == k;
        if (!known) fail_future(s, "future feature " + a->name + " is not defined");
      }
    }
  }

  // ---- definitions ----
  void add_def_in(Scope* s, const std::string& raw, uint32_t flag, const Located* loc) {
    std::string name = mangle(private_, raw);
    Symbol& sym = s->get_or_add(name);
    if ((flag & kDefParam) && (sym.flags & kDefParam))
      fail(loc, "duplicate argument '" + raw + "' in function definition");
    if ((flag & kDefTypeParam) && (sym.flags & kDefTypeParam))
      fail(loc, "duplicate type parameter '" + raw + "'");
    uint32_t val = sym.flags | flag;
    if (s->comp_iter_target) {
      if (val & (kDefGlobal | kDefNonlocal))
        fail(loc, "comprehension inner loop cannot rebind assignment expression target '" + raw + "'");
      val |= kDefCompIter;
    }
    Symbol& sym2 = s->get_or_add(name);  // (reference stays valid: no insert since)
    sym2.flags = val;
    if (flag & kDefParam) {
      s->varnames.push_back(name);
    } else if (flag & kDefGlobal) {
      Symbol& g = module_->get_or_add(name);
      g.flags |= flag;
    }
  }
  void add_def(const std::string& name, uint32_t flag, const Located* loc) {
    add_def_in(cur_, name, flag, loc);
  }
  uint32_t lookup_flags(const std::string& raw) {
    const Symbol* s = cur_->lookup(mangle(private_, raw));
    return s ? s->flags : 0;
  }

  // ---- statements ----
  void stmts(const std::vector<Stmt*>& v) {
    for (const Stmt* s : v) stmt(s);
  }
  void exprs(const std::vector<Expr*>& v) {
    for (const Expr* e : v)
      if (e) expr(e);
  }

  void annotation(const Expr* e) {
    if (!e) return;
    if (t_.future_annotations) return;  // stringified: names are never evaluated
    expr(e);
  }
  void arg_annotations(const Arguments* a, const Expr* returns) {
    for (auto* x : a->posonlyargs) annotation(x->annotation);
    for (auto* x : a->args) annotation(x->annotation);
    if (a->vararg) annotation(a->vararg->annotation);
    for (auto* x : a->kwonlyargs) annotation(x->annotation);
    if (a->kwarg) annotation(a->kwarg->annotation);
    annotation(returns);
  }
  void params(const Arguments* a) {
    for (auto* x : a->posonlyargs) add_def(x->arg, kDefParam, x);
    for (auto* x : a->args) add_def(x->arg, kDefParam, x);
    for (auto* x : a->kwonlyargs) add_def(x->arg, kDefParam, x);
    if (a->vararg) {
      add_def(a->vararg->arg, kDefParam, a->vararg);
      cur_->has_varargs = true;
    }
    if (a->kwarg) {
      add_def(a->kwarg->arg, kDefParam, a->kwarg);
      cur_->has_varkeywords = true;
    }
  }

  void enter_type_params(const std::string& name, const void* node, const Located* loc,
                         const std::vector<TypeParam*>& tps, bool is_class, bool has_defaults,
                         bool has_kwdefaults) {
    Scope* s = enter(BlockType::TypeParameters, "<generic parameters of " + name + ">", nullptr,
                     loc->lineno, loc->col_offset);
    t_.type_param_scopes[node] = s;
    if (is_class) {
      add_def(".type_params", kDefLocal, loc);
      add_def(".type_params", kUse, loc);
      add_def(".generic_base", kDefLocal, loc);
      add_def(".generic_base", kUse, loc);
    }
    if (has_defaults) add_def(".defaults", kDefParam, loc);
    if (has_kwdefaults) add_def(".kwdefaults", kDefParam, loc);
    for (const TypeParam* tp : tps) {
      add_def(tp->name, kDefTypeParam | kDefLocal, tp);
      // Keyed by the field's address: the expression itself may be a lambda
      // or comprehension whose own scope is keyed by the node.
      const void* keys[2] = {&tp->bound, &tp->default_value};
      const Expr* parts[2] = {tp->bound, tp->default_value};
      for (int k = 0; k < 2; k++) {
        const Expr* e = parts[k];
        if (!e) continue;
        enter(BlockType::TypeVarBound, tp->name, keys[k], tp->lineno, tp->col_offset);
        expr(e);
        leave();
      }
    }
  }

  void stmt(const Stmt* s) {
    DepthGuard guard(*this);
    switch (s->kind) {
      case StmtKind::FunctionDef: case StmtKind::AsyncFunctionDef: {
        auto* f = cast<FunctionDef>(s);
        add_def(f->name, kDefLocal, s);
        exprs(f->args->defaults);
        exprs(f->args->kw_defaults);
        bool generic = !f->type_params.empty();
        if (!generic) arg_annotations(f->args, f->returns);
        exprs(f->decorator_list);
        if (generic) {
          bool kwd = false;
          for (auto* d : f->args->kw_defaults) kwd = kwd || d;
          enter_type_params(f->name, f, s, f->type_params, false, !f->args->defaults.empty(), kwd);
          arg_annotations(f->args, f->returns);
        }
        Scope* fs = enter(BlockType::Function, f->name, f, s->lineno, s->col_offset);
        if (f->is_async()) fs->is_coroutine = true;
        params(f->args);
        stmts(f->body);
        leave();
        if (generic) leave();
        break;
      }
      case StmtKind::ClassDef: {
        auto* c = cast<ClassDef>(s);
        add_def(c->name, kDefLocal, s);
        bool generic = !c->type_params.empty();
        if (!generic) {
          exprs(c->bases);
          for (auto* k : c->keywords) expr(k->value);
        }
        exprs(c->decorator_list);
        if (generic) {
          enter_type_params(c->name, c, s, c->type_params, true, false, false);
          exprs(c->bases);
          for (auto* k : c->keywords) expr(k->value);
        }
        std::string saved = private_;
        enter(BlockType::Class, c->name, c, s->lineno, s->col_offset);
        private_ = c->name;
        if (generic) add_def("__type_params__", kDefLocal, s);
        stmts(c->body);
        leave();
        private_ = saved;
        if (generic) leave();
        break;
      }
      case StmtKind::Return: {
        auto* r = cast<Return>(s);
        if (r->value) {
          expr(r->value);
          cur_->returns_value = true;
        }
        if (opts_.compiler_checks && !cur_->is_function_like()) fail(s, "'return' outside function");
        break;
      }
      case StmtKind::Delete: exprs(cast<Delete>(s)->targets); break;
      case StmtKind::Assign: {
        auto* a = cast<Assign>(s);
        exprs(a->targets);
        expr(a->value);
        break;
      }
      case StmtKind::TypeAlias: {
        auto* a = cast<TypeAlias>(s);
        const std::string& name = cast<Name>(a->name)->id;
        add_def(name, kDefLocal, a->name);
        bool generic = !a->type_params.empty();
        if (generic) enter_type_params(name, a, s, a->type_params, false, false, false);
        enter(BlockType::TypeAlias, name, a, s->lineno, s->col_offset);
        expr(a->value);
        leave();
        if (generic) leave();
        break;
      }
      case StmtKind::AugAssign: {
        auto* a = cast<AugAssign>(s);
        expr(a->target);
        expr(a->value);
        break;
      }
      case StmtKind::AnnAssign: {
        auto* a = cast<AnnAssign>(s);
        if (auto* n = dyn<Name>(a->target)) {
          uint32_t cur = lookup_flags(n->id);
          if ((cur & (kDefGlobal | kDefNonlocal)) && cur_ != module_ && a->simple)
            fail(s, std::string("annotated name '") + n->id + "' can't be " +
                        ((cur & kDefGlobal) ? "global" : "nonlocal"));
          if (a->simple) add_def(n->id, kDefAnnot | kDefLocal, n);
          else if (a->value) add_def(n->id, kDefLocal, n);
        } else {
          expr(a->target);
        }
        annotation(a->annotation);
        if (a->value) expr(a->value);
        break;
      }
      case StmtKind::For: case StmtKind::AsyncFor: {
        auto* f = cast<For>(s);
        expr(f->target);
        expr(f->iter);
        stmts(f->body);
        stmts(f->orelse);
        break;
      }
      case StmtKind::While: {
        auto* w = cast<While>(s);
        expr(w->test);
        stmts(w->body);
        stmts(w->orelse);
        break;
      }
      case StmtKind::If: {
        auto* w = cast<If>(s);
        expr(w->test);
        stmts(w->body);
        stmts(w->orelse);
        break;
      }
      case StmtKind::With: case StmtKind::AsyncWith: {
        auto* w = cast<With>(s);
        for (auto* it : w->items) {
          expr(it->context_expr);
          if (it->optional_vars) expr(it->optional_vars);
        }
        stmts(w->body);
        break;
      }
      case StmtKind::Match: {
        auto* m = cast<Match>(s);
        expr(m->subject);
        for (auto* c : m->cases) {
          pattern(c->pattern);
          if (c->guard) expr(c->guard);
          stmts(c->body);
        }
        break;
      }
      case StmtKind::Raise: {
        auto* r = cast<Raise>(s);
        if (r->exc) expr(r->exc);
        if (r->cause) expr(r->cause);
        break;
      }
      case StmtKind::Try: case StmtKind::TryStar: {
        auto* t = cast<Try>(s);
        stmts(t->body);
        stmts(t->orelse);
        for (auto* h : t->handlers) {
          if (h->type) expr(h->type);
          if (!h->name.empty()) add_def(h->name, kDefLocal, h);
          stmts(h->body);
        }
        stmts(t->finalbody);
        break;
      }
      case StmtKind::Assert: {
        auto* a = cast<Assert>(s);
        expr(a->test);
        if (a->msg) expr(a->msg);
        break;
      }
      case StmtKind::Import:
        for (auto* a : cast<Import>(s)->names) alias(a);
        break;
      case StmtKind::ImportFrom:
        for (auto* a : cast<ImportFrom>(s)->names) alias(a);
        break;
      case StmtKind::Global: case StmtKind::Nonlocal: {
        bool global = s->kind == StmtKind::Global;
        const auto& names = global ? cast<Global>(s)->names : cast<Nonlocal>(s)->names;
        for (const std::string& n : names) {
          uint32_t cur = lookup_flags(n);
          if (cur & (kDefParam | kDefLocal | kUse | kDefAnnot)) {
            const char* kind = global ? "global" : "nonlocal";
            std::string msg;
            if (cur & kDefParam) msg = "name '" + n + "' is parameter and " + kind;
            else if (cur & kUse) msg = "name '" + n + "' is used prior to " + kind + " declaration";
            else if (cur & kDefAnnot) msg = "annotated name '" + n + "' can't be " + kind;
            else msg = "name '" + n + "' is assigned to before " + kind + " declaration";
            fail(s, msg);
          }
          add_def(n, global ? kDefGlobal : kDefNonlocal, s);
          directives_.emplace(std::make_pair(cur_, mangle(private_, n)), s);  // the first one is reported
          if (!global && cur_ == module_) fail(s, "nonlocal declaration not allowed at module level");
        }
        break;
      }
      case StmtKind::Expr: expr(cast<ExprStmt>(s)->value); break;
      case StmtKind::Pass: case StmtKind::Break: case StmtKind::Continue: break;
    }
  }

  void alias(const Alias* a) {
    std::string store = a->asname.empty() ? a->name : a->asname;
    if (a->asname.empty()) {
      size_t dot = store.find('.');
      if (dot != std::string::npos) store = store.substr(0, dot);
    }
    if (store == "*") {
      if (cur_->type != BlockType::Module) fail(a, "import * only allowed at module level");
      return;
    }
    add_def(store, kDefImport, a);
  }

  void pattern(const Pattern* p) {
    switch (p->kind) {
      case PatternKind::MatchValue: expr(cast<MatchValue>(p)->value); break;
      case PatternKind::MatchSingleton: break;
      case PatternKind::MatchSequence:
        for (auto* x : cast<MatchSequence>(p)->patterns) pattern(x);
        break;
      case PatternKind::MatchStar:
        if (!cast<MatchStar>(p)->name.empty()) add_def(cast<MatchStar>(p)->name, kDefLocal, p);
        break;
      case PatternKind::MatchAs: {
        auto* x = cast<MatchAs>(p);
        if (x->pattern) pattern(x->pattern);
        if (!x->name.empty()) add_def(x->name, kDefLocal, p);
        break;
      }
      case PatternKind::MatchOr:
        for (auto* x : cast<MatchOr>(p)->patterns) pattern(x);
        break;
      case PatternKind::MatchClass: {
        auto* x = cast<MatchClass>(p);
        expr(x->cls);
        for (auto* y : x->patterns) pattern(y);
        for (auto* y : x->kwd_patterns) pattern(y);
        break;
      }
      case PatternKind::MatchMapping: {
        auto* x = cast<MatchMapping>(p);
        exprs(x->keys);
        for (auto* y : x->patterns) pattern(y);
        if (!x->rest.empty()) add_def(x->rest, kDefLocal, p);
        break;
      }
    }
  }

  // ---- expressions ----
  void comprehension(const Expr* e, const char* scope_name,
                     const std::vector<Comprehension*>& gens, const Expr* elt, const Expr* value,
                     ComprehensionKind kind) {
    bool is_generator = kind == ComprehensionKind::Generator;
    const Comprehension* outer = gens[0];
    cur_->comp_iter_expr++;
    expr(outer->iter);
    cur_->comp_iter_expr--;
    Scope* s = enter(BlockType::Function, scope_name, e, e->lineno, e->col_offset);
    s->comprehension = kind;
    if (outer->is_async) s->is_coroutine = true;
    add_def(".0", kDefParam, e);
    s->comp_iter_target = true;
    expr(outer->target);
    s->comp_iter_target = false;
    exprs(outer->ifs);
    for (size_t i = 1; i < gens.size(); i++) {
      const Comprehension* c = gens[i];
      s->comp_iter_target = true;
      expr(c->target);
      s->comp_iter_target = false;
      s->comp_iter_expr++;
      expr(c->iter);
      s->comp_iter_expr--;
      exprs(c->ifs);
      if (c->is_async) s->is_coroutine = true;
    }
    if (value) expr(value);
    expr(elt);
    s->is_generator = is_generator;
    bool is_async = s->is_coroutine && !is_generator;
    leave();
    if (is_async) cur_->is_coroutine = true;
  }

  void named_expr_target(const NamedExpr* ne) {
    const Name* target = cast<Name>(ne->target);
    // Walk outwards past comprehension scopes to the binding scope.
    for (Scope* s = cur_; s; s = s->parent) {
      if (s->comprehension != ComprehensionKind::None) {
        const Symbol* sym = s->lookup(mangle(private_, target->id));
        if (sym && (sym->flags & kDefCompIter))
          fail(ne, "assignment expression cannot rebind comprehension iteration variable '" +
                       target->id + "'");
        continue;
      }
      if (s->type == BlockType::Function) {
        const Symbol* sym = s->lookup(mangle(private_, target->id));
        if (sym && (sym->flags & kDefGlobal)) add_def(target->id, kDefGlobal, target);
        else add_def(target->id, kDefNonlocal, target);
        add_def_in(s, target->id, kDefLocal, target);
        return;
      }
      if (s->type == BlockType::Module) {
        add_def(target->id, kDefGlobal, target);
        add_def_in(s, target->id, kDefGlobal, target);
        return;
      }
      if (s->type == BlockType::Class)
        fail(ne, "assignment expression within a comprehension cannot be used in a class body");
      // Type-parameter/annotation scopes: 3.12 forbids named expressions there.
      fail(ne, "named expression cannot be used within a type parameter scope");
    }
  }

  void expr(const Expr* e) {
    DepthGuard guard(*this);
    switch (e->kind) {
      case ExprKind::NamedExpr: {
        auto* ne = cast<NamedExpr>(e);
        if (cur_->comp_iter_expr > 0)
          fail(e, "assignment expression cannot be used in a comprehension iterable expression");
        if (cur_->comprehension != ComprehensionKind::None) named_expr_target(ne);
        expr(ne->value);
        expr(ne->target);
        break;
      }
      case ExprKind::BoolOp: exprs(cast<BoolOp>(e)->values); break;
      case ExprKind::BinOp: expr(cast<BinOp>(e)->left); expr(cast<BinOp>(e)->right); break;
      case ExprKind::UnaryOp: expr(cast<UnaryOp>(e)->operand); break;
      case ExprKind::Lambda: {
        auto* l = cast<Lambda>(e);
        exprs(l->args->defaults);
        exprs(l->args->kw_defaults);
        enter(BlockType::Function, "lambda", l, e->lineno, e->col_offset);
        params(l->args);
        expr(l->body);
        leave();
        break;
      }
      case ExprKind::IfExp: {
        auto* x = cast<IfExp>(e);
        expr(x->test);
        expr(x->body);
        expr(x->orelse);
        break;
      }
      case ExprKind::Dict: {
        auto* d = cast<Dict>(e);
        for (size_t i = 0; i < d->values.size(); i++) {
          if (d->keys[i]) expr(d->keys[i]);
          expr(d->values[i]);
        }
        break;
      }
      case ExprKind::Set: exprs(cast<Set>(e)->elts); break;
      case ExprKind::GeneratorExp: {
        auto* g = cast<GeneratorExp>(e);
        comprehension(e, "genexpr", g->generators, g->elt, nullptr, ComprehensionKind::Generator);
        break;
      }
      case ExprKind::ListComp: {
        auto* g = cast<ListComp>(e);
        comprehension(e, "listcomp", g->generators, g->elt, nullptr, ComprehensionKind::List);
        break;
      }
      case ExprKind::SetComp: {
        auto* g = cast<SetComp>(e);
        comprehension(e, "setcomp", g->generators, g->elt, nullptr, ComprehensionKind::Set);
        break;
      }
      case ExprKind::DictComp: {
        auto* g = cast<DictComp>(e);
        comprehension(e, "dictcomp", g->generators, g->key, g->value, ComprehensionKind::Dict);
        break;
      }
      case ExprKind::Yield: case ExprKind::YieldFrom: {
        const Expr* v = e->kind == ExprKind::Yield ? cast<Yield>(e)->value : cast<YieldFrom>(e)->value;
        if (v) expr(v);
        yield_checks(e, "yield");
        cur_->is_generator = true;
        break;
      }
      case ExprKind::Await: {
        expr(cast<Await>(e)->value);
        if (opts_.compiler_checks) {
          // Module-level await is only valid with top-level-await compile flags.
          Scope* s = cur_;
          while (s && s->comprehension != ComprehensionKind::None) s = s->parent;
          if (s && !s->is_function_like()) fail(e, "'await' outside function");
        }
        cur_->is_coroutine = true;
        break;
      }
      case ExprKind::Compare: {
        auto* c = cast<Compare>(e);
        expr(c->left);
        exprs(c->comparators);
        break;
      }
      case ExprKind::Call: {
        auto* c = cast<Call>(e);
        expr(c->func);
        exprs(c->args);
        for (auto* k : c->keywords) expr(k->value);
        break;
      }
      case ExprKind::FormattedValue: {
        auto* f = cast<FormattedValue>(e);
        expr(f->value);
        if (f->format_spec) expr(f->format_spec);
        break;
      }
      case ExprKind::Interpolation: {
        auto* f = cast<Interpolation>(e);
        expr(f->value);
        if (f->format_spec) expr(f->format_spec);
        break;
      }
      case ExprKind::JoinedStr: exprs(cast<JoinedStr>(e)->values); break;
      case ExprKind::TemplateStr: exprs(cast<TemplateStr>(e)->values); break;
      case ExprKind::Constant: break;
      case ExprKind::Attribute: expr(cast<Attribute>(e)->value); break;
      case ExprKind::Subscript: expr(cast<Subscript>(e)->value); expr(cast<Subscript>(e)->slice); break;
      case ExprKind::Starred: expr(cast<Starred>(e)->value); break;
      case ExprKind::Slice: {
        auto* s = cast<Slice>(e);
        if (s->lower) expr(s->lower);
        if (s->upper) expr(s->upper);
        if (s->step) expr(s->step);
        break;
      }
      case ExprKind::Name: {
        auto* n = cast<Name>(e);
        add_def(n->id, n->ctx == ExprContext::Load ? kUse : kDefLocal, n);
        if (n->ctx == ExprContext::Load && cur_->type == BlockType::Function && n->id == "super")
          add_def("__class__", kUse, n);
        break;
      }
      case ExprKind::List: exprs(cast<List>(e)->elts); break;
      case ExprKind::Tuple: exprs(cast<Tuple>(e)->elts); break;
    }
  }

  void yield_checks(const Expr* e, const char*) {
    switch (cur_->comprehension) {
      case ComprehensionKind::List: fail(e, "'yield' inside list comprehension");
      case ComprehensionKind::Set: fail(e, "'yield' inside set comprehension");
      case ComprehensionKind::Dict: fail(e, "'yield' inside dict comprehension");
      case ComprehensionKind::Generator: fail(e, "'yield' inside generator expression");
      case ComprehensionKind::None: break;
    }
    if (opts_.compiler_checks && !cur_->is_function_like()) fail(e, "'yield' outside function");
  }

  // ---- analysis (CPython's analyze_block) ----
  using NameSet = std::unordered_set<std::string>;

  void analyze() {
    NameSet free, global;
    analyze_block(t_.top, nullptr, free, global);
  }

  void analyze_name(Scope* s, Symbol& sym, const NameSet* bound, NameSet& local, NameSet& free,
                    NameSet& global, std::unordered_map<std::string, SymScope>& scopes) {
    const std::string& name = sym.name;
    uint32_t flags = sym.flags;
    if (flags & kDefGlobal) {
      if (flags & kDefNonlocal) fail_sym(s, "name '" + name + "' is nonlocal and global", name);
      scopes[name] = SymScope::GlobalExplicit;
      global.insert(name);
      if (bound) const_cast<NameSet*>(bound)->erase(name);
      return;
    }
    if (flags & kDefNonlocal) {
      if (!bound) fail_sym(s, "nonlocal declaration not allowed at module level");
      if (!bound->count(name)) fail_sym(s, "no binding for nonlocal '" + name + "' found", name);
      scopes[name] = SymScope::Free;
      s->has_free = true;
      free.insert(name);
      return;
    }
    if (flags & kDefBound) {
      scopes[name] = SymScope::Local;
      local.insert(name);
      global.erase(name);
      return;
    }
    if (bound && bound->count(name)) {
      scopes[name] = SymScope::Free;
      s->has_free = true;
      free.insert(name);
      return;
    }
    if (global.count(name)) {
      scopes[name] = SymScope::GlobalImplicit;
      return;
    }
    if (s->nested) s->has_free = true;
    scopes[name] = SymScope::GlobalImplicit;
  }

  // Symtable errors found during analysis point at the name's directive;
  // we keep the scope's position when no better one is known.
  [[noreturn]] void fail_sym(Scope* s, std::string msg, const std::string& name = {}) {
    auto it = directives_.find({s, name});
    if (it != directives_.end()) {
      const Located* l = it->second;
      fail(l, std::move(msg));
    }
    fail_at(s->lineno, s->col_offset, s->lineno, s->col_offset, std::move(msg));
  }

  void analyze_block(Scope* s, NameSet* bound, NameSet& free, NameSet& global) {
    NameSet local, newglobal, newfree, newbound;
    std::unordered_map<std::string, SymScope> scopes;
    if (s->type == BlockType::Class) {
      newglobal = global;
      if (bound) newbound = *bound;
    }
    for (Symbol& sym : s->symbols) analyze_name(s, sym, bound, local, free, global, scopes);
    if (s->type != BlockType::Class) {
      if (s->is_function_like()) newbound.insert(local.begin(), local.end());
      if (bound) newbound.insert(bound->begin(), bound->end());
      newglobal.insert(global.begin(), global.end());
    } else {
      newbound.insert("__class__");
    }
    NameSet allfree;
    for (Scope* c : s->children) {
      NameSet tb = newbound, tf = newfree, tg = newglobal;
      analyze_block(c, &tb, tf, tg);
      allfree.insert(tf.begin(), tf.end());
      if (c->has_free || c->child_free) s->child_free = true;
    }
    newfree.insert(allfree.begin(), allfree.end());
    if (s->is_function_like()) {
      for (auto& [name, sc] : scopes) {
        if (sc != SymScope::Local) continue;
        if (!newfree.count(name)) continue;
        sc = SymScope::Cell;
        newfree.erase(name);
      }
    } else if (s->type == BlockType::Class) {
      if (newfree.erase("__class__")) s->needs_class_closure = true;
    }
    // update_symbols
    for (Symbol& sym : s->symbols) sym.scope = scopes[sym.name];
    std::vector<std::string> sorted_free(newfree.begin(), newfree.end());
    std::sort(sorted_free.begin(), sorted_free.end());
    for (const std::string& name : sorted_free) {
      if (Symbol* sym = const_cast<Symbol*>(s->lookup(name))) {
        if (s->type == BlockType::Class && (sym->flags & (kDefBound | kDefGlobal)))
          sym->flags |= kDefFreeClass;
        continue;
      }
      if (bound && !bound->count(name)) continue;
      Symbol& ns = s->get_or_add(name);
      ns.scope = SymScope::Free;
    }
    free.insert(newfree.begin(), newfree.end());
  }

 public:
  struct PairHash {
    size_t operator()(const std::pair<Scope*, std::string>& p) const {
      return std::hash<const void*>()(p.first) ^ std::hash<std::string>()(p.second);
    }
  };
  std::unordered_map<std::pair<Scope*, std::string>, const Located*, PairHash> directives_;
};

}  // namespace

std::unique_ptr<SymbolTable> build_symtable(const ast::Mod* mod, std::string_view source,
                                            SyntaxErrorInfo* err, const SymtableOptions& opts) {
  auto t = std::make_unique<SymbolTable>();
  Builder b(*t, source, opts);
  try {
    b.run(mod);
  } catch (const SymError& e) {
    *err = e.info;
    return nullptr;
  }
  return t;
}

}  // namespace ftpy
