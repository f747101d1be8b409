// match statements (PEP 634).
//
// Each case matches against a copy of the subject. While a pattern is being
// matched, the values it captures stay on the stack (newest deepest: the top
// capture is stores[0]), below any `on_top` intermediate values. A failed
// test jumps to fail_pop[n], a chain of POP_TOPs that removes the n values
// above the subject (captures + intermediates) before trying the next case.
#include <algorithm>
#include <unordered_set>

#include "compile/compiler_internal.h"
#include "objects/protocol.h"
#include "objects/str.h"

namespace ftpy::comp {

namespace {

struct PatternContext {
  std::vector<std::string> stores;
  bool allow_irrefutable = false;
  std::vector<int> fail_pop;
  int on_top = 0;
};

bool is_wildcard(const Pattern* p) {
  return p->kind == PatternKind::MatchAs && !cast<MatchAs>(p)->pattern && cast<MatchAs>(p)->name.empty();
}
bool is_star_wildcard(const Pattern* p) {
  return p->kind == PatternKind::MatchStar && cast<MatchStar>(p)->name.empty();
}

class PatternCompiler {
 public:
  explicit PatternCompiler(Compiler& c) : c_(c) {}

  void ensure_fail_pop(PatternContext& pc, size_t n) {
    while (pc.fail_pop.size() <= n) pc.fail_pop.push_back(c_.new_label());
  }
  void jump_to_fail_pop(PatternContext& pc, uint16_t op) {
    size_t pops = pc.on_top + pc.stores.size();
    ensure_fail_pop(pc, pops);
    c_.emit_jump(op, pc.fail_pop[pops]);
  }
  void emit_and_reset_fail_pop(PatternContext& pc) {
    if (pc.fail_pop.empty()) return;
    for (size_t i = pc.fail_pop.size() - 1; i > 0; i--) {
      c_.bind(pc.fail_pop[i]);
      c_.emit(OP_POP_TOP);
    }
    c_.bind(pc.fail_pop[0]);
    pc.fail_pop.clear();
  }
  void rotate(int count) {
    while (count > 1) c_.emit(OP_SWAP, count--);
  }
  void store_name(const Pattern* p, const std::string& name, PatternContext& pc) {
    if (name.empty()) {
      c_.emit(OP_POP_TOP);
      return;
    }
    if (name == "__debug__") c_.error(nullptr, "cannot assign to __debug__");
    if (std::find(pc.stores.begin(), pc.stores.end(), name) != pc.stores.end())
      c_.error(nullptr, "multiple assignments to name '" + name + "' in pattern");
    rotate(pc.on_top + static_cast<int>(pc.stores.size()) + 1);
    pc.stores.push_back(name);
  }
  void load_int(int64_t v) { c_.emit(OP_LOAD_SMALL_INT, static_cast<uint32_t>(v) & 0xFFFFFF); }

  void subpattern(const Pattern* p, PatternContext& pc) {
    bool saved = pc.allow_irrefutable;
    pc.allow_irrefutable = true;
    pattern(p, pc);
    pc.allow_irrefutable = saved;
  }

  // CPython leaves the location of the last pattern visited in place (it is
  // what pattern errors report), so this does not restore the position.
  void pattern(const Pattern* p, PatternContext& pc) {
    NodeScope guard(c_, p, /*restore_pos=*/false);
    switch (p->kind) {
      case PatternKind::MatchValue: {
        const Expr* v = cast<MatchValue>(p)->value;
        if (v->kind != ExprKind::Constant && v->kind != ExprKind::Attribute && v->kind != ExprKind::UnaryOp &&
            v->kind != ExprKind::BinOp)
          c_.error(v, "patterns may only match literals and attribute lookups");
        c_.expr(v);
        c_.emit(OP_COMPARE_OP, kEq);
        jump_to_fail_pop(pc, OP_POP_JUMP_IF_FALSE);
        break;
      }
      case PatternKind::MatchSingleton: {
        ConstEntry ce = c_.const_of(cast<MatchSingleton>(p)->value);
        c_.emit(OP_LOAD_CONST, c_.add_const(ce.obj, ce.key));
        c_.emit(OP_IS_OP, 0);
        jump_to_fail_pop(pc, OP_POP_JUMP_IF_FALSE);
        break;
      }
      case PatternKind::MatchSequence: sequence(cast<MatchSequence>(p), pc); break;
      case PatternKind::MatchMapping: mapping(cast<MatchMapping>(p), pc); break;
      case PatternKind::MatchClass: class_pattern(cast<MatchClass>(p), pc); break;
      case PatternKind::MatchStar: store_name(p, cast<MatchStar>(p)->name, pc); break;
      case PatternKind::MatchAs: {
        auto* a = cast<MatchAs>(p);
        if (!a->pattern) {
          if (!pc.allow_irrefutable) {
            if (!a->name.empty()) c_.error(nullptr, "name capture '" + a->name + "' makes remaining patterns unreachable");
            c_.error(nullptr, "wildcard makes remaining patterns unreachable");
          }
          store_name(p, a->name, pc);
          break;
        }
        pc.on_top++;
        c_.emit(OP_COPY, 1);
        pattern(a->pattern, pc);
        pc.on_top--;
        store_name(p, a->name, pc);
        break;
      }
      case PatternKind::MatchOr: or_pattern(cast<MatchOr>(p), pc); break;
    }
  }

  void sequence(const MatchSequence* p, PatternContext& pc) {
    const auto& pats = p->patterns;
    int size = static_cast<int>(pats.size());
    int star = -1;
    bool only_wildcard = true, star_wildcard = false;
    for (int i = 0; i < size; i++) {
      if (pats[i]->kind == PatternKind::MatchStar) {
        if (star >= 0) c_.error(pats[i], "multiple starred names in sequence pattern");
        star_wildcard = is_star_wildcard(pats[i]);
        only_wildcard = only_wildcard && star_wildcard;
        star = i;
        continue;
      }
      only_wildcard = only_wildcard && is_wildcard(pats[i]);
    }
    pc.on_top++;
    c_.emit(OP_MATCH_SEQUENCE);
    jump_to_fail_pop(pc, OP_POP_JUMP_IF_FALSE);
    if (star < 0) {
      c_.emit(OP_GET_LEN);
      load_int(size);
      c_.emit(OP_COMPARE_OP, kEq);
      jump_to_fail_pop(pc, OP_POP_JUMP_IF_FALSE);
    } else if (size > 1) {
      c_.emit(OP_GET_LEN);
      load_int(size - 1);
      c_.emit(OP_COMPARE_OP, kGe);
      jump_to_fail_pop(pc, OP_POP_JUMP_IF_FALSE);
    }
    pc.on_top--;
    if (only_wildcard) {
      c_.emit(OP_POP_TOP);
    } else if (star_wildcard) {
      pc.on_top++;
      for (int i = 0; i < size; i++) {
        if (is_wildcard(pats[i]) || i == star) continue;
        c_.emit(OP_COPY, 1);
        if (i < star) {
          load_int(i);
        } else {
          c_.emit(OP_GET_LEN);
          load_int(size - i);
          c_.emit(OP_BINARY_OP, kOpSub);
        }
        c_.emit(OP_BINARY_SUBSCR);
        subpattern(pats[i], pc);
      }
      pc.on_top--;
      c_.emit(OP_POP_TOP);
    } else {
      if (star < 0) c_.emit(OP_UNPACK_SEQUENCE, size);
      else c_.emit(OP_UNPACK_EX, static_cast<uint32_t>(star | ((size - star - 1) << 8)));
      pc.on_top += size;
      for (int i = 0; i < size; i++) {
        pc.on_top--;
        subpattern(pats[i], pc);
      }
    }
  }

  void mapping(const MatchMapping* p, PatternContext& pc) {
    size_t size = p->keys.size();
    if (size != p->patterns.size()) c_.error(nullptr, "keys / patterns length mismatch in mapping pattern");
    pc.on_top++;
    c_.emit(OP_MATCH_MAPPING);
    jump_to_fail_pop(pc, OP_POP_JUMP_IF_FALSE);
    if (!size && p->rest.empty()) {
      pc.on_top--;
      c_.emit(OP_POP_TOP);
      return;
    }
    if (size) {
      c_.emit(OP_GET_LEN);
      load_int(static_cast<int64_t>(size));
      c_.emit(OP_COMPARE_OP, kGe);
      jump_to_fail_pop(pc, OP_POP_JUMP_IF_FALSE);
    }
    std::unordered_set<std::string> seen;
    for (const Expr* key : p->keys) {
      ConstEntry ce;
      if (c_.fold_const(key, &ce)) {
        if (!seen.insert(ce.key).second) {
          Ref<> r = repr(ce.obj ? ce.obj.val() : none());
          if (!r) c_.python_error();
          c_.error(nullptr, "mapping pattern checks duplicate key (" + std::string(str_view(r.val())) + ")");
        }
      } else if (key->kind != ExprKind::Attribute && key->kind != ExprKind::BinOp) {
        c_.error(key, "mapping pattern keys may only match literals and attribute lookups");
      }
      c_.expr(key);
    }
    c_.emit(OP_BUILD_TUPLE, static_cast<uint32_t>(size));
    c_.emit(OP_MATCH_KEYS);
    pc.on_top += 2;
    c_.emit(OP_COPY, 1);
    c_.load_none();
    c_.emit(OP_IS_OP, 1);
    jump_to_fail_pop(pc, OP_POP_JUMP_IF_FALSE);
    c_.emit(OP_UNPACK_SEQUENCE, static_cast<uint32_t>(size));
    pc.on_top += static_cast<int>(size) - 1;
    for (const Pattern* sub : p->patterns) {
      pc.on_top--;
      subpattern(sub, pc);
    }
    pc.on_top -= 2;
    if (!p->rest.empty()) {
      c_.emit(OP_BUILD_MAP, 0);  // [subject, keys, {}]
      c_.emit(OP_SWAP, 3);       // [{}, keys, subject]
      c_.emit(OP_DICT_UPDATE, 2);  // [copy, keys]
      c_.emit(OP_UNPACK_SEQUENCE, static_cast<uint32_t>(size));
      size_t n = size;
      while (n) {
        c_.emit(OP_COPY, static_cast<uint32_t>(1 + n--));
        c_.emit(OP_SWAP, 2);
        c_.emit(OP_DELETE_SUBSCR);
      }
      store_name(p, p->rest, pc);
    } else {
      c_.emit(OP_POP_TOP);
      c_.emit(OP_POP_TOP);
    }
  }

  void class_pattern(const MatchClass* p, PatternContext& pc) {
    size_t nargs = p->patterns.size(), nattrs = p->kwd_attrs.size();
    if (nattrs != p->kwd_patterns.size()) c_.error(nullptr, "kwd_attrs / kwd_patterns length mismatch in class pattern");
    std::unordered_set<std::string> seen;
    for (size_t i = 0; i < nattrs; i++) {
      const std::string& a = p->kwd_attrs[i];
      if (a == "__debug__") c_.error(p->kwd_patterns[i], "cannot assign to __debug__");
      if (!seen.insert(a).second) c_.error(p->kwd_patterns[i], "attribute name repeated in class pattern: " + a);
    }
    c_.expr(p->cls);
    std::vector<ConstEntry> names;
    for (const std::string& a : p->kwd_attrs) names.push_back(c_.const_str(a));
    ConstEntry t = c_.const_tuple(names);
    c_.emit(OP_LOAD_CONST, c_.add_const(t.obj, t.key));
    c_.emit(OP_MATCH_CLASS, static_cast<uint32_t>(nargs));
    c_.emit(OP_COPY, 1);
    c_.load_none();
    c_.emit(OP_IS_OP, 1);
    pc.on_top++;
    jump_to_fail_pop(pc, OP_POP_JUMP_IF_FALSE);
    c_.emit(OP_UNPACK_SEQUENCE, static_cast<uint32_t>(nargs + nattrs));
    pc.on_top += static_cast<int>(nargs + nattrs) - 1;
    for (size_t i = 0; i < nargs + nattrs; i++) {
      pc.on_top--;
      const Pattern* sub = i < nargs ? p->patterns[i] : p->kwd_patterns[i - nargs];
      if (is_wildcard(sub)) {
        c_.emit(OP_POP_TOP);
        continue;
      }
      subpattern(sub, pc);
    }
  }

  void or_pattern(const MatchOr* p, PatternContext& pc) {
    int end = c_.new_label();
    size_t size = p->patterns.size();
    PatternContext old = pc;
    std::vector<std::string> control;
    for (size_t i = 0; i < size; i++) {
      const Pattern* alt = p->patterns[i];
      pc.stores.clear();
      pc.allow_irrefutable = (i == size - 1) && old.allow_irrefutable;
      pc.fail_pop.clear();
      pc.on_top = 0;
      c_.emit(OP_COPY, 1);
      pattern(alt, pc);
      size_t nstores = pc.stores.size();
      if (i == 0) {
        control = pc.stores;
      } else if (nstores != control.size()) {
        c_.error(nullptr, "alternative patterns bind different names");
      } else if (nstores) {
        for (size_t icontrol = nstores; icontrol-- > 0;) {
          const std::string& name = control[icontrol];
          auto it = std::find(pc.stores.begin(), pc.stores.end(), name);
          if (it == pc.stores.end()) c_.error(nullptr, "alternative patterns bind different names");
          size_t istores = static_cast<size_t>(it - pc.stores.begin());
          if (icontrol != istores) {
            size_t rotations = istores + 1;
            std::vector<std::string> rotated(pc.stores.begin(), pc.stores.begin() + rotations);
            pc.stores.erase(pc.stores.begin(), pc.stores.begin() + rotations);
            pc.stores.insert(pc.stores.begin() + (icontrol - istores), rotated.begin(), rotated.end());
            while (rotations--) rotate(static_cast<int>(icontrol) + 1);
          }
        }
      }
      c_.emit_jump(kPseudoJump, end);
      emit_and_reset_fail_pop(pc);
    }
    std::vector<int> inner_fail_pop = pc.fail_pop;
    pc = old;
    c_.emit(OP_POP_TOP);
    jump_to_fail_pop(pc, kPseudoJump);
    c_.bind(end);
    size_t nstores = control.size();
    int nrots = static_cast<int>(nstores) + 1 + pc.on_top + static_cast<int>(pc.stores.size());
    for (size_t i = 0; i < nstores; i++) {
      rotate(nrots);
      const std::string& name = control[i];
      if (std::find(pc.stores.begin(), pc.stores.end(), name) != pc.stores.end())
        c_.error(nullptr, "multiple assignments to name '" + name + "' in pattern");
      pc.stores.push_back(name);
    }
    c_.emit(OP_POP_TOP);
  }

 private:
  Compiler& c_;
};

}  // namespace

void Compiler::match_stmt(const Match* m) {
  PatternCompiler pcomp(*this);
  expr(m->subject);
  int end = new_label();
  size_t cases = m->cases.size();
  bool has_default = is_wildcard(m->cases.back()->pattern) && cases > 1;
  for (size_t i = 0; i < cases - (has_default ? 1 : 0); i++) {
    const MatchCase* mc = m->cases[i];
    bool last = i == cases - (has_default ? 1 : 0) - 1;
    set_pos(mc->pattern);
    if (!last) emit(OP_COPY, 1);
    PatternContext pc;
    pc.allow_irrefutable = mc->guard != nullptr || i == cases - 1;
    pcomp.pattern(mc->pattern, pc);
    set_pos(mc->pattern);
    for (const std::string& name : pc.stores) name_op(name, ExprContext::Store, mc->pattern);
    if (mc->guard) {
      pcomp.ensure_fail_pop(pc, 0);
      jump_if(mc->guard, false, pc.fail_pop[0]);
    }
    if (!last) emit(OP_POP_TOP);
    stmts(mc->body);
    emit_jump(kPseudoJump, end);
    set_pos(mc->pattern);
    pcomp.emit_and_reset_fail_pop(pc);
  }
  if (has_default) {
    const MatchCase* mc = m->cases.back();
    set_pos(mc->pattern);
    if (mc->guard) jump_if(mc->guard, false, end);
    stmts(mc->body);
  }
  bind(end);
}

}  // namespace ftpy::comp
