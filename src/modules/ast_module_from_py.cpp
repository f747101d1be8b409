// _ast, node objects -> internal tree: compile(tree, filename, mode).
//
// Reads each node's fields by attribute lookup in _fields order, with
// CPython's messages for malformed trees: TypeError for a missing field, a
// list field that is not a list, a node of the wrong kind or a non-str
// identifier; ValueError for what CPython's validator rejects (wrong
// expression context, empty bodies, mismatched lengths, None where a node is
// required). The checks also keep the compiler, which trusts the parser's
// invariants, away from trees the parser can never produce.
//
// Constants the internal tree has no form for become equivalent expressions:
// a negative int -x is UnaryOp(USub, x), a tuple is a Tuple display and a
// complex with a real part is real + imag*j.
#include <cmath>
#include <cstdarg>
#include <cstdio>
#include <memory>
#include <string>
#include <unordered_map>
#include <vector>

#include "compile/compiler.h"
#include "compile/symtable.h"
#include "modules/ast_module_internal.h"
#include "objects/bytes.h"
#include "objects/complex.h"
#include "objects/errors.h"
#include "objects/float.h"
#include "objects/int.h"
#include "objects/list.h"
#include "objects/protocol.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "parse/arena.h"
#include "parse/ast.h"
#include "runtime/pythonrun.h"
#include "vm/import.h"

namespace ftpy::astmod {

namespace {

using namespace ftpy::ast;

class FromPy {
 public:
  FromPy(const AstState& s, Arena& a) : s_(s), a_(a) {}

  // Each annotation with its node object, for the texts `from __future__
  // import annotations` turns them into (see compile_objects).
  std::vector<std::pair<const Expr*, Ref<>>> annotations;

  // The tree, or null with an exception pending.
  Mod* convert(Value o, std::string_view mode) {
    Mod* m = mod(o, mode);
    if (!m) return nullptr;
    if (invalid_type_) return err_set_str(invalid_type_, invalid_msg_.c_str());
    return m;
  }

 private:
  Mod* mod(Value o, std::string_view mode);

 private:
  const AstState& s_;
  Arena& a_;
  bool failed_ = false;  // an exception is pending
  // Nesting of the node being converted: a hand-built tree can be deeper
  // than the C++ stack (CPython stops it with the same RecursionError).
  int depth_ = 0;
  static constexpr int kMaxDepth = 2500;  // as the compiler's guard
  struct Nest {
    FromPy& c;
    explicit Nest(FromPy& conv) : c(conv) { c.depth_++; }
    ~Nest() { c.depth_--; }
    bool too_deep() {
      if (c.depth_ <= kMaxDepth) return false;
      err_set_str(g_RecursionError, "maximum recursion depth exceeded during ast construction");
      return c.fail_bool(), true;
    }
  };
  // CPython converts the whole tree before it validates it, so a conversion
  // error (TypeError above all) anywhere wins over a validation error; the
  // first validation error found is kept here and raised at the end.
  Type* invalid_type_ = nullptr;
  std::string invalid_msg_;

  void invalid(Type* t, const char* fmt, ...) __attribute__((format(printf, 3, 4))) {
    if (invalid_type_) return;
    char buf[512];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(buf, sizeof buf, fmt, ap);
    va_end(ap);
    invalid_type_ = t;
    invalid_msg_ = buf;
  }

  template <class T>
  T* fail(T* = nullptr) {
    failed_ = true;
    return nullptr;
  }
  bool fail_bool() {
    failed_ = true;
    return false;
  }
  bool is(Value o, N n) const { return is_subtype(type_of(o), cls_of(s_, n).as<Type>()); }
  // The first class in [first, last] that o is an instance of, or kCount.
  N kind_in(Value o, N first, N last) const {
    for (int i = static_cast<int>(first); i <= static_cast<int>(last); i++)
      if (is(o, static_cast<N>(i))) return static_cast<N>(i);
    return N::kCount;
  }
  bool expected(const char* what, Value o) {
    std::string r = repr_utf8(o);
    err_format(g_TypeError, "expected some sort of %s, but got %s", what, r.c_str());
    return fail_bool();
  }

  // Field lookup. get(): required (TypeError when missing; *out may be None).
  // get_opt(): *out is null when missing or None. get_list(): *out is a tuple
  // copy of the list.
  bool get(Value o, const char* name, const char* owner, Ref<>* out) {
    *out = getattr_opt(o, Value(str_intern(name)));
    if (*out) return true;
    if (err_occurred()) return fail_bool();
    err_format(g_TypeError, "required field \"%s\" missing from %s", name, owner);
    return fail_bool();
  }
  bool get_opt(Value o, const char* name, Ref<>* out) {
    *out = getattr_opt(o, Value(str_intern(name)));
    if (!*out && err_occurred()) return fail_bool();
    if (*out && is_none(out->val())) out->reset();
    return true;
  }
  bool get_list(Value o, const char* name, const char* owner, Ref<>* out) {
    if (!get(o, name, owner, out)) return false;
    if (is_list(out->val())) {
      *out = list_as_tuple(out->val());  // a snapshot: other threads may resize the list
      return *out || fail_bool();
    }
    err_format(g_TypeError, "%s field \"%s\" must be a list, not a %s", owner, name, type_name(type_of(out->val())));
    return fail_bool();
  }
  bool to_int(Value v, int* out) {
    if (!is_int(v)) {
      std::string r = repr_utf8(v);
      err_format(g_ValueError, "invalid integer value: %s", r.c_str());
      return fail_bool();
    }
    int64_t i;
    if (!int_as_int64(v, &i) || i < INT32_MIN || i > INT32_MAX) {
      err_set_str(g_OverflowError, "Python int too large to convert to C int");
      return fail_bool();
    }
    *out = static_cast<int>(i);
    return true;
  }
  bool get_int(Value o, const char* name, const char* owner, int* out) {
    Ref<> v;
    return get(o, name, owner, &v) && to_int(v.val(), out);
  }
  bool get_opt_int(Value o, const char* name, int* out, int dflt) {
    Ref<> v;
    if (!get_opt(o, name, &v)) return false;
    if (!v) {
      *out = dflt;
      return true;
    }
    return to_int(v.val(), out);
  }
  bool to_ident(Value v, std::string* out) {
    if (!is_str(v)) {
      err_set_str(g_TypeError, "AST identifier must be of type str");
      return fail_bool();
    }
    *out = std::string(str_view(v));
    return true;
  }
  bool get_ident(Value o, const char* name, const char* owner, std::string* out) {
    Ref<> v;
    if (!get(o, name, owner, &v)) return false;
    if (is_none(v.val())) {
      err_format(g_ValueError, "field '%s' is required for %s", name, owner);
      return fail_bool();
    }
    return to_ident(v.val(), out);
  }
  bool get_opt_ident(Value o, const char* name, std::string* out) {
    Ref<> v;
    if (!get_opt(o, name, &v)) return false;
    return !v || to_ident(v.val(), out);
  }
  bool get_opt_string(Value o, const char* name, std::string* out) {
    Ref<> v;
    if (!get_opt(o, name, &v)) return false;
    if (!v) return true;
    if (!is_str(v.val())) {
      err_set_str(g_TypeError, "AST string must be of type str");
      return fail_bool();
    }
    *out = std::string(str_view(v.val()));
    return true;
  }
  bool get_idents(Value o, const char* name, const char* owner, std::vector<std::string>* out) {
    Ref<> l;
    if (!get_list(o, name, owner, &l)) return false;
    for (int64_t i = 0; i < tuple_size(l.val()); i++) {
      std::string s;
      if (!to_ident(tuple_item(l.val(), i), &s)) return false;
      out->push_back(std::move(s));
    }
    return true;
  }
  // lineno/col_offset are required, the end positions default to the start.
  bool pos(Value o, const char* owner, Located* l, bool end_required = false) {
    if (!get_int(o, "lineno", owner, &l->lineno) || !get_int(o, "col_offset", owner, &l->col_offset)) return false;
    if (end_required)
      return get_int(o, "end_lineno", owner, &l->end_lineno) &&
             get_int(o, "end_col_offset", owner, &l->end_col_offset);
    return get_opt_int(o, "end_lineno", &l->end_lineno, l->lineno) &&
           get_opt_int(o, "end_col_offset", &l->end_col_offset, l->col_offset);
  }

  template <class T>
  T* make(const Located& at) {
    T* n = a_.make<T>();
    static_cast<Located&>(*n) = at;
    return n;
  }

  // ---- expressions ------------------------------------------------------------------

  Expr* expr(Value o, ExprContext want = ExprContext::Load);
  Expr* req_expr(Value o, const char* name, const char* owner, ExprContext want = ExprContext::Load) {
    Ref<> v;
    if (!get(o, name, owner, &v)) return nullptr;
    Expr* e = expr(v.val(), want);
    if (!e && !failed_) {
      err_format(g_ValueError, "field '%s' is required for %s", name, owner);
      return fail<Expr>();
    }
    return e;
  }
  bool opt_expr(Value o, const char* name, Expr** out, ExprContext want = ExprContext::Load) {
    Ref<> v;
    if (!get_opt(o, name, &v)) return false;
    *out = v ? expr(v.val(), want) : nullptr;
    return !failed_;
  }
  bool opt_annotation(Value o, const char* name, Expr** out) {
    Ref<> v;
    if (!get_opt(o, name, &v)) return false;
    if (v && (*out = expr(v.val()))) annotations.emplace_back(*out, std::move(v));
    return !failed_;
  }
  bool exprs(Value o, const char* name, const char* owner, std::vector<Expr*>* out,
             ExprContext want = ExprContext::Load, bool allow_none = false) {
    Ref<> l;
    if (!get_list(o, name, owner, &l)) return false;
    for (int64_t i = 0; i < tuple_size(l.val()); i++) {
      Expr* e = expr(tuple_item(l.val(), i), want);
      if (failed_) return false;
      if (!e && !allow_none) invalid(g_ValueError, "None disallowed in expression list");
      out->push_back(e);
    }
    return true;
  }
  Expr* constant(Value v, const Located& at);
  bool check_ctx(Value o, const char* owner, ExprContext want, ExprContext* out) {
    Ref<> c;
    if (!get(o, "ctx", owner, &c)) return false;
    N k = kind_in(c.val(), N::Load, N::Del);
    if (k == N::kCount) return expected("expr_context", c.val());
    *out = k == N::Load ? ExprContext::Load : k == N::Store ? ExprContext::Store : ExprContext::Del;
    if (*out != want)
      invalid(g_ValueError, "expression must have %s context but has %s instead", name_of(want), name_of(*out));
    return true;
  }
  template <class Op>
  bool op(Value o, const char* name, const char* owner, N first, N last, const char* what, Op* out) {
    Ref<> v;
    if (!get(o, name, owner, &v)) return false;
    N k = kind_in(v.val(), first, last);
    if (k == N::kCount) return expected(what, v.val());
    *out = static_cast<Op>(static_cast<int>(k) - static_cast<int>(first));
    return true;
  }
  bool generators(Value o, const char* owner, std::vector<Comprehension*>* out) {
    Ref<> l;
    if (!get_list(o, "generators", owner, &l)) return false;
    for (int64_t i = 0; i < tuple_size(l.val()); i++) {
      Value g = tuple_item(l.val(), i);
      auto* c = a_.make<Comprehension>();
      c->target = req_expr(g, "target", "comprehension", ExprContext::Store);
      if (!c->target) return false;
      c->iter = req_expr(g, "iter", "comprehension");
      if (!c->iter || !exprs(g, "ifs", "comprehension", &c->ifs) ||
          !get_int(g, "is_async", "comprehension", &c->is_async))
        return false;
      out->push_back(c);
    }
    if (out->empty()) invalid(g_ValueError, "comprehension with no generators");
    return true;
  }
  Arg* arg(Value o) {
    Arg* a = a_.make<Arg>();
    if (!get_ident(o, "arg", "arg", &a->arg) || !opt_annotation(o, "annotation", &a->annotation) ||
        !get_opt_string(o, "type_comment", &a->type_comment) || !pos(o, "arg", a))
      return nullptr;
    return a;
  }
  bool arg_list(Value o, const char* name, std::vector<Arg*>* out) {
    Ref<> l;
    if (!get_list(o, name, "arguments", &l)) return false;
    for (int64_t i = 0; i < tuple_size(l.val()); i++) {
      Arg* a = arg(tuple_item(l.val(), i));
      if (!a) return false;
      out->push_back(a);
    }
    return true;
  }
  bool opt_arg(Value o, const char* name, Arg** out) {
    Ref<> v;
    if (!get_opt(o, name, &v)) return false;
    *out = v ? arg(v.val()) : nullptr;
    return !failed_;
  }
  Arguments* arguments(Value owner_obj, const char* owner) {
    Ref<> o;
    if (!get(owner_obj, "args", owner, &o)) return nullptr;
    Value v = o.val();
    auto* a = a_.make<Arguments>();
    if (!arg_list(v, "posonlyargs", &a->posonlyargs) || !arg_list(v, "args", &a->args) ||
        !opt_arg(v, "vararg", &a->vararg) || !arg_list(v, "kwonlyargs", &a->kwonlyargs) ||
        !exprs(v, "kw_defaults", "arguments", &a->kw_defaults, ExprContext::Load, true) ||
        !opt_arg(v, "kwarg", &a->kwarg) || !exprs(v, "defaults", "arguments", &a->defaults))
      return nullptr;
    if (a->defaults.size() > a->posonlyargs.size() + a->args.size()) invalid(g_ValueError, "more positional defaults than args on arguments");
    if (a->kw_defaults.size() != a->kwonlyargs.size()) invalid(g_ValueError, "length of kwonlyargs is not the same as kw_defaults on arguments");
    return a;
  }
  bool keywords(Value o, const char* owner, std::vector<Keyword*>* out) {
    Ref<> l;
    if (!get_list(o, "keywords", owner, &l)) return false;
    for (int64_t i = 0; i < tuple_size(l.val()); i++) {
      Value k = tuple_item(l.val(), i);
      auto* kw = a_.make<Keyword>();
      if (!get_opt_ident(k, "arg", &kw->arg)) return false;
      kw->value = req_expr(k, "value", "keyword");
      if (!kw->value || !pos(k, "keyword", kw)) return false;
      out->push_back(kw);
    }
    return true;
  }

  // ---- statements and patterns -----------------------------------------------------------

  Stmt* stmt(Value o);
  bool stmts(Value o, const char* name, const char* owner, std::vector<Stmt*>* out, bool nonempty = true) {
    Ref<> l;
    if (!get_list(o, name, owner, &l)) return false;
    for (int64_t i = 0; i < tuple_size(l.val()); i++) {
      Stmt* st = stmt(tuple_item(l.val(), i));
      if (!st) return false;
      out->push_back(st);
    }
    if (nonempty && out->empty()) invalid(g_ValueError, "empty %s on %s", name, owner);
    return true;
  }
  bool aliases(Value o, const char* owner, std::vector<Alias*>* out) {
    Ref<> l;
    if (!get_list(o, "names", owner, &l)) return false;
    for (int64_t i = 0; i < tuple_size(l.val()); i++) {
      Value v = tuple_item(l.val(), i);
      auto* a = a_.make<Alias>();
      if (!get_ident(v, "name", "alias", &a->name) || !get_opt_ident(v, "asname", &a->asname) ||
          !pos(v, "alias", a))
        return false;
      out->push_back(a);
    }
    if (out->empty()) invalid(g_ValueError, "empty names on %s", owner);
    return true;
  }
  Pattern* pattern(Value o);
  bool patterns(Value o, const char* name, const char* owner, std::vector<Pattern*>* out) {
    Ref<> l;
    if (!get_list(o, name, owner, &l)) return false;
    for (int64_t i = 0; i < tuple_size(l.val()); i++) {
      Pattern* p = pattern(tuple_item(l.val(), i));
      if (failed_) return false;
      if (!p) invalid(g_ValueError, "None disallowed in pattern list");
      out->push_back(p);
    }
    return true;
  }
  bool singleton_value(Value v, ConstantValue* out) {
    if (is_none(v)) out->kind = ConstantValue::Kind::None;
    else if (v == bool_value(true)) out->kind = ConstantValue::Kind::True;
    else if (v == bool_value(false)) out->kind = ConstantValue::Kind::False;
    else invalid(g_ValueError, "MatchSingleton can only contain True, False and None");
    return true;
  }
};

Expr* FromPy::constant(Value v, const Located& at) {
  auto leaf = [&](ConstantValue::Kind k) {
    auto* c = make<Constant>(at);
    c->value.kind = k;
    return c;
  };
  if (is_none(v)) return leaf(ConstantValue::Kind::None);
  if (is_bool(v)) return leaf(v == bool_value(true) ? ConstantValue::Kind::True : ConstantValue::Kind::False);
  if (v == Value(&g_ellipsis)) return leaf(ConstantValue::Kind::Ellipsis);
  if (is_int(v)) {
    std::string digits = str_utf8(v.is_small() || is_instance_exact(v, &g_int_type) ? v : number_int(v).val());
    bool neg = !digits.empty() && digits[0] == '-';
    auto* c = leaf(ConstantValue::Kind::Int);
    c->value.text = neg ? digits.substr(1) : digits;
    if (!neg) return c;
    auto* u = make<UnaryOp>(at);
    u->op = UnaryOpKind::USub;
    u->operand = c;
    return u;
  }
  if (is_float(v)) {
    auto* c = leaf(ConstantValue::Kind::Float);
    c->value.number = v.as<Float>()->value;
    return c;
  }
  if (is_complex(v)) {
    double re = v.as<Complex>()->real, im = v.as<Complex>()->imag;
    auto* c = leaf(ConstantValue::Kind::Complex);
    c->value.number = im;
    if (re == 0 && !std::signbit(re)) return c;
    auto* r = leaf(ConstantValue::Kind::Float);
    r->value.number = re;
    auto* b = make<BinOp>(at);
    b->left = r;
    b->op = OperatorKind::Add;
    b->right = c;
    return b;
  }
  if (is_str(v)) {
    auto* c = leaf(ConstantValue::Kind::Str);
    c->value.text = std::string(str_view(v));
    return c;
  }
  if (is_bytes(v)) {
    auto* c = leaf(ConstantValue::Kind::Bytes);
    c->value.text.assign(reinterpret_cast<const char*>(bytes_data(v)), static_cast<size_t>(length(v)));
    return c;
  }
  if (is_tuple(v)) {
    auto* t = make<ast::Tuple>(at);
    for (int64_t i = 0; i < tuple_size(v); i++) {
      Expr* e = constant(tuple_item(v, i), at);
      if (!e) return nullptr;
      t->elts.push_back(e);
    }
    return t;
  }
  invalid(g_TypeError, "got an invalid type in Constant: %s", type_name(type_of(v)));
  return leaf(ConstantValue::Kind::None);
}

Expr* FromPy::expr(Value o, ExprContext want) {
  if (is_none(o)) return nullptr;
  Nest nest(*this);
  if (nest.too_deep()) return nullptr;
  Located at;
  if (!pos(o, "expr", &at)) return nullptr;
  N k = kind_in(o, N::BoolOp, N::Slice);
  switch (k) {
    case N::BoolOp: {
      auto* x = make<BoolOp>(at);
      if (!op(o, "op", "BoolOp", N::And, N::Or, "boolop", &x->op) || !exprs(o, "values", "BoolOp", &x->values))
        return nullptr;
      if (x->values.size() < 2) invalid(g_ValueError, "BoolOp with less than 2 values");
      return x;
    }
    case N::NamedExpr: {
      auto* x = make<NamedExpr>(at);
      x->target = req_expr(o, "target", "NamedExpr", ExprContext::Store);
      if (!x->target) return nullptr;
      if (x->target->kind != ExprKind::Name) invalid(g_TypeError, "NamedExpr target must be a Name");
      x->value = req_expr(o, "value", "NamedExpr");
      return x->value ? x : nullptr;
    }
    case N::BinOp: {
      auto* x = make<BinOp>(at);
      if (!(x->left = req_expr(o, "left", "BinOp"))) return nullptr;
      if (!op(o, "op", "BinOp", N::Add, N::FloorDiv, "operator", &x->op)) return nullptr;
      x->right = req_expr(o, "right", "BinOp");
      return x->right ? x : nullptr;
    }
    case N::UnaryOp: {
      auto* x = make<UnaryOp>(at);
      if (!op(o, "op", "UnaryOp", N::Invert, N::USub, "unaryop", &x->op)) return nullptr;
      x->operand = req_expr(o, "operand", "UnaryOp");
      return x->operand ? x : nullptr;
    }
    case N::Lambda: {
      auto* x = make<Lambda>(at);
      if (!(x->args = arguments(o, "Lambda"))) return nullptr;
      x->body = req_expr(o, "body", "Lambda");
      return x->body ? x : nullptr;
    }
    case N::IfExp: {
      auto* x = make<IfExp>(at);
      if (!(x->test = req_expr(o, "test", "IfExp")) || !(x->body = req_expr(o, "body", "IfExp"))) return nullptr;
      x->orelse = req_expr(o, "orelse", "IfExp");
      return x->orelse ? x : nullptr;
    }
    case N::Dict: {
      auto* x = make<ast::Dict>(at);
      if (!exprs(o, "keys", "Dict", &x->keys, ExprContext::Load, true) || !exprs(o, "values", "Dict", &x->values))
        return nullptr;
      if (x->keys.size() != x->values.size()) invalid(g_ValueError, "Dict doesn't have the same number of keys as values");
      return x;
    }
    case N::Set: {
      auto* x = make<ast::Set>(at);
      return exprs(o, "elts", "Set", &x->elts) ? x : nullptr;
    }
    case N::ListComp: case N::SetComp: case N::GeneratorExp: {
      const char* owner = k == N::ListComp ? "ListComp" : k == N::SetComp ? "SetComp" : "GeneratorExp";
      Expr* elt = req_expr(o, "elt", owner);
      std::vector<Comprehension*> gens;
      if (!elt || !generators(o, owner, &gens)) return nullptr;
      if (k == N::ListComp) {
        auto* x = make<ListComp>(at);
        x->elt = elt, x->generators = std::move(gens);
        return x;
      }
      if (k == N::SetComp) {
        auto* x = make<SetComp>(at);
        x->elt = elt, x->generators = std::move(gens);
        return x;
      }
      auto* x = make<GeneratorExp>(at);
      x->elt = elt, x->generators = std::move(gens);
      return x;
    }
    case N::DictComp: {
      auto* x = make<DictComp>(at);
      if (!(x->key = req_expr(o, "key", "DictComp")) || !(x->value = req_expr(o, "value", "DictComp")) ||
          !generators(o, "DictComp", &x->generators))
        return nullptr;
      return x;
    }
    case N::Await: {
      auto* x = make<Await>(at);
      return (x->value = req_expr(o, "value", "Await")) ? x : nullptr;
    }
    case N::Yield: {
      auto* x = make<Yield>(at);
      return opt_expr(o, "value", &x->value) ? x : nullptr;
    }
    case N::YieldFrom: {
      auto* x = make<YieldFrom>(at);
      return (x->value = req_expr(o, "value", "YieldFrom")) ? x : nullptr;
    }
    case N::Compare: {
      auto* x = make<Compare>(at);
      if (!(x->left = req_expr(o, "left", "Compare"))) return nullptr;
      Ref<> ops;
      if (!get_list(o, "ops", "Compare", &ops)) return nullptr;
      for (int64_t i = 0; i < tuple_size(ops.val()); i++) {
        Value v = tuple_item(ops.val(), i);
        N c = kind_in(v, N::Eq, N::NotIn);
        if (c == N::kCount) return expected("cmpop", v), nullptr;
        x->ops.push_back(static_cast<CmpOpKind>(static_cast<int>(c) - static_cast<int>(N::Eq)));
      }
      if (!exprs(o, "comparators", "Compare", &x->comparators)) return nullptr;
      if (x->comparators.empty()) invalid(g_ValueError, "Compare with no comparators");
      if (x->comparators.size() != x->ops.size()) invalid(g_ValueError, "Compare has a different number of comparators and operands");
      return x;
    }
    case N::Call: {
      auto* x = make<Call>(at);
      if (!(x->func = req_expr(o, "func", "Call")) || !exprs(o, "args", "Call", &x->args) ||
          !keywords(o, "Call", &x->keywords))
        return nullptr;
      return x;
    }
    case N::FormattedValue: {
      auto* x = make<FormattedValue>(at);
      if (!(x->value = req_expr(o, "value", "FormattedValue")) ||
          !get_int(o, "conversion", "FormattedValue", &x->conversion) ||
          !opt_expr(o, "format_spec", &x->format_spec))
        return nullptr;
      if (x->conversion != -1 && x->conversion != 's' && x->conversion != 'r' && x->conversion != 'a') invalid(g_SystemError, "Unrecognized conversion character %d", x->conversion);
      if (x->format_spec && x->format_spec->kind != ExprKind::JoinedStr) {
        // The compiler formats a spec built by the parser, always a JoinedStr.
        auto* j = make<JoinedStr>(*x->format_spec);
        j->values.push_back(x->format_spec);
        x->format_spec = j;
      }
      return x;
    }
    case N::JoinedStr: {
      auto* x = make<JoinedStr>(at);
      if (!exprs(o, "values", "JoinedStr", &x->values)) return nullptr;
      for (Expr*& v : x->values) {
        if (!v) continue;  // already reported by exprs()
        // The compiler expects the parser's parts: str constants and
        // FormattedValues; anything else is formatted like {value}.
        auto* c = dyn<Constant>(v);
        if (v->kind == ExprKind::FormattedValue || (c && c->value.kind == ConstantValue::Kind::Str)) continue;
        auto* f = make<FormattedValue>(*v);
        f->value = v;
        v = f;
      }
      return x;
    }
    case N::Constant: {
      Ref<> v;
      if (!get(o, "value", "Constant", &v)) return nullptr;
      std::string kind;
      if (!get_opt_string(o, "kind", &kind)) return nullptr;
      Expr* e = constant(v.val(), at);
      if (auto* c = dyn<Constant>(e)) c->kind = kind;
      return e;
    }
    case N::Attribute: {
      auto* x = make<Attribute>(at);
      if (!(x->value = req_expr(o, "value", "Attribute")) || !get_ident(o, "attr", "Attribute", &x->attr) ||
          !check_ctx(o, "Attribute", want, &x->ctx))
        return nullptr;
      return x;
    }
    case N::Subscript: {
      auto* x = make<Subscript>(at);
      if (!(x->value = req_expr(o, "value", "Subscript")) || !(x->slice = req_expr(o, "slice", "Subscript")) ||
          !check_ctx(o, "Subscript", want, &x->ctx))
        return nullptr;
      return x;
    }
    case N::Starred: {
      auto* x = make<Starred>(at);
      if (!(x->value = req_expr(o, "value", "Starred", want)) || !check_ctx(o, "Starred", want, &x->ctx))
        return nullptr;
      return x;
    }
    case N::Name: {
      auto* x = make<Name>(at);
      if (!get_ident(o, "id", "Name", &x->id) || !check_ctx(o, "Name", want, &x->ctx)) return nullptr;
      if (x->id == "None" || x->id == "True" || x->id == "False") invalid(g_ValueError, "identifier field can't represent '%s' constant", x->id.c_str());
      return x;
    }
    case N::List: {
      auto* x = make<ast::List>(at);
      if (!exprs(o, "elts", "List", &x->elts, want) || !check_ctx(o, "List", want, &x->ctx)) return nullptr;
      return x;
    }
    case N::Tuple: {
      auto* x = make<ast::Tuple>(at);
      if (!exprs(o, "elts", "Tuple", &x->elts, want) || !check_ctx(o, "Tuple", want, &x->ctx)) return nullptr;
      return x;
    }
    case N::Slice: {
      auto* x = make<Slice>(at);
      if (!opt_expr(o, "lower", &x->lower) || !opt_expr(o, "upper", &x->upper) || !opt_expr(o, "step", &x->step))
        return nullptr;
      return x;
    }
    default:
      expected("expr", o);
      return nullptr;
  }
}

Stmt* FromPy::stmt(Value o) {
  if (is_none(o)) {
    invalid(g_ValueError, "None disallowed in statement list");
    return make<Pass>(Located{});
  }
  Nest nest(*this);
  if (nest.too_deep()) return nullptr;
  Located at;
  if (!pos(o, "stmt", &at)) return nullptr;
  N k = kind_in(o, N::FunctionDef, N::Continue);
  switch (k) {
    case N::FunctionDef: case N::AsyncFunctionDef: {
      const char* owner = k == N::FunctionDef ? "FunctionDef" : "AsyncFunctionDef";
      auto* x = a_.make<FunctionDef>(k == N::AsyncFunctionDef);
      static_cast<Located&>(*x) = at;
      if (!get_ident(o, "name", owner, &x->name) || !(x->args = arguments(o, owner)) ||
          !stmts(o, "body", owner, &x->body) || !exprs(o, "decorator_list", owner, &x->decorator_list) ||
          !opt_annotation(o, "returns", &x->returns) || !get_opt_string(o, "type_comment", &x->type_comment))
        return nullptr;
      return x;
    }
    case N::ClassDef: {
      auto* x = make<ClassDef>(at);
      if (!get_ident(o, "name", "ClassDef", &x->name) || !exprs(o, "bases", "ClassDef", &x->bases) ||
          !keywords(o, "ClassDef", &x->keywords) || !stmts(o, "body", "ClassDef", &x->body) ||
          !exprs(o, "decorator_list", "ClassDef", &x->decorator_list))
        return nullptr;
      return x;
    }
    case N::Return: {
      auto* x = make<Return>(at);
      return opt_expr(o, "value", &x->value) ? x : nullptr;
    }
    case N::Delete: {
      auto* x = make<Delete>(at);
      if (!exprs(o, "targets", "Delete", &x->targets, ExprContext::Del)) return nullptr;
      if (x->targets.empty()) invalid(g_ValueError, "empty targets on Delete");
      return x;
    }
    case N::Assign: {
      auto* x = make<Assign>(at);
      if (!exprs(o, "targets", "Assign", &x->targets, ExprContext::Store)) return nullptr;
      if (x->targets.empty()) invalid(g_ValueError, "empty targets on Assign");
      if (!(x->value = req_expr(o, "value", "Assign")) || !get_opt_string(o, "type_comment", &x->type_comment))
        return nullptr;
      return x;
    }
    case N::AugAssign: case N::AnnAssign: {
      const char* owner = k == N::AugAssign ? "AugAssign" : "AnnAssign";
      Expr* target = req_expr(o, "target", owner, ExprContext::Store);
      if (!target) return nullptr;
      if (target->kind != ExprKind::Name && target->kind != ExprKind::Attribute &&
          target->kind != ExprKind::Subscript)
        invalid(g_TypeError, "%s target must be a Name, Attribute or Subscript", owner);
      if (k == N::AugAssign) {
        auto* x = make<AugAssign>(at);
        x->target = target;
        if (!op(o, "op", owner, N::Add, N::FloorDiv, "operator", &x->op) || !(x->value = req_expr(o, "value", owner)))
          return nullptr;
        return x;
      }
      auto* x = make<AnnAssign>(at);
      x->target = target;
      Ref<> ann;
      if (!(x->annotation = req_expr(o, "annotation", owner))) return nullptr;
      if (get_opt(o, "annotation", &ann) && ann) annotations.emplace_back(x->annotation, std::move(ann));
      if (!opt_expr(o, "value", &x->value) ||
          !get_int(o, "simple", owner, &x->simple))
        return nullptr;
      if (x->simple && target->kind != ExprKind::Name) x->simple = 0;
      return x;
    }
    case N::For: case N::AsyncFor: {
      const char* owner = k == N::For ? "For" : "AsyncFor";
      auto* x = a_.make<For>(k == N::AsyncFor);
      static_cast<Located&>(*x) = at;
      if (!(x->target = req_expr(o, "target", owner, ExprContext::Store)) || !(x->iter = req_expr(o, "iter", owner)) ||
          !stmts(o, "body", owner, &x->body) || !stmts(o, "orelse", owner, &x->orelse, false) ||
          !get_opt_string(o, "type_comment", &x->type_comment))
        return nullptr;
      return x;
    }
    case N::While: {
      auto* x = make<While>(at);
      if (!(x->test = req_expr(o, "test", "While")) || !stmts(o, "body", "While", &x->body) ||
          !stmts(o, "orelse", "While", &x->orelse, false))
        return nullptr;
      return x;
    }
    case N::If: {
      auto* x = make<If>(at);
      if (!(x->test = req_expr(o, "test", "If")) || !stmts(o, "body", "If", &x->body) ||
          !stmts(o, "orelse", "If", &x->orelse, false))
        return nullptr;
      return x;
    }
    case N::With: case N::AsyncWith: {
      const char* owner = k == N::With ? "With" : "AsyncWith";
      auto* x = a_.make<With>(k == N::AsyncWith);
      static_cast<Located&>(*x) = at;
      Ref<> items;
      if (!get_list(o, "items", owner, &items)) return nullptr;
      for (int64_t i = 0; i < tuple_size(items.val()); i++) {
        Value v = tuple_item(items.val(), i);
        auto* w = a_.make<WithItem>();
        if (!(w->context_expr = req_expr(v, "context_expr", "withitem")) ||
            !opt_expr(v, "optional_vars", &w->optional_vars, ExprContext::Store))
          return nullptr;
        x->items.push_back(w);
      }
      if (x->items.empty()) invalid(g_ValueError, "empty items on %s", owner);
      if (!stmts(o, "body", owner, &x->body) || !get_opt_string(o, "type_comment", &x->type_comment)) return nullptr;
      return x;
    }
    case N::Match: {
      auto* x = make<Match>(at);
      if (!(x->subject = req_expr(o, "subject", "Match"))) return nullptr;
      Ref<> cases;
      if (!get_list(o, "cases", "Match", &cases)) return nullptr;
      for (int64_t i = 0; i < tuple_size(cases.val()); i++) {
        Value v = tuple_item(cases.val(), i);
        auto* c = a_.make<MatchCase>();
        Ref<> p;
        if (!get(v, "pattern", "match_case", &p)) return nullptr;
        if (!(c->pattern = pattern(p.val()))) {
          if (!failed_) err_set_str(g_ValueError, "field 'pattern' is required for match_case");
          return fail<Stmt>();
        }
        if (!opt_expr(v, "guard", &c->guard) || !stmts(v, "body", "match_case", &c->body)) return nullptr;
        x->cases.push_back(c);
      }
      if (x->cases.empty()) invalid(g_ValueError, "empty cases on Match");
      return x;
    }
    case N::Raise: {
      auto* x = make<Raise>(at);
      if (!opt_expr(o, "exc", &x->exc) || !opt_expr(o, "cause", &x->cause)) return nullptr;
      if (x->cause && !x->exc) invalid(g_ValueError, "Raise with cause but no exception");
      return x;
    }
    case N::Try: case N::TryStar: {
      const char* owner = k == N::Try ? "Try" : "TryStar";
      auto* x = a_.make<Try>(k == N::TryStar);
      static_cast<Located&>(*x) = at;
      if (!stmts(o, "body", owner, &x->body)) return nullptr;
      Ref<> hs;
      if (!get_list(o, "handlers", owner, &hs)) return nullptr;
      for (int64_t i = 0; i < tuple_size(hs.val()); i++) {
        Value v = tuple_item(hs.val(), i);
        Located hat;
        if (!pos(v, "excepthandler", &hat)) return nullptr;
        if (!is(v, N::ExceptHandler)) return expected("excepthandler", v), nullptr;
        auto* h = make<ExceptHandler>(hat);
        if (!opt_expr(v, "type", &h->type) || !get_opt_ident(v, "name", &h->name) ||
            !stmts(v, "body", "ExceptHandler", &h->body))
          return nullptr;
        x->handlers.push_back(h);
      }
      if (!stmts(o, "orelse", owner, &x->orelse, false) || !stmts(o, "finalbody", owner, &x->finalbody, false))
        return nullptr;
      if (x->handlers.empty() && x->finalbody.empty()) invalid(g_ValueError, "%s has neither except handlers nor finalbody", owner);
      if (x->handlers.empty() && !x->orelse.empty()) invalid(g_ValueError, "%s has orelse but no except handlers", owner);
      return x;
    }
    case N::Assert: {
      auto* x = make<Assert>(at);
      if (!(x->test = req_expr(o, "test", "Assert")) || !opt_expr(o, "msg", &x->msg)) return nullptr;
      return x;
    }
    case N::Import: {
      auto* x = make<Import>(at);
      return aliases(o, "Import", &x->names) ? x : nullptr;
    }
    case N::ImportFrom: {
      auto* x = make<ImportFrom>(at);
      if (!get_opt_ident(o, "module", &x->module) || !aliases(o, "ImportFrom", &x->names) ||
          !get_opt_int(o, "level", &x->level, 0))
        return nullptr;
      if (x->level < 0) invalid(g_ValueError, "Negative ImportFrom level");
      return x;
    }
    case N::Global: case N::Nonlocal: {
      const char* owner = k == N::Global ? "Global" : "Nonlocal";
      std::vector<std::string> names;
      if (!get_idents(o, "names", owner, &names)) return nullptr;
      if (names.empty()) invalid(g_ValueError, "empty names on %s", owner);
      if (k == N::Global) {
        auto* x = make<Global>(at);
        x->names = std::move(names);
        return x;
      }
      auto* x = make<Nonlocal>(at);
      x->names = std::move(names);
      return x;
    }
    case N::Expr: {
      auto* x = make<ExprStmt>(at);
      return (x->value = req_expr(o, "value", "Expr")) ? x : nullptr;
    }
    case N::Pass: return make<Pass>(at);
    case N::Break: return make<Break>(at);
    case N::Continue: return make<Continue>(at);
    default:
      expected("stmt", o);
      return nullptr;
  }
}

Pattern* FromPy::pattern(Value o) {
  if (is_none(o)) return nullptr;
  Nest nest(*this);
  if (nest.too_deep()) return nullptr;
  Located at;
  if (!pos(o, "pattern", &at, true)) return nullptr;
  N k = kind_in(o, N::MatchValue, N::MatchOr);
  switch (k) {
    case N::MatchValue: {
      auto* x = make<MatchValue>(at);
      if (!(x->value = req_expr(o, "value", "MatchValue"))) return nullptr;
      ExprKind vk = x->value->kind;
      if (vk == ExprKind::UnaryOp || vk == ExprKind::BinOp) vk = ExprKind::Constant;  // -1, 1+2j
      if (vk != ExprKind::Constant && vk != ExprKind::Attribute) invalid(g_ValueError, "patterns may only match literals and attribute lookups");
      return x;
    }
    case N::MatchSingleton: {
      auto* x = make<MatchSingleton>(at);
      Ref<> v;
      if (!get(o, "value", "MatchSingleton", &v) || !singleton_value(v.val(), &x->value)) return nullptr;
      return x;
    }
    case N::MatchSequence: {
      auto* x = make<MatchSequence>(at);
      return patterns(o, "patterns", "MatchSequence", &x->patterns) ? x : nullptr;
    }
    case N::MatchMapping: {
      auto* x = make<MatchMapping>(at);
      if (!exprs(o, "keys", "MatchMapping", &x->keys) || !patterns(o, "patterns", "MatchMapping", &x->patterns) ||
          !get_opt_ident(o, "rest", &x->rest))
        return nullptr;
      if (x->keys.size() != x->patterns.size()) invalid(g_ValueError, "MatchMapping doesn't have the same number of keys as patterns");
      return x;
    }
    case N::MatchClass: {
      auto* x = make<MatchClass>(at);
      if (!(x->cls = req_expr(o, "cls", "MatchClass")) || !patterns(o, "patterns", "MatchClass", &x->patterns) ||
          !get_idents(o, "kwd_attrs", "MatchClass", &x->kwd_attrs) ||
          !patterns(o, "kwd_patterns", "MatchClass", &x->kwd_patterns))
        return nullptr;
      if (x->kwd_attrs.size() != x->kwd_patterns.size()) invalid(g_ValueError, "MatchClass doesn't have the same number of keyword attributes as patterns");
      return x;
    }
    case N::MatchStar: {
      auto* x = make<MatchStar>(at);
      return get_opt_ident(o, "name", &x->name) ? x : nullptr;
    }
    case N::MatchAs: {
      auto* x = make<MatchAs>(at);
      Ref<> p;
      if (!get_opt(o, "pattern", &p)) return nullptr;
      if (p && !(x->pattern = pattern(p.val()))) return nullptr;
      if (!get_opt_ident(o, "name", &x->name)) return nullptr;
      if (x->pattern && x->name.empty()) invalid(g_ValueError, "MatchAs must specify a target name if a pattern is given");
      return x;
    }
    case N::MatchOr: {
      auto* x = make<MatchOr>(at);
      if (!patterns(o, "patterns", "MatchOr", &x->patterns)) return nullptr;
      if (x->patterns.size() < 2) invalid(g_ValueError, "MatchOr requires at least 2 patterns");
      return x;
    }
    default:
      expected("pattern", o);
      return nullptr;
  }
}

Mod* FromPy::mod(Value o, std::string_view mode) {
  N want = mode == "exec" ? N::Module : mode == "eval" ? N::Expression : mode == "single" ? N::Interactive
                                                                                         : N::FunctionType;
  if (!is(o, want)) {
    const char* wname = want == N::Module ? "Module" : want == N::Expression ? "Expression"
                      : want == N::Interactive ? "Interactive" : "FunctionType";
    err_format(g_TypeError, "expected %s node, got %s", wname, type_name(type_of(o)));
    return fail<Mod>();
  }
  switch (want) {
    case N::Module: {
      auto* m = a_.make<Module>();
      if (!stmts(o, "body", "Module", &m->body, false)) return nullptr;
      Ref<> l;
      if (!get_list(o, "type_ignores", "Module", &l)) return nullptr;
      for (int64_t i = 0; i < tuple_size(l.val()); i++) {
        Value v = tuple_item(l.val(), i);
        if (is_none(v)) continue;
        if (!is(v, N::TypeIgnore)) return expected("type_ignore", v), nullptr;
        auto* t = a_.make<TypeIgnore>();
        Ref<> tag;
        if (!get_int(v, "lineno", "TypeIgnore", &t->lineno) || !get(v, "tag", "TypeIgnore", &tag)) return nullptr;
        if (!is_str(tag.val())) {
          err_set_str(g_TypeError, "AST string must be of type str");
          return fail<Mod>();
        }
        m->type_ignores.push_back(t);
      }
      return m;
    }
    case N::Interactive: {
      auto* m = a_.make<Interactive>();
      return stmts(o, "body", "Interactive", &m->body, false) ? m : nullptr;
    }
    case N::Expression: {
      auto* m = a_.make<Expression>();
      return (m->body = req_expr(o, "body", "Expression")) ? m : nullptr;
    }
    default:
      err_set_str(g_ValueError, "compile() mode 'func_type' requires flag PyCF_ONLY_AST");
      return fail<Mod>();
  }
}

}  // namespace

Ref<> compile_objects(const AstState& s, Value tree, std::string_view filename, std::string_view mode,
                      int optimize) {
  Arena arena;
  FromPy conv(s, arena);
  Mod* m = conv.convert(tree, mode);
  if (!m) return nullptr;
  SyntaxErrorInfo err;
  std::unique_ptr<SymbolTable> st = build_symtable(m, "", &err);
  if (!st) return raise_syntax_error(err, filename);
  CompileOptions opts;
  opts.optimize = effective_optimize(optimize);
  opts.interactive = mode == "single";
  // Under `from __future__ import annotations` the compiler stores each
  // annotation's source text; a tree has no source, so the texts come from
  // ast.unparse, as CPython unparses them.
  std::unordered_map<const Expr*, std::string> texts;
  if (st->future_annotations && !conv.annotations.empty()) {
    Ref<> unparse = import_module("ast");
    if (unparse) unparse = getattr(unparse.val(), "unparse");
    if (!unparse) return nullptr;
    for (auto& [e, obj] : conv.annotations) {
      Ref<> text = call1(unparse.val(), obj.val());
      if (!text) return nullptr;
      if (!is_str(text.val())) return err_set_str(g_TypeError, "ast.unparse() did not return a str");
      texts[e] = std::string(str_view(text.val()));
    }
    opts.annotation_texts = &texts;
  }
  std::vector<SyntaxWarningInfo> warnings;
  opts.warnings = &warnings;
  Ref<Code> code = compile_ast(m, *st, "", filename, opts, &err);
  if (!warnings.empty() && (code || !err.type.empty()) && !issue_compile_warnings(warnings, filename))
    return nullptr;
  if (!code) return raise_syntax_error(err, filename);
  return code;
}

}  // namespace ftpy::astmod
