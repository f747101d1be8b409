#include "parse/ast_dump.h"

#include <charconv>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <vector>

#include "parse/unicode_support.h"

namespace ftpy {

using namespace ast;

std::string py_repr_str(const std::string& s) {
  bool has_sq = s.find('\'') != std::string::npos;
  bool has_dq = s.find('"') != std::string::npos;
  char q = (has_sq && !has_dq) ? '"' : '\'';
  std::string out;
  out.reserve(s.size() + 2);
  out += q;
  for (size_t i = 0; i < s.size();) {
    auto c = static_cast<unsigned char>(s[i]);
    if (c < 0x80) {
      i++;
      if (c == '\\') out += "\\\\";
      else if (c == static_cast<unsigned char>(q)) { out += '\\'; out += q; }
      else if (c == '\t') out += "\\t";
      else if (c == '\n') out += "\\n";
      else if (c == '\r') out += "\\r";
      else if (c < 0x20 || c == 0x7F) {
        char buf[8];
        snprintf(buf, sizeof buf, "\\x%02x", c);
        out += buf;
      } else out += static_cast<char>(c);
      continue;
    }
    // Decode leniently (accepting WTF-8 surrogates).
    int n = (c & 0xE0) == 0xC0 ? 2 : (c & 0xF0) == 0xE0 ? 3 : 4;
    uint32_t cp = c & (n == 2 ? 0x1F : n == 3 ? 0x0F : 0x07);
    for (int k = 1; k < n && i + k < s.size(); k++) cp = (cp << 6) | (s[i + k] & 0x3F);
    bool surrogate = cp >= 0xD800 && cp <= 0xDFFF;
    if (!surrogate && uni::is_printable(static_cast<int32_t>(cp))) {
      out.append(s, i, n);
    } else {
      char buf[16];
      if (cp < 0x100) snprintf(buf, sizeof buf, "\\x%02x", cp);
      else if (cp < 0x10000) snprintf(buf, sizeof buf, "\\u%04x", cp);
      else snprintf(buf, sizeof buf, "\\U%08x", cp);
      out += buf;
    }
    i += n;
  }
  out += q;
  return out;
}

std::string py_repr_bytes(const std::string& s) {
  bool has_sq = s.find('\'') != std::string::npos;
  bool has_dq = s.find('"') != std::string::npos;
  char q = (has_sq && !has_dq) ? '"' : '\'';
  std::string out = "b";
  out += q;
  for (unsigned char c : s) {
    if (c == '\\') out += "\\\\";
    else if (c == static_cast<unsigned char>(q)) { out += '\\'; out += q; }
    else if (c == '\t') out += "\\t";
    else if (c == '\n') out += "\\n";
    else if (c == '\r') out += "\\r";
    else if (c < 0x20 || c >= 0x7F) {
      char buf[8];
      snprintf(buf, sizeof buf, "\\x%02x", c);
      out += buf;
    } else out += static_cast<char>(c);
  }
  out += q;
  return out;
}

std::string py_repr_float(double d, bool add_dot_zero) {
  if (std::isinf(d)) return d > 0 ? "inf" : "-inf";
  if (std::isnan(d)) return "nan";
  char buf[64];
  auto r = std::to_chars(buf, buf + sizeof buf, d, std::chars_format::scientific);
  std::string sci(buf, r.ptr);
  std::string sign;
  if (sci[0] == '-') { sign = "-"; sci.erase(0, 1); }
  size_t epos = sci.find('e');
  std::string mant = sci.substr(0, epos);
  int exp = std::stoi(sci.substr(epos + 1));
  std::string digits;
  for (char c : mant)
    if (c != '.') digits += c;
  while (digits.size() > 1 && digits.back() == '0') digits.pop_back();
  int decpt = exp + 1;
  std::string out;
  if (d == 0) {
    out = add_dot_zero ? "0.0" : "0";
  } else if (decpt > -4 && decpt <= 16) {
    if (decpt <= 0) out = "0." + std::string(-decpt, '0') + digits;
    else if (decpt >= static_cast<int>(digits.size()))
      out = digits + std::string(decpt - digits.size(), '0') + (add_dot_zero ? ".0" : "");
    else out = digits.substr(0, decpt) + "." + digits.substr(decpt);
  } else {
    out = digits.substr(0, 1);
    if (digits.size() > 1) out += "." + digits.substr(1);
    int e = decpt - 1;
    char eb[16];
    snprintf(eb, sizeof eb, "e%c%02d", e < 0 ? '-' : '+', e < 0 ? -e : e);
    out += eb;
  }
  return sign + out;
}

std::string int_digits_to_decimal(const std::string& digits, int base) {
  if (base == 10) return digits.empty() ? "0" : digits;
  // Little-endian limbs of 10^9.
  std::vector<uint32_t> limbs{0};
  for (char ch : digits) {
    int v = ch <= '9' ? ch - '0' : (ch | 0x20) - 'a' + 10;
    uint64_t carry = static_cast<uint64_t>(v);
    for (auto& l : limbs) {
      uint64_t x = static_cast<uint64_t>(l) * static_cast<uint64_t>(base) + carry;
      l = static_cast<uint32_t>(x % 1000000000u);
      carry = x / 1000000000u;
    }
    while (carry) {
      limbs.push_back(static_cast<uint32_t>(carry % 1000000000u));
      carry /= 1000000000u;
    }
  }
  std::string out = std::to_string(limbs.back());
  for (size_t i = limbs.size() - 1; i-- > 0;) {
    char buf[16];
    snprintf(buf, sizeof buf, "%09u", limbs[i]);
    out += buf;
  }
  return out;
}

std::string py_repr_constant(const ConstantValue& v) {
  switch (v.kind) {
    case ConstantValue::Kind::None: return "None";
    case ConstantValue::Kind::True: return "True";
    case ConstantValue::Kind::False: return "False";
    case ConstantValue::Kind::Ellipsis: return "Ellipsis";
    case ConstantValue::Kind::Int: return int_digits_to_decimal(v.text, v.int_base);
    case ConstantValue::Kind::Float: return py_repr_float(v.number);
    case ConstantValue::Kind::Complex: return py_repr_float(v.number, false) + "j";
    case ConstantValue::Kind::Str: return py_repr_str(v.text);
    case ConstantValue::Kind::Bytes: return py_repr_bytes(v.text);
  }
  return "?";
}

namespace {

class Dumper {
 public:
  explicit Dumper(const AstDumpOptions& o) : opts_(o) {}
  std::string out;

  void mod(const Mod* m) {
    switch (m->kind) {
      case ModKind::Module: {
        auto* x = static_cast<const Module*>(m);
        out += "Module(body=";
        stmts(x->body);
        out += ", type_ignores=[])";
        break;
      }
      case ModKind::Interactive:
        out += "Interactive(body=";
        stmts(static_cast<const Interactive*>(m)->body);
        out += ")";
        break;
      case ModKind::Expression:
        out += "Expression(body=";
        expr(static_cast<const Expression*>(m)->body);
        out += ")";
        break;
    }
  }

  void expr(const Expr* e);

 private:
  const AstDumpOptions& opts_;
  const Located* override_ = nullptr;  // compat311 f-string positions

  void field(const char* name) {
    if (out.back() != '(') out += ", ";
    out += name;
    out += '=';
  }
  void str_field(const char* name, const std::string& s) {
    field(name);
    out += py_repr_str(s);
  }
  void opt_str_field(const char* name, const std::string& s) {
    if (!s.empty()) str_field(name, s);
  }
  void int_field(const char* name, long v) {
    field(name);
    out += std::to_string(v);
  }
  void expr_field(const char* name, const Expr* e) {
    field(name);
    expr(e);
  }
  void opt_expr_field(const char* name, const Expr* e) {
    if (e) expr_field(name, e);
  }
  void exprs_field(const char* name, const std::vector<Expr*>& v) {
    field(name);
    exprs(v);
  }
  void exprs(const std::vector<Expr*>& v) {
    out += '[';
    for (size_t i = 0; i < v.size(); i++) {
      if (i) out += ", ";
      if (v[i]) expr(v[i]);
      else out += "None";
    }
    out += ']';
  }
  void stmts_field(const char* name, const std::vector<Stmt*>& v) {
    field(name);
    stmts(v);
  }
  void stmts(const std::vector<Stmt*>& v) {
    out += '[';
    for (size_t i = 0; i < v.size(); i++) {
      if (i) out += ", ";
      stmt(v[i]);
    }
    out += ']';
  }
  void names_field(const char* name, const std::vector<std::string>& v) {
    field(name);
    out += '[';
    for (size_t i = 0; i < v.size(); i++) {
      if (i) out += ", ";
      out += py_repr_str(v[i]);
    }
    out += ']';
  }
  void ctx_field(ExprContext c) {
    field("ctx");
    out += name_of(c);
    out += "()";
  }
  void attrs(const Located* n) {
    if (!opts_.include_attributes) return;
    const Located* p = override_ ? override_ : n;
    int_field("lineno", p->lineno);
    int_field("col_offset", p->col_offset);
    int_field("end_lineno", p->end_lineno);
    int_field("end_col_offset", p->end_col_offset);
  }
  void open(const char* name) {
    out += name;
    out += '(';
  }
  void arg(const Arg* a) {
    open("arg");
    str_field("arg", a->arg);
    opt_expr_field("annotation", a->annotation);
    opt_str_field("type_comment", a->type_comment);
    attrs(a);
    out += ')';
  }
  void opt_arg_field(const char* name, const Arg* a) {
    if (!a) return;
    field(name);
    arg(a);
  }
  void args_list(const char* name, const std::vector<Arg*>& v) {
    field(name);
    out += '[';
    for (size_t i = 0; i < v.size(); i++) {
      if (i) out += ", ";
      arg(v[i]);
    }
    out += ']';
  }
  void arguments(const Arguments* a) {
    open("arguments");
    args_list("posonlyargs", a->posonlyargs);
    args_list("args", a->args);
    opt_arg_field("vararg", a->vararg);
    args_list("kwonlyargs", a->kwonlyargs);
    exprs_field("kw_defaults", a->kw_defaults);
    opt_arg_field("kwarg", a->kwarg);
    exprs_field("defaults", a->defaults);
    out += ')';
  }
  void keywords_field(const std::vector<Keyword*>& v) {
    field("keywords");
    out += '[';
    for (size_t i = 0; i < v.size(); i++) {
      if (i) out += ", ";
      open("keyword");
      opt_str_field("arg", v[i]->arg);
      expr_field("value", v[i]->value);
      attrs(v[i]);
      out += ')';
    }
    out += ']';
  }
  void aliases_field(const std::vector<Alias*>& v) {
    field("names");
    out += '[';
    for (size_t i = 0; i < v.size(); i++) {
      if (i) out += ", ";
      open("alias");
      str_field("name", v[i]->name);
      opt_str_field("asname", v[i]->asname);
      attrs(v[i]);
      out += ')';
    }
    out += ']';
  }
  void generators_field(const std::vector<Comprehension*>& v) {
    field("generators");
    out += '[';
    for (size_t i = 0; i < v.size(); i++) {
      if (i) out += ", ";
      open("comprehension");
      expr_field("target", v[i]->target);
      expr_field("iter", v[i]->iter);
      exprs_field("ifs", v[i]->ifs);
      int_field("is_async", v[i]->is_async);
      out += ')';
    }
    out += ']';
  }
  void type_params_field(const std::vector<TypeParam*>& v, bool always = false) {
    if (v.empty() && !always) return;  // 3.12+ field: shown only when used
    field("type_params");
    out += '[';
    for (size_t i = 0; i < v.size(); i++) {
      if (i) out += ", ";
      const TypeParam* p = v[i];
      open(name_of(p->kind));
      str_field("name", p->name);
      opt_expr_field("bound", p->bound);
      opt_expr_field("default_value", p->default_value);
      attrs(p);
      out += ')';
    }
    out += ']';
  }
  void pattern(const Pattern* p);
  void patterns_field(const char* name, const std::vector<Pattern*>& v) {
    field(name);
    out += '[';
    for (size_t i = 0; i < v.size(); i++) {
      if (i) out += ", ";
      pattern(v[i]);
    }
    out += ']';
  }
  void stmt(const Stmt* s);
};

void Dumper::expr(const Expr* e) {
  open(name_of(e->kind));
  switch (e->kind) {
    case ExprKind::BoolOp: {
      auto* x = cast<BoolOp>(e);
      field("op"); out += name_of(x->op); out += "()";
      exprs_field("values", x->values);
      break;
    }
    case ExprKind::NamedExpr: {
      auto* x = cast<NamedExpr>(e);
      expr_field("target", x->target);
      expr_field("value", x->value);
      break;
    }
    case ExprKind::BinOp: {
      auto* x = cast<BinOp>(e);
      expr_field("left", x->left);
      field("op"); out += name_of(x->op); out += "()";
      expr_field("right", x->right);
      break;
    }
    case ExprKind::UnaryOp: {
      auto* x = cast<UnaryOp>(e);
      field("op"); out += name_of(x->op); out += "()";
      expr_field("operand", x->operand);
      break;
    }
    case ExprKind::Lambda: {
      auto* x = cast<Lambda>(e);
      field("args");
      arguments(x->args);
      expr_field("body", x->body);
      break;
    }
    case ExprKind::IfExp: {
      auto* x = cast<IfExp>(e);
      expr_field("test", x->test);
      expr_field("body", x->body);
      expr_field("orelse", x->orelse);
      break;
    }
    case ExprKind::Dict: {
      auto* x = cast<Dict>(e);
      exprs_field("keys", x->keys);
      exprs_field("values", x->values);
      break;
    }
    case ExprKind::Set: exprs_field("elts", cast<Set>(e)->elts); break;
    case ExprKind::ListComp: {
      auto* x = cast<ListComp>(e);
      expr_field("elt", x->elt);
      generators_field(x->generators);
      break;
    }
    case ExprKind::SetComp: {
      auto* x = cast<SetComp>(e);
      expr_field("elt", x->elt);
      generators_field(x->generators);
      break;
    }
    case ExprKind::GeneratorExp: {
      auto* x = cast<GeneratorExp>(e);
      expr_field("elt", x->elt);
      generators_field(x->generators);
      break;
    }
    case ExprKind::DictComp: {
      auto* x = cast<DictComp>(e);
      expr_field("key", x->key);
      expr_field("value", x->value);
      generators_field(x->generators);
      break;
    }
    case ExprKind::Await: expr_field("value", cast<Await>(e)->value); break;
    case ExprKind::Yield: opt_expr_field("value", cast<Yield>(e)->value); break;
    case ExprKind::YieldFrom: expr_field("value", cast<YieldFrom>(e)->value); break;
    case ExprKind::Compare: {
      auto* x = cast<Compare>(e);
      expr_field("left", x->left);
      field("ops");
      out += '[';
      for (size_t i = 0; i < x->ops.size(); i++) {
        if (i) out += ", ";
        out += name_of(x->ops[i]);
        out += "()";
      }
      out += ']';
      exprs_field("comparators", x->comparators);
      break;
    }
    case ExprKind::Call: {
      auto* x = cast<Call>(e);
      expr_field("func", x->func);
      exprs_field("args", x->args);
      keywords_field(x->keywords);
      break;
    }
    case ExprKind::FormattedValue: {
      auto* x = cast<FormattedValue>(e);
      expr_field("value", x->value);
      int_field("conversion", x->conversion);
      opt_expr_field("format_spec", x->format_spec);
      break;
    }
    case ExprKind::Interpolation: {
      auto* x = cast<Interpolation>(e);
      expr_field("value", x->value);
      str_field("str", x->str);
      int_field("conversion", x->conversion);
      opt_expr_field("format_spec", x->format_spec);
      break;
    }
    case ExprKind::JoinedStr: case ExprKind::TemplateStr: {
      const auto& vals = e->kind == ExprKind::JoinedStr ? cast<JoinedStr>(e)->values
                                                        : cast<TemplateStr>(e)->values;
      bool set_here = opts_.compat311_fstring_positions && !override_;
      if (set_here) override_ = e;
      exprs_field("values", vals);
      if (set_here) override_ = nullptr;
      break;
    }
    case ExprKind::Constant: {
      auto* x = cast<Constant>(e);
      field("value");
      out += py_repr_constant(x->value);
      opt_str_field("kind", x->kind);
      break;
    }
    case ExprKind::Attribute: {
      auto* x = cast<Attribute>(e);
      expr_field("value", x->value);
      str_field("attr", x->attr);
      ctx_field(x->ctx);
      break;
    }
    case ExprKind::Subscript: {
      auto* x = cast<Subscript>(e);
      expr_field("value", x->value);
      expr_field("slice", x->slice);
      ctx_field(x->ctx);
      break;
    }
    case ExprKind::Starred: {
      auto* x = cast<Starred>(e);
      expr_field("value", x->value);
      ctx_field(x->ctx);
      break;
    }
    case ExprKind::Name: {
      auto* x = cast<Name>(e);
      str_field("id", x->id);
      ctx_field(x->ctx);
      break;
    }
    case ExprKind::List: {
      auto* x = cast<List>(e);
      exprs_field("elts", x->elts);
      ctx_field(x->ctx);
      break;
    }
    case ExprKind::Tuple: {
      auto* x = cast<Tuple>(e);
      exprs_field("elts", x->elts);
      ctx_field(x->ctx);
      break;
    }
    case ExprKind::Slice: {
      auto* x = cast<Slice>(e);
      opt_expr_field("lower", x->lower);
      opt_expr_field("upper", x->upper);
      opt_expr_field("step", x->step);
      break;
    }
  }
  attrs(e);
  out += ')';
}

void Dumper::pattern(const Pattern* p) {
  open(name_of(p->kind));
  switch (p->kind) {
    case PatternKind::MatchValue: expr_field("value", cast<MatchValue>(p)->value); break;
    case PatternKind::MatchSingleton:
      field("value");
      out += py_repr_constant(cast<MatchSingleton>(p)->value);
      break;
    case PatternKind::MatchSequence: patterns_field("patterns", cast<MatchSequence>(p)->patterns); break;
    case PatternKind::MatchMapping: {
      auto* x = cast<MatchMapping>(p);
      exprs_field("keys", x->keys);
      patterns_field("patterns", x->patterns);
      opt_str_field("rest", x->rest);
      break;
    }
    case PatternKind::MatchClass: {
      auto* x = cast<MatchClass>(p);
      expr_field("cls", x->cls);
      patterns_field("patterns", x->patterns);
      names_field("kwd_attrs", x->kwd_attrs);
      patterns_field("kwd_patterns", x->kwd_patterns);
      break;
    }
    case PatternKind::MatchStar: opt_str_field("name", cast<MatchStar>(p)->name); break;
    case PatternKind::MatchAs: {
      auto* x = cast<MatchAs>(p);
      if (x->pattern) {
        field("pattern");
        pattern(x->pattern);
      }
      opt_str_field("name", x->name);
      break;
    }
    case PatternKind::MatchOr: patterns_field("patterns", cast<MatchOr>(p)->patterns); break;
  }
  attrs(p);
  out += ')';
}

void Dumper::stmt(const Stmt* s) {
  open(name_of(s->kind));
  switch (s->kind) {
    case StmtKind::FunctionDef: case StmtKind::AsyncFunctionDef: {
      auto* x = cast<FunctionDef>(s);
      str_field("name", x->name);
      field("args");
      arguments(x->args);
      stmts_field("body", x->body);
      exprs_field("decorator_list", x->decorator_list);
      opt_expr_field("returns", x->returns);
      opt_str_field("type_comment", x->type_comment);
      type_params_field(x->type_params);
      break;
    }
    case StmtKind::ClassDef: {
      auto* x = cast<ClassDef>(s);
      str_field("name", x->name);
      exprs_field("bases", x->bases);
      keywords_field(x->keywords);
      stmts_field("body", x->body);
      exprs_field("decorator_list", x->decorator_list);
      type_params_field(x->type_params);
      break;
    }
    case StmtKind::Return: opt_expr_field("value", cast<Return>(s)->value); break;
    case StmtKind::Delete: exprs_field("targets", cast<Delete>(s)->targets); break;
    case StmtKind::Assign: {
      auto* x = cast<Assign>(s);
      exprs_field("targets", x->targets);
      expr_field("value", x->value);
      opt_str_field("type_comment", x->type_comment);
      break;
    }
    case StmtKind::TypeAlias: {
      auto* x = cast<TypeAlias>(s);
      expr_field("name", x->name);
      type_params_field(x->type_params, true);
      expr_field("value", x->value);
      break;
    }
    case StmtKind::AugAssign: {
      auto* x = cast<AugAssign>(s);
      expr_field("target", x->target);
      field("op"); out += name_of(x->op); out += "()";
      expr_field("value", x->value);
      break;
    }
    case StmtKind::AnnAssign: {
      auto* x = cast<AnnAssign>(s);
      expr_field("target", x->target);
      expr_field("annotation", x->annotation);
      opt_expr_field("value", x->value);
      int_field("simple", x->simple);
      break;
    }
    case StmtKind::For: case StmtKind::AsyncFor: {
      auto* x = cast<For>(s);
      expr_field("target", x->target);
      expr_field("iter", x->iter);
      stmts_field("body", x->body);
      stmts_field("orelse", x->orelse);
      opt_str_field("type_comment", x->type_comment);
      break;
    }
    case StmtKind::While: {
      auto* x = cast<While>(s);
      expr_field("test", x->test);
      stmts_field("body", x->body);
      stmts_field("orelse", x->orelse);
      break;
    }
    case StmtKind::If: {
      auto* x = cast<If>(s);
      expr_field("test", x->test);
      stmts_field("body", x->body);
      stmts_field("orelse", x->orelse);
      break;
    }
    case StmtKind::With: case StmtKind::AsyncWith: {
      auto* x = cast<With>(s);
      field("items");
      out += '[';
      for (size_t i = 0; i < x->items.size(); i++) {
        if (i) out += ", ";
        open("withitem");
        expr_field("context_expr", x->items[i]->context_expr);
        opt_expr_field("optional_vars", x->items[i]->optional_vars);
        out += ')';
      }
      out += ']';
      stmts_field("body", x->body);
      opt_str_field("type_comment", x->type_comment);
      break;
    }
    case StmtKind::Match: {
      auto* x = cast<Match>(s);
      expr_field("subject", x->subject);
      field("cases");
      out += '[';
      for (size_t i = 0; i < x->cases.size(); i++) {
        if (i) out += ", ";
        open("match_case");
        field("pattern");
        pattern(x->cases[i]->pattern);
        opt_expr_field("guard", x->cases[i]->guard);
        stmts_field("body", x->cases[i]->body);
        out += ')';
      }
      out += ']';
      break;
    }
    case StmtKind::Raise: {
      auto* x = cast<Raise>(s);
      opt_expr_field("exc", x->exc);
      opt_expr_field("cause", x->cause);
      break;
    }
    case StmtKind::Try: case StmtKind::TryStar: {
      auto* x = cast<Try>(s);
      stmts_field("body", x->body);
      field("handlers");
      out += '[';
      for (size_t i = 0; i < x->handlers.size(); i++) {
        if (i) out += ", ";
        const ExceptHandler* h = x->handlers[i];
        open("ExceptHandler");
        opt_expr_field("type", h->type);
        opt_str_field("name", h->name);
        stmts_field("body", h->body);
        attrs(h);
        out += ')';
      }
      out += ']';
      stmts_field("orelse", x->orelse);
      stmts_field("finalbody", x->finalbody);
      break;
    }
    case StmtKind::Assert: {
      auto* x = cast<Assert>(s);
      expr_field("test", x->test);
      opt_expr_field("msg", x->msg);
      break;
    }
    case StmtKind::Import: aliases_field(cast<Import>(s)->names); break;
    case StmtKind::ImportFrom: {
      auto* x = cast<ImportFrom>(s);
      opt_str_field("module", x->module);
      aliases_field(x->names);
      int_field("level", x->level);
      break;
    }
    case StmtKind::Global: names_field("names", cast<Global>(s)->names); break;
    case StmtKind::Nonlocal: names_field("names", cast<Nonlocal>(s)->names); break;
    case StmtKind::Expr: expr_field("value", cast<ExprStmt>(s)->value); break;
    case StmtKind::Pass: case StmtKind::Break: case StmtKind::Continue: break;
  }
  attrs(s);
  out += ')';
}

}  // namespace

std::string ast_dump(const Mod* mod, const AstDumpOptions& opts) {
  Dumper d(opts);
  d.mod(mod);
  return std::move(d.out);
}

std::string ast_dump_expr(const Expr* e, const AstDumpOptions& opts) {
  Dumper d(opts);
  d.expr(e);
  return std::move(d.out);
}

}  // namespace ftpy
