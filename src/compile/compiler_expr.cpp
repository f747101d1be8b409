// Expressions: operators, displays, calls, f-strings, yield/await, constant
// folding (tuples of constants, unary minus on numbers, __debug__).
#include <unordered_set>

#include "compile/compiler_internal.h"
#include <cstring>

#include "objects/errors.h"
#include "objects/float.h"
#include "objects/int.h"
#include "objects/protocol.h"
#include "objects/set.h"
#include "objects/str.h"
#include "parse/parser.h"

namespace ftpy::comp {

uint32_t binop_oparg(OperatorKind op);  // compiler_stmt.cpp

void Compiler::expr(const Expr* e) {
  NodeScope ns(*this, e);
  expr_inner(e);
}

bool Compiler::fold_const(const Expr* e, ConstEntry* out) {
  switch (e->kind) {
    case ExprKind::Constant: *out = const_of(cast<Constant>(e)->value); return true;
    case ExprKind::Name:
      if (cast<Name>(e)->id == "__debug__" && cast<Name>(e)->ctx == ExprContext::Load) {
        bool v = opts_.optimize <= 0;
        out->obj = Ref<>::borrow(v ? true_value() : false_value());
        out->key = v ? "T" : "F";
        return true;
      }
      return false;
    case ExprKind::Tuple: {
      auto* t = cast<ast::Tuple>(e);
      if (t->ctx != ExprContext::Load) return false;
      std::vector<ConstEntry> items;
      for (const Expr* x : t->elts) {
        ConstEntry c;
        if (x->kind == ExprKind::Starred || !fold_const(x, &c)) return false;
        items.push_back(std::move(c));
      }
      *out = const_tuple(items);
      return true;
    }
    case ExprKind::UnaryOp: {
      auto* u = cast<UnaryOp>(e);
      if (u->op != UnaryOpKind::USub || u->operand->kind != ExprKind::Constant) return false;
      auto k = cast<Constant>(u->operand)->value.kind;
      if (k != ConstantValue::Kind::Int && k != ConstantValue::Kind::Float && k != ConstantValue::Kind::Complex)
        return false;
      ConstEntry c = const_of(cast<Constant>(u->operand)->value);
      Ref<> neg = negative(c.obj.val());
      if (!neg) python_error();
      out->obj = std::move(neg);
      out->key = "-" + c.key;
      return true;
    }
    case ExprKind::BinOp: {
      // Arithmetic on small numeric constants (`60 * 60`, `1 << 20`, `2 ** 10`,
      // `0.5 * 3`): folded when the result is a small int or a float, so
      // nothing large is ever built at compile time. Errors (1/0) are left
      // for run time.
      auto* b = cast<BinOp>(e);
      ConstEntry l, r;
      if (!fold_const(b->left, &l) || !fold_const(b->right, &r)) return false;
      auto numeric = [](const Ref<>& o) {
        return o && (o.val().is_small() || (is_float(o.val()) && !is_int(o.val())));
      };
      if (!numeric(l.obj) || !numeric(r.obj)) return false;
      bool ints = l.obj.val().is_small() && r.obj.val().is_small();
      if (b->op == OperatorKind::Pow && ints) {
        int64_t base = l.obj.val().small_value(), ex = r.obj.val().small_value();
        if (ex < 0 || ex > 64 || (base != 0 && base != 1 && base != -1 && ex > 62)) return false;
      }
      if ((b->op == OperatorKind::LShift) && (!ints || r.obj.val().small_value() > 62)) return false;
      if (b->op == OperatorKind::MatMult) return false;
      Ref<> v = binary_op(l.obj.val(), r.obj.val(), static_cast<BinaryOp>(binop_oparg(b->op)));
      if (!v) {
        Ref<> discard = err_fetch();
        return false;
      }
      if (v.val().is_small()) {
        out->key = "i10:" + std::to_string(v.val().small_value());
      } else if (is_float(v.val()) && !is_int(v.val())) {
        double d = float_value(v.val());
        uint64_t bits;
        std::memcpy(&bits, &d, 8);
        out->key = "f" + std::to_string(bits);
      } else {
        return false;
      }
      out->obj = std::move(v);
      return true;
    }
    default: return false;
  }
}

static bool has_starred(const std::vector<Expr*>& v) {
  for (const Expr* e : v)
    if (e->kind == ExprKind::Starred) return true;
  return false;
}

void Compiler::expr_inner(const Expr* e) {
  switch (e->kind) {
    case ExprKind::BoolOp: boolop(cast<BoolOp>(e)); break;
    case ExprKind::NamedExpr: {
      auto* n = cast<NamedExpr>(e);
      expr(n->value);
      emit(OP_COPY, 1);
      name_op(cast<Name>(n->target)->id, ExprContext::Store, n->target);
      break;
    }
    case ExprKind::BinOp: {
      auto* b = cast<BinOp>(e);
      ConstEntry c;
      if (fold_const(e, &c)) {
        load_const_entry(c);
        break;
      }
      expr(b->left);
      expr(b->right);
      set_pos(e);
      emit(OP_BINARY_OP, binop_oparg(b->op));
      break;
    }
    case ExprKind::UnaryOp: {
      auto* un = cast<UnaryOp>(e);
      ConstEntry c;
      if (fold_const(e, &c)) {
        load_const_entry(c);
        break;
      }
      expr(un->operand);
      set_pos(e);
      switch (un->op) {
        case UnaryOpKind::Not: emit(OP_UNARY_NOT); break;
        case UnaryOpKind::Invert: emit(OP_UNARY_INVERT); break;
        case UnaryOpKind::USub: emit(OP_UNARY_NEGATIVE); break;
        case UnaryOpKind::UAdd: emit(OP_UNARY_POSITIVE); break;
      }
      break;
    }
    case ExprKind::Lambda: lambda(cast<Lambda>(e)); break;
    case ExprKind::IfExp: {
      auto* x = cast<IfExp>(e);
      int orelse = new_label(), end = new_label();
      jump_if(x->test, false, orelse);
      expr(x->body);
      emit_jump(kPseudoJump, end);
      bind(orelse);
      expr(x->orelse);
      bind(end);
      break;
    }
    case ExprKind::Dict: dict_display(cast<ast::Dict>(e)); break;
    case ExprKind::Set: {
      // CPython 3.11 compiles a display of more than two constants as an
      // empty set updated from a frozenset constant, and its compiler builds
      // that constant twice: from the items, then (merging constants) from
      // the first one's iteration order. The set's iteration order follows
      // from that, so ftpy builds it the same way.
      const auto& elts = cast<ast::Set>(e)->elts;
      std::vector<ConstEntry> items;
      bool consts = elts.size() > 2;
      for (size_t i = 0; consts && i < elts.size(); i++) {
        ConstEntry c;
        consts = elts[i]->kind != ExprKind::Starred && fold_const(elts[i], &c);
        if (consts) items.push_back(std::move(c));
      }
      if (!consts) {
        starunpack(elts, OP_BUILD_SET, OP_SET_UPDATE, false);
        break;
      }
      ConstEntry t = const_tuple(items);
      Ref<> first = frozenset_new(t.obj.val());
      Ref<> order = first ? sequence_tuple(first.val()) : nullptr;
      Ref<> fs = order ? frozenset_new(order.val()) : nullptr;
      if (!fs) python_error();
      ConstEntry f;
      f.obj = std::move(fs);
      f.key = "fs" + t.key;
      emit(OP_BUILD_SET, 0);
      load_const_entry(f);
      emit(OP_SET_UPDATE, 1);
      break;
    }
    case ExprKind::ListComp: {
      auto* c = cast<ListComp>(e);
      if (c->elt->kind == ExprKind::Starred) error(c->elt, "iterable unpacking cannot be used in comprehension");
      comprehension(e, c->generators, c->elt, nullptr, ComprehensionKind::List);
      break;
    }
    case ExprKind::SetComp: {
      auto* c = cast<SetComp>(e);
      if (c->elt->kind == ExprKind::Starred) error(c->elt, "iterable unpacking cannot be used in comprehension");
      comprehension(e, c->generators, c->elt, nullptr, ComprehensionKind::Set);
      break;
    }
    case ExprKind::DictComp: {
      auto* c = cast<DictComp>(e);
      comprehension(e, c->generators, c->key, c->value, ComprehensionKind::Dict);
      break;
    }
    case ExprKind::GeneratorExp: {
      auto* c = cast<GeneratorExp>(e);
      if (c->elt->kind == ExprKind::Starred) error(c->elt, "iterable unpacking cannot be used in comprehension");
      comprehension(e, c->generators, c->elt, nullptr, ComprehensionKind::Generator);
      break;
    }
    case ExprKind::Await: {
      Unit& n = u();
      if (!n.scope->is_function_like() || n.is_class) error(e, "'await' outside function");
      if (n.kind != UnitKind::AsyncFunction && n.kind != UnitKind::Comprehension)
        error(e, "'await' outside async function");
      expr(cast<Await>(e)->value);
      set_pos(e);
      emit(OP_GET_AWAITABLE, 0);
      load_none();
      yield_from_loop(true);
      break;
    }
    case ExprKind::Yield: {
      Unit& n = u();
      if (!n.scope->is_function_like() || n.is_class) error(e, "'yield' outside function");
      auto* y = cast<Yield>(e);
      if (y->value) expr(y->value);
      else load_none();
      set_pos(e);
      if (n.flags & kCoAsyncGenerator) emit(OP_CALL_INTRINSIC_1, kIntrinsicAsyncGenWrap);
      emit(OP_YIELD_VALUE);
      emit(OP_RESUME, 1);
      break;
    }
    case ExprKind::YieldFrom: {
      Unit& n = u();
      if (!n.scope->is_function_like() || n.is_class) error(e, "'yield' outside function");
      if (n.kind == UnitKind::AsyncFunction) error(e, "'yield from' inside async function");
      expr(cast<YieldFrom>(e)->value);
      set_pos(e);
      emit(OP_GET_YIELD_FROM_ITER);
      load_none();
      yield_from_loop(false);
      break;
    }
    case ExprKind::Compare: compare(cast<Compare>(e)); break;
    case ExprKind::Call: call(cast<Call>(e)); break;
    case ExprKind::FormattedValue: formatted_value(cast<FormattedValue>(e)); break;
    case ExprKind::JoinedStr: fstring(cast<JoinedStr>(e)); break;
    case ExprKind::TemplateStr: case ExprKind::Interpolation:
      error(e, "template strings (t-strings) are not supported yet");
    case ExprKind::Constant: load_const_entry(const_of(cast<Constant>(e)->value)); break;
    case ExprKind::Attribute: {
      auto* a = cast<Attribute>(e);
      if (a->ctx != ExprContext::Load) error(e, "internal: attribute store in expression context");
      expr(a->value);
      set_pos_from_attr(e, a);
      emit(OP_LOAD_ATTR, static_cast<uint32_t>(add_name(mangle_name(a->attr))) << 1);
      break;
    }
    case ExprKind::Subscript: subscript(cast<Subscript>(e)); break;
    case ExprKind::Starred: error(e, "can't use starred expression here");
    case ExprKind::Name: name_op(cast<Name>(e)->id, cast<Name>(e)->ctx, e); break;
    case ExprKind::List: {
      auto* l = cast<ast::List>(e);
      if (l->ctx == ExprContext::Store) { assign_target(e); break; }
      starunpack(l->elts, OP_BUILD_LIST, OP_LIST_EXTEND, false);
      break;
    }
    case ExprKind::Tuple: {
      auto* t = cast<ast::Tuple>(e);
      if (t->ctx == ExprContext::Store) { assign_target(e); break; }
      ConstEntry c;
      if (fold_const(e, &c)) {
        emit(OP_LOAD_CONST, add_const(c.obj, c.key));
        break;
      }
      starunpack(t->elts, OP_BUILD_LIST, OP_LIST_EXTEND, true);
      break;
    }
    case ExprKind::Slice: slice(cast<Slice>(e)); break;
  }
}

void Compiler::starunpack(const std::vector<Expr*>& elts, int build_op, int extend_op, bool tuple) {
  if (!has_starred(elts)) {
    for (const Expr* x : elts) expr(x);
    emit(tuple ? OP_BUILD_TUPLE : build_op, static_cast<uint32_t>(elts.size()));
    return;
  }
  size_t lead = 0;
  while (lead < elts.size() && elts[lead]->kind != ExprKind::Starred) expr(elts[lead++]);
  emit(build_op, static_cast<uint32_t>(lead));
  int append_op = build_op == OP_BUILD_SET ? OP_SET_ADD : OP_LIST_APPEND;
  for (size_t i = lead; i < elts.size(); i++) {
    if (elts[i]->kind == ExprKind::Starred) {
      expr(cast<Starred>(elts[i])->value);
      emit(extend_op, 1);
    } else {
      expr(elts[i]);
      emit(append_op, 1);
    }
  }
  if (tuple) emit(OP_LIST_TO_TUPLE);
}

void Compiler::dict_display(const ast::Dict* d) {
  bool have = false;
  int n = 0;
  for (size_t i = 0; i < d->values.size(); i++) {
    if (d->keys[i]) {
      expr(d->keys[i]);
      expr(d->values[i]);
      n++;
    } else {
      if (n) {
        emit(OP_BUILD_MAP, n);
        if (have) emit(OP_DICT_UPDATE, 1);
        have = true;
        n = 0;
      }
      if (!have) {
        emit(OP_BUILD_MAP, 0);
        have = true;
      }
      expr(d->values[i]);
      emit(OP_DICT_UPDATE, 1);
    }
  }
  if (n || !have) {
    emit(OP_BUILD_MAP, n);
    if (have) emit(OP_DICT_UPDATE, 1);
  }
}

void Compiler::subscript(const Subscript* s) {
  if (s->ctx != ExprContext::Load) error(s, "internal: subscript store in expression context");
  check_subscript(s);
  expr(s->value);
  if (s->slice->kind == ExprKind::Slice) {
    auto* sl = cast<Slice>(s->slice);
    if (sl->lower) expr(sl->lower); else load_none();
    if (sl->upper) expr(sl->upper); else load_none();
    if (sl->step) expr(sl->step);
    set_pos(s);
    emit(OP_BINARY_SLICE, sl->step ? 1 : 0);
  } else {
    expr(s->slice);
    set_pos(s);
    emit(OP_BINARY_SUBSCR);
  }
}

void Compiler::slice(const Slice* s) {
  if (s->lower) expr(s->lower); else load_none();
  if (s->upper) expr(s->upper); else load_none();
  if (s->step) expr(s->step);
  emit(OP_BUILD_SLICE, s->step ? 3 : 2);
}

// ---- conditions --------------------------------------------------------------------

void Compiler::jump_if(const Expr* e, bool cond, int label) {
  NodeScope ns(*this, e);
  if (e->kind == ExprKind::Constant || e->kind == ExprKind::Name) {
    // `while True:`, `if __debug__:` ... are decided at compile time.
    ConstEntry c;
    if (fold_const(e, &c)) {
      int t = truthy(c.obj ? c.obj.val() : none());
      if (t < 0) python_error();
      if ((t != 0) == cond) emit_jump(kPseudoJump, label);
      return;
    }
  }
  switch (e->kind) {
    case ExprKind::UnaryOp:
      if (cast<UnaryOp>(e)->op == UnaryOpKind::Not) {
        jump_if(cast<UnaryOp>(e)->operand, !cond, label);
        return;
      }
      break;
    case ExprKind::BoolOp: {
      auto* b = cast<BoolOp>(e);
      bool is_or = b->op == BoolOpKind::Or;
      int next = label;
      if (is_or != cond) next = new_label();
      for (size_t i = 0; i + 1 < b->values.size(); i++) jump_if(b->values[i], is_or, next);
      jump_if(b->values.back(), cond, label);
      if (next != label) bind(next);
      return;
    }
    case ExprKind::IfExp: {
      auto* x = cast<IfExp>(e);
      int end = new_label(), orelse = new_label();
      jump_if(x->test, false, orelse);
      jump_if(x->body, cond, label);
      emit_jump(kPseudoJump, end);
      bind(orelse);
      jump_if(x->orelse, cond, label);
      bind(end);
      return;
    }
    case ExprKind::Compare: {
      auto* c = cast<Compare>(e);
      jump_compare_ = c;
      if (c->ops.size() == 1 && (c->ops[0] == CmpOpKind::Is || c->ops[0] == CmpOpKind::IsNot) &&
          c->comparators[0]->kind == ExprKind::Constant &&
          cast<Constant>(c->comparators[0])->value.kind == ConstantValue::Kind::None) {
        check_compare(c);  // compare() is not reached on this path
        expr(c->left);
        set_pos(e);
        bool is = c->ops[0] == CmpOpKind::Is;
        emit_jump(is == cond ? OP_POP_JUMP_IF_NONE : OP_POP_JUMP_IF_NOT_NONE, label);
        return;
      }
      break;
    }
    default: break;
  }
  expr(e);
  emit_jump(cond ? OP_POP_JUMP_IF_TRUE : OP_POP_JUMP_IF_FALSE, label);
}

void Compiler::boolop(const BoolOp* b) {
  int end = new_label();
  uint16_t op = b->op == BoolOpKind::And ? OP_JUMP_IF_FALSE_OR_POP : OP_JUMP_IF_TRUE_OR_POP;
  for (size_t i = 0; i + 1 < b->values.size(); i++) {
    expr(b->values[i]);
    emit_jump(op, end);
  }
  expr(b->values.back());
  bind(end);
}

void Compiler::compare_op(CmpOpKind op) {
  switch (op) {
    case CmpOpKind::Eq: emit(OP_COMPARE_OP, kEq); break;
    case CmpOpKind::NotEq: emit(OP_COMPARE_OP, kNe); break;
    case CmpOpKind::Lt: emit(OP_COMPARE_OP, kLt); break;
    case CmpOpKind::LtE: emit(OP_COMPARE_OP, kLe); break;
    case CmpOpKind::Gt: emit(OP_COMPARE_OP, kGt); break;
    case CmpOpKind::GtE: emit(OP_COMPARE_OP, kGe); break;
    case CmpOpKind::Is: emit(OP_IS_OP, 0); break;
    case CmpOpKind::IsNot: emit(OP_IS_OP, 1); break;
    case CmpOpKind::In: emit(OP_CONTAINS_OP, 0); break;
    case CmpOpKind::NotIn: emit(OP_CONTAINS_OP, 1); break;
  }
}

void Compiler::compare(const Compare* c) {
  check_compare(c);
  expr(c->left);
  size_t n = c->ops.size();
  if (n == 1) {
    expr(c->comparators[0]);
    set_pos(c);
    compare_op(c->ops[0]);
    return;
  }
  int cleanup = new_label(), end = new_label();
  for (size_t i = 0; i + 1 < n; i++) {
    expr(c->comparators[i]);
    set_pos(c);
    emit(OP_SWAP, 2);
    emit(OP_COPY, 2);
    compare_op(c->ops[i]);
    emit_jump(OP_JUMP_IF_FALSE_OR_POP, cleanup);
  }
  expr(c->comparators[n - 1]);
  set_pos(c);
  compare_op(c->ops[n - 1]);
  emit_jump(kPseudoJump, end);
  bind(cleanup);
  emit(OP_SWAP, 2);
  emit(OP_POP_TOP);
  bind(end);
}

// ---- calls -----------------------------------------------------------------------------

void Compiler::call(const Call* c) {
  check_caller(c);
  bool star = has_starred(c->args);
  for (const Keyword* k : c->keywords) star = star || k->arg.empty();
  const Expr* f = c->func;
  if (!star && f->kind == ExprKind::Attribute && cast<Attribute>(f)->ctx == ExprContext::Load) {
    auto* a = cast<Attribute>(f);
    expr(a->value);
    {
      NodeScope ns(*this, f);
      set_pos_from_attr(f, a);
      emit(OP_LOAD_ATTR, (static_cast<uint32_t>(add_name(mangle_name(a->attr))) << 1) | 1);
    }
    call_helper(c->args, c->keywords, 0, c, nullptr, a);
    return;
  }
  if (f->kind == ExprKind::Name && is_global_call_name(cast<Name>(f)->id)) {
    NodeScope ns(*this, f);
    emit(OP_LOAD_GLOBAL, (static_cast<uint32_t>(add_name(mangle_name(cast<Name>(f)->id))) << 1) | 1);
  } else {
    expr(f);
    emit(OP_PUSH_NULL);
  }
  call_helper(c->args, c->keywords, 0, c, nullptr);
}

void Compiler::call_helper(const std::vector<Expr*>& args, const std::vector<Keyword*>& kws, int n_pushed,
                           const Located* loc, const char* extra_base, const ast::Attribute* method) {
  auto place_call = [&] {
    if (method) set_pos_from_attr(loc, method);
    else set_pos(loc);
  };
  bool star = has_starred(args);
  for (const Keyword* k : kws) star = star || k->arg.empty();
  {
    std::unordered_set<std::string> seen;
    for (const Keyword* k : kws) {
      if (k->arg.empty()) continue;
      if (k->arg == "__debug__") error(k, "cannot assign to __debug__");
      if (!seen.insert(k->arg).second) error(k, "keyword argument repeated: " + k->arg);
    }
  }
  if (!star) {
    for (const Expr* a : args) expr(a);
    int extra = 0;
    if (extra_base) {
      name_op(extra_base, ExprContext::Load, loc);
      emit(OP_CALL_INTRINSIC_1, kIntrinsicSubscriptGeneric);
      extra = 1;
    }
    uint32_t n = static_cast<uint32_t>(n_pushed + args.size() + extra + kws.size());
    if (!kws.empty()) {
      std::vector<ConstEntry> names;
      for (const Keyword* k : kws) {
        expr(k->value);
        names.push_back(const_str(k->arg));
      }
      ConstEntry t = const_tuple(names);
      emit(OP_LOAD_CONST, add_const(t.obj, t.key));
      place_call();
      emit(OP_CALL_KW, n);
    } else {
      place_call();
      emit(OP_CALL, n);
    }
    return;
  }
  // General form: CALL_FUNCTION_EX with a tuple and an optional dict. A lone
  // f(*x) passes x itself (CALL_FUNCTION_EX makes the tuple), so a
  // non-iterable x is reported against the callee, as CPython does.
  if (args.size() == 1 && args[0]->kind == ExprKind::Starred && n_pushed == 0 && !extra_base) {
    expr(cast<Starred>(args[0])->value);
  } else {
    size_t lead = 0;
    while (lead < args.size() && args[lead]->kind != ExprKind::Starred) expr(args[lead++]);
    emit(OP_BUILD_LIST, static_cast<uint32_t>(n_pushed + lead));
    for (size_t i = lead; i < args.size(); i++) {
      if (args[i]->kind == ExprKind::Starred) {
        expr(cast<Starred>(args[i])->value);
        emit(OP_LIST_EXTEND, 1);
      } else {
        expr(args[i]);
        emit(OP_LIST_APPEND, 1);
      }
    }
    if (extra_base) {
      name_op(extra_base, ExprContext::Load, loc);
      emit(OP_CALL_INTRINSIC_1, kIntrinsicSubscriptGeneric);
      emit(OP_LIST_APPEND, 1);
    }
    emit(OP_LIST_TO_TUPLE);
  }
  bool have_dict = false;
  if (!kws.empty()) {
    int nseen = 0;
    size_t first = 0;
    auto flush = [&](size_t end) {
      std::vector<const Keyword*> group;
      for (size_t j = first; j < end; j++) {
        ConstEntry k = const_str(kws[j]->arg);
        emit(OP_LOAD_CONST, add_const(k.obj, k.key));
        expr(kws[j]->value);
      }
      emit(OP_BUILD_MAP, static_cast<uint32_t>(end - first));
      if (have_dict) emit(OP_DICT_MERGE, 1);
      have_dict = true;
      nseen = 0;
    };
    for (size_t i = 0; i < kws.size(); i++) {
      if (kws[i]->arg.empty()) {
        if (nseen) flush(i);
        if (!have_dict) {
          emit(OP_BUILD_MAP, 0);
          have_dict = true;
        }
        expr(kws[i]->value);
        emit(OP_DICT_MERGE, 1);
        first = i + 1;
      } else {
        if (nseen == 0) first = i;
        nseen++;
      }
    }
    if (nseen) flush(kws.size());
  }
  place_call();
  emit(OP_CALL_FUNCTION_EX, have_dict ? 1 : 0);
}

// ---- f-strings ----------------------------------------------------------------------------

void Compiler::formatted_value(const FormattedValue* f) {
  expr(f->value);
  uint32_t a = kFmtNone;
  switch (f->conversion) {
    case 's': a = kFmtStr; break;
    case 'r': a = kFmtRepr; break;
    case 'a': a = kFmtAscii; break;
    default: break;
  }
  if (f->format_spec) {
    expr(f->format_spec);
    a |= kFmtHasSpec;
  }
  set_pos(f);
  emit(OP_FORMAT_VALUE, a);
}

void Compiler::fstring(const JoinedStr* j) {
  if (j->values.empty()) {
    ConstEntry c = const_str("");
    emit(OP_LOAD_CONST, add_const(c.obj, c.key));
    return;
  }
  for (const Expr* v : j->values) expr(v);
  if (j->values.size() == 1 && j->values[0]->kind == ExprKind::Constant) return;  // already a str
  if (j->values.size() == 1 && j->values[0]->kind == ExprKind::FormattedValue) return;
  emit(OP_BUILD_STRING, static_cast<uint32_t>(j->values.size()));
}

// ---- yield from / await ------------------------------------------------------------------------

// Stack on entry: [receiver, value]; on exit: [result].
void Compiler::yield_from_loop(bool await) {
  int send = new_label(), fail = new_label(), exit = new_label();
  bind(send);
  emit_jump(OP_SEND, exit);
  emit_jump(kSetupFinally, fail);
  emit(OP_YIELD_VALUE);
  emit(kPopBlock);
  emit(OP_RESUME, await ? 3 : 2);
  emit_jump(kPseudoJump, send);
  bind(fail);
  emit(OP_CLEANUP_THROW);  // [None, value]
  emit(OP_SWAP, 2);
  emit(OP_POP_TOP);
  bind(exit);
}

}  // namespace ftpy::comp
