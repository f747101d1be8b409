// Statements: assignments, control flow, exception handling, with, imports.
//
// Exception handling follows the zero-cost model (opcodes.h): a protected
// region opens with a SETUP_* pseudo-instruction and closes with POP_BLOCK;
// handlers receive [.. depth values, (lasti,) exc]. The shapes:
//   try/except:  SETUP_FINALLY h; body; POP_BLOCK; else; JUMP end
//                h: SETUP_CLEANUP c; PUSH_EXC_INFO; <match handlers> RERAISE 0
//                c: COPY 3; POP_EXCEPT; RERAISE 1      (restores the handled exc)
//   try/finally: SETUP_FINALLY h; body; POP_BLOCK; final; JUMP end
//                h: SETUP_CLEANUP c; PUSH_EXC_INFO; final; RERAISE 0; c: ...
//   with:        BEFORE_WITH; SETUP_WITH h; <as>; body; POP_BLOCK; exit(None x3)
//                h: SETUP_CLEANUP c; PUSH_EXC_INFO; WITH_EXCEPT_START;
//                   POP_JUMP_IF_TRUE s; COPY 3; SWAP 2; RERAISE 1
//                s: POP_TOP; POP_BLOCK; POP_EXCEPT; POP_TOP; POP_TOP
// return/break/continue leaving such regions replay the exits inline
// (unwind_fblock), including finally bodies and __exit__ calls.
#include <algorithm>

#include "compile/compiler_internal.h"
#include "objects/protocol.h"
#include "parse/parser.h"

namespace ftpy::comp {

void Compiler::stmts(const std::vector<Stmt*>& v) {
  for (const Stmt* s : v) stmt(s);
}

bool Compiler::body_has_annotations(const std::vector<Stmt*>& v) {
  for (const Stmt* s : v) {
    switch (s->kind) {
      case StmtKind::AnnAssign:
        if (cast<AnnAssign>(s)->simple) return true;
        break;
      case StmtKind::For: case StmtKind::AsyncFor:
        if (body_has_annotations(cast<For>(s)->body) || body_has_annotations(cast<For>(s)->orelse)) return true;
        break;
      case StmtKind::While:
        if (body_has_annotations(cast<While>(s)->body) || body_has_annotations(cast<While>(s)->orelse)) return true;
        break;
      case StmtKind::If:
        if (body_has_annotations(cast<If>(s)->body) || body_has_annotations(cast<If>(s)->orelse)) return true;
        break;
      case StmtKind::With: case StmtKind::AsyncWith:
        if (body_has_annotations(cast<With>(s)->body)) return true;
        break;
      case StmtKind::Try: case StmtKind::TryStar: {
        auto* t = cast<Try>(s);
        if (body_has_annotations(t->body) || body_has_annotations(t->orelse) || body_has_annotations(t->finalbody))
          return true;
        for (auto* h : t->handlers)
          if (body_has_annotations(h->body)) return true;
        break;
      }
      case StmtKind::Match:
        for (auto* c : cast<Match>(s)->cases)
          if (body_has_annotations(c->body)) return true;
        break;
      default: break;
    }
  }
  return false;
}

void Compiler::stmt(const Stmt* s) {
  NodeScope ns(*this, s);
  switch (s->kind) {
    case StmtKind::FunctionDef: case StmtKind::AsyncFunctionDef: function_def(cast<FunctionDef>(s)); break;
    case StmtKind::ClassDef: class_def(cast<ClassDef>(s)); break;
    case StmtKind::Return: return_stmt(cast<Return>(s)); break;
    case StmtKind::Delete:
      for (const Expr* t : cast<Delete>(s)->targets) delete_target(t);
      break;
    case StmtKind::Assign: {
      auto* a = cast<Assign>(s);
      expr(a->value);
      for (size_t i = 0; i < a->targets.size(); i++) {
        if (i + 1 < a->targets.size()) emit(OP_COPY, 1);
        assign_target(a->targets[i]);
      }
      break;
    }
    case StmtKind::TypeAlias: type_alias(cast<ast::TypeAlias>(s)); break;
    case StmtKind::AugAssign: aug_assign(cast<AugAssign>(s)); break;
    case StmtKind::AnnAssign: ann_assign(cast<AnnAssign>(s)); break;
    case StmtKind::For: for_stmt(cast<For>(s)); break;
    case StmtKind::AsyncFor: async_for_stmt(cast<For>(s)); break;
    case StmtKind::While: while_stmt(cast<While>(s)); break;
    case StmtKind::If: if_stmt(cast<If>(s)); break;
    case StmtKind::With: case StmtKind::AsyncWith: {
      auto* w = cast<With>(s);
      if (s->kind == StmtKind::AsyncWith && u().kind != UnitKind::AsyncFunction)
        error(s, "'async with' outside async function");
      with_stmt(w, 0);
      break;
    }
    case StmtKind::Match: match_stmt(cast<Match>(s)); break;
    case StmtKind::Raise: raise_stmt(cast<Raise>(s)); break;
    case StmtKind::Try: case StmtKind::TryStar: try_stmt(cast<Try>(s)); break;
    case StmtKind::Assert: assert_stmt(cast<Assert>(s)); break;
    case StmtKind::Import: import_stmt(cast<Import>(s)); break;
    case StmtKind::ImportFrom: import_from(cast<ImportFrom>(s)); break;
    case StmtKind::Global: case StmtKind::Nonlocal: break;
    // `pass` is a NOP on its line, as CPython 3.11's (which drops it only
    // where a neighbour has the same line): line tracing and pdb stop there.
    case StmtKind::Pass: emit(OP_NOP); break;
    case StmtKind::Expr: {
      const Expr* v = cast<ExprStmt>(s)->value;
      if (opts_.interactive && units_.size() == 1) {
        expr(v);
        emit(OP_CALL_INTRINSIC_1, kIntrinsicPrint);
        emit(OP_POP_TOP);
        break;
      }
      if (v->kind == ExprKind::Constant) break;  // no effect (docstrings, `...`)
      expr(v);
      emit(OP_POP_TOP);
      break;
    }
    case StmtKind::Break: break_continue(s, true); break;
    case StmtKind::Continue: break_continue(s, false); break;
  }
}

// ---- assignment ------------------------------------------------------------------

void Compiler::unpack_targets(const std::vector<Expr*>& elts, const Located* loc) {
  size_t star = elts.size();
  for (size_t i = 0; i < elts.size(); i++) {
    if (elts[i]->kind == ExprKind::Starred) {
      if (star != elts.size()) error(loc, "multiple starred expressions in assignment");
      star = i;
    }
  }
  if (star == elts.size()) {
    emit(OP_UNPACK_SEQUENCE, static_cast<uint32_t>(elts.size()));
  } else {
    size_t after = elts.size() - star - 1;
    if (star >= 256 || after >= (1u << 16)) error(loc, "too many expressions in star-unpacking assignment");
    emit(OP_UNPACK_EX, static_cast<uint32_t>(star | (after << 8)));
  }
  for (const Expr* t : elts) assign_target(t->kind == ExprKind::Starred ? cast<Starred>(t)->value : t);
}

void Compiler::assign_target(const Expr* t) {
  NodeScope ns(*this, t);
  switch (t->kind) {
    case ExprKind::Name: name_op(cast<Name>(t)->id, ExprContext::Store, t); break;
    case ExprKind::Attribute: {
      auto* a = cast<Attribute>(t);
      if (a->attr == "__debug__") error(t, "cannot assign to __debug__");
      expr(a->value);
      set_pos_from_attr(t, a);
      emit(OP_STORE_ATTR, add_name(mangle_name(a->attr)));
      break;
    }
    case ExprKind::Subscript: {
      auto* s = cast<Subscript>(t);
      expr(s->value);
      if (s->slice->kind == ExprKind::Slice && !cast<Slice>(s->slice)->step) {
        auto* sl = cast<Slice>(s->slice);
        if (sl->lower) expr(sl->lower); else load_none();
        if (sl->upper) expr(sl->upper); else load_none();
        set_pos(t);
        emit(OP_STORE_SLICE);
      } else {
        expr(s->slice);
        set_pos(t);
        emit(OP_STORE_SUBSCR);
      }
      break;
    }
    case ExprKind::Tuple: unpack_targets(cast<ast::Tuple>(t)->elts, t); break;
    case ExprKind::List: unpack_targets(cast<ast::List>(t)->elts, t); break;
    case ExprKind::Starred: error(t, "starred assignment target must be in a list or tuple");
    default: error(t, std::string("cannot assign to ") + expr_name_for_error(t));
  }
}

void Compiler::delete_target(const Expr* t) {
  NodeScope ns(*this, t);
  switch (t->kind) {
    case ExprKind::Name: name_op(cast<Name>(t)->id, ExprContext::Del, t); break;
    case ExprKind::Attribute:
      if (cast<Attribute>(t)->attr == "__debug__") error(t, "cannot delete __debug__");
      expr(cast<Attribute>(t)->value);
      set_pos_from_attr(t, cast<Attribute>(t));
      emit(OP_DELETE_ATTR, add_name(mangle_name(cast<Attribute>(t)->attr)));
      break;
    case ExprKind::Subscript:
      expr(cast<Subscript>(t)->value);
      expr(cast<Subscript>(t)->slice);
      set_pos(t);
      emit(OP_DELETE_SUBSCR);
      break;
    case ExprKind::Tuple:
      for (const Expr* e : cast<ast::Tuple>(t)->elts) delete_target(e);
      break;
    case ExprKind::List:
      for (const Expr* e : cast<ast::List>(t)->elts) delete_target(e);
      break;
    default: error(t, std::string("cannot delete ") + expr_name_for_error(t));
  }
}

static uint32_t binop_arg(OperatorKind op) {
  switch (op) {
    case OperatorKind::Add: return kOpAdd;
    case OperatorKind::Sub: return kOpSub;
    case OperatorKind::Mult: return kOpMul;
    case OperatorKind::MatMult: return kOpMatMul;
    case OperatorKind::Div: return kOpTrueDiv;
    case OperatorKind::Mod: return kOpMod;
    case OperatorKind::Pow: return kOpPow;
    case OperatorKind::LShift: return kOpLshift;
    case OperatorKind::RShift: return kOpRshift;
    case OperatorKind::BitOr: return kOpOr;
    case OperatorKind::BitXor: return kOpXor;
    case OperatorKind::BitAnd: return kOpAnd;
    case OperatorKind::FloorDiv: return kOpFloorDiv;
  }
  return kOpAdd;
}
uint32_t binop_oparg(OperatorKind op) { return binop_arg(op); }

void Compiler::aug_assign(const AugAssign* a) {
  const Expr* t = a->target;
  uint32_t op = binop_arg(a->op) + 16;
  switch (t->kind) {
    case ExprKind::Name:
      name_op(cast<Name>(t)->id, ExprContext::Load, t);
      expr(a->value);
      set_pos(a);
      emit(OP_BINARY_OP, op);
      name_op(cast<Name>(t)->id, ExprContext::Store, t);
      break;
    case ExprKind::Attribute: {
      auto* at = cast<Attribute>(t);
      int name = add_name(mangle_name(at->attr));
      expr(at->value);
      // `a.x += v` with `a` a fast local: a second LOAD_FAST rather than
      // COPY 1 (nothing runs between the two loads, so they push the same
      // object). The second then pairs with the LOAD_ATTR (code_new), which
      // reads the attribute on the local's own reference.
      if (at->value->kind == ExprKind::Name && !u().instrs.empty() && u().instrs.back().op == OP_LOAD_FAST)
        emit(OP_LOAD_FAST, u().instrs.back().arg);
      else
        emit(OP_COPY, 1);
      emit(OP_LOAD_ATTR, static_cast<uint32_t>(name) << 1);
      expr(a->value);
      set_pos(a);
      emit(OP_BINARY_OP, op);
      emit(OP_SWAP, 2);
      emit(OP_STORE_ATTR, name);
      break;
    }
    case ExprKind::Subscript: {
      auto* s = cast<Subscript>(t);
      expr(s->value);
      expr(s->slice);
      emit(OP_COPY, 2);
      emit(OP_COPY, 2);
      emit(OP_BINARY_SUBSCR);
      expr(a->value);
      set_pos(a);
      emit(OP_BINARY_OP, op);
      emit(OP_SWAP, 3);
      emit(OP_SWAP, 2);
      emit(OP_STORE_SUBSCR);
      break;
    }
    default: error(t, std::string("'") + expr_name_for_error(t) + "' is an illegal expression for augmented assignment");
  }
}

void Compiler::ann_assign(const AnnAssign* a) {
  const Expr* t = a->target;
  if (a->value) {
    expr(a->value);
    assign_target(t);
  }
  if (t->kind == ExprKind::Name) {
    if (cast<Name>(t)->id == "__debug__") error(t, "cannot assign to __debug__");
    // Module and class level: evaluate and store into __annotations__ (3.11).
    if (a->simple && (u().is_module || u().is_class)) {
      if (future_annotations_) {
        std::string text = annotation_text(a->annotation);
        ConstEntry c = const_str(text);
        emit(OP_LOAD_CONST, add_const(c.obj, c.key));
      } else {
        expr(a->annotation);
      }
      name_op("__annotations__", ExprContext::Load, a);
      ConstEntry k = const_str(mangle_name(cast<Name>(t)->id));
      emit(OP_LOAD_CONST, add_const(k.obj, k.key));
      emit(OP_STORE_SUBSCR);
    }
  } else if (!a->value) {
    // `x.y: int` / `x[i]: int` evaluate the target's parts (not the store).
    if (t->kind == ExprKind::Attribute) {
      expr(cast<Attribute>(t)->value);
      emit(OP_POP_TOP);
    } else if (t->kind == ExprKind::Subscript) {
      expr(cast<Subscript>(t)->value);
      emit(OP_POP_TOP);
      expr(cast<Subscript>(t)->slice);
      emit(OP_POP_TOP);
    }
    if ((u().is_module || u().is_class) && !future_annotations_) {
      expr(a->annotation);
      emit(OP_POP_TOP);
    }
  } else if ((u().is_module || u().is_class) && !future_annotations_) {
    expr(a->annotation);
    emit(OP_POP_TOP);
  }
}

// ---- control flow ------------------------------------------------------------------

void Compiler::if_stmt(const If* s) {
  int end = new_label();
  ConstEntry c;
  if (fold_const(s->test, &c) && (c.key == "T" || c.key == "F" || c.key == "N")) {
    // `if True:` / `if False:` (also __debug__): compile one branch only.
    if (c.key == "T") stmts(s->body); else stmts(s->orelse);
    return;
  }
  if (!s->orelse.empty()) {
    int next = new_label();
    jump_if(s->test, false, next);
    stmts(s->body);
    emit_jump(kPseudoJump, end);
    bind(next);
    stmts(s->orelse);
  } else {
    jump_if(s->test, false, end);
    stmts(s->body);
  }
  bind(end);
}

void Compiler::while_stmt(const While* w) {
  int loop = new_label(), body = new_label(), anchor = new_label(), exit = new_label();
  {
    // `while True:` tests nothing, so its line would have no instruction.
    // A NOP with argument 1 marks it, before the loop's head so only the
    // loop's entry runs it: line tracing (vm/trace.cpp) reports the line
    // again when a jump back lands just after the marker, as CPython
    // 3.11's per-iteration NOP does, without a per-iteration cost here.
    ConstEntry c;
    if ((w->test->kind == ExprKind::Constant || w->test->kind == ExprKind::Name) && fold_const(w->test, &c)) {
      int t = truthy(c.obj ? c.obj.val() : none());
      if (t < 0) python_error();
      if (t > 0) {
        set_pos(w);
        emit(OP_NOP, 1);
      }
    }
  }
  bind(loop);
  push_fblock(FBlockType::WhileLoop, loop, exit, nullptr, w);
  jump_if(w->test, false, anchor);
  bind(body);
  stmts(w->body);
  set_pos(w);
  emit_jump(kPseudoJump, loop);
  pop_fblock();
  bind(anchor);
  stmts(w->orelse);
  bind(exit);
}

void Compiler::for_stmt(const For* f) {
  int start = new_label(), cleanup = new_label(), end = new_label();
  push_fblock(FBlockType::ForLoop, start, end, nullptr, f);
  expr(f->iter);
  set_pos(f);
  emit(OP_GET_ITER);
  bind(start);
  emit_jump(OP_FOR_ITER, cleanup);
  assign_target(f->target);
  stmts(f->body);
  set_pos(f);
  emit_jump(kPseudoJump, start);
  bind(cleanup);
  pop_fblock();
  stmts(f->orelse);
  bind(end);
}

void Compiler::async_for_stmt(const For* f) {
  if (u().kind != UnitKind::AsyncFunction) error(f, "'async for' outside async function");
  int start = new_label(), except = new_label(), end = new_label();
  expr(f->iter);
  set_pos(f);
  emit(OP_GET_AITER);
  bind(start);
  push_fblock(FBlockType::AsyncForLoop, start, end, nullptr, f);
  emit_jump(kSetupFinally, except);
  emit(OP_GET_ANEXT);
  load_none();
  yield_from_loop(true);
  emit(kPopBlock);
  assign_target(f->target);
  stmts(f->body);
  set_pos(f);
  emit_jump(kPseudoJump, start);
  pop_fblock();
  bind(except);
  emit(OP_END_ASYNC_FOR);
  stmts(f->orelse);
  bind(end);
}

// ---- unwinding: return / break / continue ----------------------------------------------

void Compiler::call_exit_with_nones() {
  // Stack: exit_func, self_or_null (BEFORE_WITH), then three Nones.
  load_none();
  load_none();
  load_none();
  emit(OP_CALL, 3);
}

void Compiler::unwind_fblock(const FBlock& fb, bool preserve_tos) {
  switch (fb.type) {
    case FBlockType::WhileLoop: case FBlockType::ExceptionHandler: case FBlockType::ExceptionGroupHandler:
    case FBlockType::AsyncComprehensionGenerator:
      return;
    case FBlockType::ForLoop:
      if (preserve_tos) emit(OP_SWAP, 2);
      emit(OP_POP_TOP);
      return;
    case FBlockType::AsyncForLoop:
      if (preserve_tos) emit(OP_SWAP, 2);
      emit(OP_POP_TOP);
      return;
    case FBlockType::TryExcept: emit(kPopBlock); return;
    case FBlockType::FinallyTry:
      emit(kPopBlock);
      return;  // the finally body is compiled by unwind_fblock_stack
    case FBlockType::FinallyEnd:
      if (preserve_tos) emit(OP_SWAP, 2);
      emit(OP_POP_TOP);  // exc
      if (preserve_tos) emit(OP_SWAP, 2);
      emit(kPopBlock);
      emit(OP_POP_EXCEPT);
      return;
    case FBlockType::With: case FBlockType::AsyncWith:
      emit(kPopBlock);
      if (preserve_tos) {  // value, exit_func, self -> ... below exit_func, self
        emit(OP_SWAP, 3);
        emit(OP_SWAP, 2);
      }
      call_exit_with_nones();
      if (fb.type == FBlockType::AsyncWith) {
        emit(OP_GET_AWAITABLE, 2);
        load_none();
        yield_from_loop(true);
      }
      emit(OP_POP_TOP);
      return;
    case FBlockType::HandlerCleanup: {
      if (fb.datum) emit(kPopBlock);
      if (preserve_tos) emit(OP_SWAP, 2);
      emit(kPopBlock);
      emit(OP_POP_EXCEPT);
      if (fb.datum) {
        const std::string& name = *static_cast<const std::string*>(fb.datum);
        load_none();
        name_op(name, ExprContext::Store, fb.loc);
        name_op(name, ExprContext::Del, fb.loc);
      }
      return;
    }
    case FBlockType::PopValue:
      if (preserve_tos) emit(OP_SWAP, 2);
      emit(OP_POP_TOP);
      return;
  }
}

// Unwinds every block up to (not including) the innermost loop when
// loop_out is non-null (break/continue), or all blocks (return).
void Compiler::unwind_fblock_stack(bool preserve_tos, FBlock* loop_out, const Located* loc) {
  std::vector<FBlock>& fbs = u().fblocks;
  if (fbs.empty()) return;
  FBlock top = fbs.back();
  if (top.type == FBlockType::ExceptionGroupHandler)
    error(loc, "'break', 'continue' and 'return' cannot appear in an except* block");
  if (loop_out && (top.type == FBlockType::WhileLoop || top.type == FBlockType::ForLoop ||
                   top.type == FBlockType::AsyncForLoop)) {
    *loop_out = top;
    return;
  }
  fbs.pop_back();
  unwind_fblock(top, preserve_tos);
  if (top.type == FBlockType::FinallyTry) {
    Position saved = u().pos;
    const auto* final_body = static_cast<const std::vector<Stmt*>*>(top.datum);
    if (preserve_tos) push_fblock(FBlockType::PopValue, kNoLabel, kNoLabel, nullptr, loc);
    stmts(*final_body);
    if (preserve_tos) pop_fblock();
    u().pos = saved;
  }
  unwind_fblock_stack(preserve_tos, loop_out, loc);
  fbs.push_back(top);
}

void Compiler::return_stmt(const Return* r) {
  Unit& n = u();
  if (!n.scope->is_function_like() || n.is_class) error(r, "'return' outside function");
  if (r->value && n.kind == UnitKind::AsyncFunction && n.scope->is_generator)
    error(r, "'return' with value in async generator");
  bool preserve = r->value != nullptr;
  ConstEntry c;
  bool is_const = r->value && fold_const(r->value, &c);
  if (preserve && !is_const) expr(r->value);
  if (!u().fblocks.empty()) {
    if (is_const) {
      // Constant: no need to keep it on the stack while unwinding.
      preserve = false;
    }
    unwind_fblock_stack(preserve, nullptr, r);
  }
  set_pos(r);
  if (!r->value) emit(OP_RETURN_CONST, add_none());
  else if (is_const) emit(OP_RETURN_CONST, add_const(c.obj, c.key));
  else emit(OP_RETURN_VALUE);
}

void Compiler::break_continue(const Stmt* s, bool is_break) {
  FBlock loop{FBlockType::WhileLoop};
  unwind_fblock_stack(false, &loop, s);
  if (loop.block == kNoLabel && loop.exit == kNoLabel)
    error(s, is_break ? "'break' outside loop" : "'continue' not properly in loop");
  set_pos(s);
  // Its own line: the jump it becomes counts as artificial for line
  // tracing (vm/trace.cpp), so a NOP on the statement's line comes first.
  emit(OP_NOP);
  if (is_break) {
    unwind_fblock(loop, false);
    emit_jump(kPseudoJump, loop.exit);
  } else {
    emit_jump(kPseudoJump, loop.block);
  }
}

// ---- try -------------------------------------------------------------------------------

void Compiler::try_stmt(const Try* t) {
  // The `try:` line gets an instruction of its own when the body starts on
  // a later line (CPython 3.11 keeps this NOP): a line trace event and a
  // pdb step stop there.
  if (!t->body.empty() && t->body.front()->lineno != t->lineno) emit(OP_NOP);
  if (!t->finalbody.empty()) try_finally(t);
  else if (t->is_star()) try_star_except(t);
  else try_except(t);
}

static void emit_pop_except_and_reraise(Compiler& c) {
  c.emit(OP_COPY, 3);
  c.emit(OP_POP_EXCEPT);
  c.emit(OP_RERAISE, 1);
}

void Compiler::try_finally(const Try* t) {
  int body = new_label(), end = new_label(), exit = new_label(), cleanup = new_label();
  (void)body;
  emit_jump(kSetupFinally, end);
  push_fblock(FBlockType::FinallyTry, kNoLabel, kNoLabel, &t->finalbody, t);
  if (!t->handlers.empty()) {
    if (t->is_star()) try_star_except(t);
    else try_except(t);
  } else {
    stmts(t->body);
  }
  emit(kPopBlock);
  pop_fblock();
  stmts(t->finalbody);
  emit_jump(kPseudoJump, exit);
  // Exceptional path.
  bind(end);
  Position saved = u().pos;
  emit_jump(kSetupCleanup, cleanup);
  emit(OP_PUSH_EXC_INFO);
  push_fblock(FBlockType::FinallyEnd, kNoLabel, kNoLabel, nullptr, t);
  stmts(t->finalbody);
  pop_fblock();
  // No line of its own: a frame that ends here reports the finally body's
  // last line as its f_lineno, as CPython's does.
  u().pos = Position{-1, -1, -1, -1};
  emit(OP_RERAISE, 0);
  u().pos = saved;
  bind(cleanup);
  emit_pop_except_and_reraise(*this);
  bind(exit);
}

void Compiler::try_except(const Try* t) {
  int body = new_label(), except = new_label(), end = new_label(), cleanup = new_label();
  (void)body;
  emit_jump(kSetupFinally, except);
  push_fblock(FBlockType::TryExcept, kNoLabel, kNoLabel, nullptr, t);
  stmts(t->body);
  pop_fblock();
  emit(kPopBlock);
  stmts(t->orelse);
  emit_jump(kPseudoJump, end);
  bind(except);
  emit_jump(kSetupCleanup, cleanup);
  emit(OP_PUSH_EXC_INFO);
  push_fblock(FBlockType::ExceptionHandler, kNoLabel, kNoLabel, nullptr, t);
  for (size_t i = 0; i < t->handlers.size(); i++) {
    const ExceptHandler* h = t->handlers[i];
    NodeScope ns(*this, h);
    if (!h->type && i + 1 < t->handlers.size()) error(h, "default 'except:' must be last");
    int next = new_label();
    if (h->type) {
      expr(h->type);
      emit(OP_CHECK_EXC_MATCH);
      emit_jump(OP_POP_JUMP_IF_FALSE, next);
    }
    if (!h->name.empty()) {
      int cleanup_end = new_label();
      name_op(h->name, ExprContext::Store, h);
      emit_jump(kSetupCleanup, cleanup_end);
      push_fblock(FBlockType::HandlerCleanup, kNoLabel, kNoLabel, &h->name, h);
      stmts(h->body);
      pop_fblock();
      emit(kPopBlock);
      emit(kPopBlock);
      emit(OP_POP_EXCEPT);
      load_none();
      name_op(h->name, ExprContext::Store, h);
      name_op(h->name, ExprContext::Del, h);
      emit_jump(kPseudoJump, end);
      bind(cleanup_end);
      load_none();
      name_op(h->name, ExprContext::Store, h);
      name_op(h->name, ExprContext::Del, h);
      emit(OP_RERAISE, 1);
    } else {
      emit(OP_POP_TOP);
      push_fblock(FBlockType::HandlerCleanup, kNoLabel, kNoLabel, nullptr, h);
      stmts(h->body);
      pop_fblock();
      emit(kPopBlock);
      emit(OP_POP_EXCEPT);
      emit_jump(kPseudoJump, end);
    }
    bind(next);
  }
  pop_fblock();
  emit(OP_RERAISE, 0);
  bind(cleanup);
  emit_pop_except_and_reraise(*this);
  bind(end);
}

void Compiler::try_star_except(const Try* t) {
  int except = new_label(), orelse = new_label(), end = new_label(), cleanup = new_label(),
      reraise_star = new_label();
  (void)orelse;
  emit_jump(kSetupFinally, except);
  push_fblock(FBlockType::TryExcept, kNoLabel, kNoLabel, nullptr, t);
  stmts(t->body);
  pop_fblock();
  emit(kPopBlock);
  stmts(t->orelse);
  emit_jump(kPseudoJump, end);
  bind(except);
  emit_jump(kSetupCleanup, cleanup);
  emit(OP_PUSH_EXC_INFO);
  push_fblock(FBlockType::ExceptionGroupHandler, kNoLabel, kNoLabel, nullptr, t);
  size_t n = t->handlers.size();
  for (size_t i = 0; i < n; i++) {
    const ExceptHandler* h = t->handlers[i];
    NodeScope ns(*this, h);
    int next = new_label(), except_with_error = new_label(), no_match = new_label(), cleanup_end = new_label(),
        handled = new_label();
    (void)next;
    if (i == 0) {
      emit(OP_COPY, 1);        // [orig, exc]
      emit(OP_BUILD_LIST, 0);  // [orig, exc, []]
      emit(OP_SWAP, 2);        // [orig, [], exc]
    }
    if (h->type) {
      expr(h->type);
      emit(OP_CHECK_EG_MATCH);
      emit(OP_COPY, 1);
      emit_jump(OP_POP_JUMP_IF_NONE, no_match);
    }
    if (!h->name.empty()) name_op(h->name, ExprContext::Store, h);
    else emit(OP_POP_TOP);
    emit_jump(kSetupCleanup, cleanup_end);
    push_fblock(FBlockType::HandlerCleanup, kNoLabel, kNoLabel, h->name.empty() ? nullptr : &h->name, h);
    stmts(h->body);
    pop_fblock();
    emit(kPopBlock);
    if (!h->name.empty()) {
      load_none();
      name_op(h->name, ExprContext::Store, h);
      name_op(h->name, ExprContext::Del, h);
    }
    emit_jump(kPseudoJump, handled);
    bind(cleanup_end);
    if (!h->name.empty()) {
      load_none();
      name_op(h->name, ExprContext::Store, h);
      name_op(h->name, ExprContext::Del, h);
    }
    emit(OP_LIST_APPEND, 3);  // exc
    emit(OP_POP_TOP);         // lasti
    emit_jump(kPseudoJump, except_with_error);
    bind(handled);
    emit(OP_NOP);
    emit_jump(kPseudoJump, except_with_error);
    bind(no_match);
    emit(OP_POP_TOP);  // match (None)
    bind(except_with_error);
    if (i + 1 == n) {
      emit(OP_LIST_APPEND, 1);
      emit_jump(kPseudoJump, reraise_star);
    }
  }
  pop_fblock();
  int reraise = new_label();
  bind(reraise_star);
  emit(OP_CALL_INTRINSIC_2, kIntrinsicPrepReraiseStar);
  emit(OP_COPY, 1);
  emit_jump(OP_POP_JUMP_IF_NOT_NONE, reraise);
  emit(OP_POP_TOP);
  emit(kPopBlock);
  emit(OP_POP_EXCEPT);
  emit_jump(kPseudoJump, end);
  bind(reraise);
  emit(kPopBlock);
  emit(OP_SWAP, 2);
  emit(OP_POP_EXCEPT);
  emit(OP_RERAISE, 0);
  bind(cleanup);
  emit_pop_except_and_reraise(*this);
  bind(end);
}

// ---- with ----------------------------------------------------------------------------------

void Compiler::with_stmt(const With* w, size_t item) {
  bool async = w->kind == StmtKind::AsyncWith;
  const WithItem* it = w->items[item];
  int final = new_label(), exit = new_label(), cleanup = new_label(), suppress = new_label();
  expr(it->context_expr);
  set_pos(w);
  if (async) {
    emit(OP_BEFORE_ASYNC_WITH);
    emit(OP_GET_AWAITABLE, 1);
    load_none();
    yield_from_loop(true);
  } else {
    emit(OP_BEFORE_WITH);
  }
  emit_jump(kSetupWith, final);
  push_fblock(async ? FBlockType::AsyncWith : FBlockType::With, kNoLabel, kNoLabel, nullptr, w);
  if (it->optional_vars) assign_target(it->optional_vars);
  else emit(OP_POP_TOP);
  if (item + 1 < w->items.size()) with_stmt(w, item + 1);
  else stmts(w->body);
  pop_fblock();
  set_pos(w);
  emit(kPopBlock);
  call_exit_with_nones();
  if (async) {
    emit(OP_GET_AWAITABLE, 2);
    load_none();
    yield_from_loop(true);
  }
  emit(OP_POP_TOP);
  emit_jump(kPseudoJump, exit);
  // Exceptional exit: [exit_func, lasti, exc]
  bind(final);
  emit_jump(kSetupCleanup, cleanup);
  emit(OP_PUSH_EXC_INFO);
  emit(OP_WITH_EXCEPT_START);
  if (async) {
    emit(OP_GET_AWAITABLE, 2);
    load_none();
    yield_from_loop(true);
  }
  emit_jump(OP_POP_JUMP_IF_TRUE, suppress);
  emit(OP_COPY, 3);  // lasti
  emit(OP_SWAP, 2);
  emit(OP_RERAISE, 1);
  bind(suppress);
  emit(OP_POP_TOP);  // exc
  emit(kPopBlock);
  emit(OP_POP_EXCEPT);
  emit(OP_POP_TOP);  // lasti
  emit(OP_POP_TOP);  // self_or_null
  emit(OP_POP_TOP);  // exit_func
  emit_jump(kPseudoJump, exit);
  bind(cleanup);
  emit_pop_except_and_reraise(*this);
  bind(exit);
}

// ---- misc statements --------------------------------------------------------------------------

void Compiler::raise_stmt(const Raise* r) {
  int n = 0;
  if (r->exc) {
    expr(r->exc);
    n = 1;
    if (r->cause) {
      expr(r->cause);
      n = 2;
    }
  }
  set_pos(r);
  emit(OP_RAISE_VARARGS, n);
}

void Compiler::assert_stmt(const Assert* a) {
  check_assert(a);
  if (opts_.optimize > 0) return;
  int end = new_label();
  jump_compare_ = nullptr;
  jump_if(a->test, true, end);
  // CPython 3.11 raises at the statement, or at the comparison the test
  // branched on last (its location stays current).
  const Located* at = jump_compare_ ? static_cast<const Located*>(jump_compare_) : a;
  set_pos(at);
  emit(OP_LOAD_ASSERTION_ERROR);
  if (a->msg) {
    emit(OP_PUSH_NULL);
    expr(a->msg);
    set_pos(at);
    emit(OP_CALL, 1);
  }
  emit(OP_RAISE_VARARGS, 1);
  bind(end);
}

void Compiler::import_stmt(const Import* s) {
  for (const Alias* a : s->names) {
    NodeScope ns(*this, a);
    set_pos(s);  // CPython 3.11 imports at the statement's location: no carets under the name
    emit(OP_LOAD_SMALL_INT, 0);
    load_none();
    emit(OP_IMPORT_NAME, add_name(a->name));
    if (!a->asname.empty()) {
      size_t dot = a->name.find('.');
      if (dot != std::string::npos) {
        // import a.b.c as d: walk to the submodule.
        size_t pos = dot + 1;
        while (true) {
          size_t next = a->name.find('.', pos);
          std::string part = a->name.substr(pos, next == std::string::npos ? std::string::npos : next - pos);
          emit(OP_IMPORT_FROM, add_name(part));
          if (next == std::string::npos) break;
          emit(OP_SWAP, 2);
          emit(OP_POP_TOP);
          pos = next + 1;
        }
        name_op(a->asname, ExprContext::Store, a);
        emit(OP_POP_TOP);
      } else {
        name_op(a->asname, ExprContext::Store, a);
      }
    } else {
      std::string top = a->name.substr(0, a->name.find('.'));
      name_op(top, ExprContext::Store, a);
    }
  }
}

void Compiler::import_from(const ImportFrom* s) {
  std::vector<ConstEntry> names;
  for (const Alias* a : s->names) names.push_back(const_str(a->name));
  emit(OP_LOAD_SMALL_INT, static_cast<uint32_t>(s->level));
  ConstEntry t = const_tuple(names);
  emit(OP_LOAD_CONST, add_const(t.obj, t.key));
  if (s->module == "__future__" && s->level == 0) {
    if (std::find(future_ok_.begin(), future_ok_.end(), s) == future_ok_.end())
      error(s, "from __future__ imports must occur at the beginning of the file");
    for (const Alias* a : s->names) {
      static const char* const kKnown[] = {"nested_scopes", "generators", "division", "absolute_import",
                                           "with_statement", "print_function", "unicode_literals",
                                           "barry_as_FLUFL", "generator_stop", "annotations"};
      bool ok = false;
      for (const char* k : kKnown) ok = ok || a->name == k;
      if (a->name == "braces") error(s, "not a chance");
      if (!ok) error(s, "future feature " + a->name + " is not defined");
    }
  }
  emit(OP_IMPORT_NAME, add_name(s->module));
  if (s->names.size() == 1 && s->names[0]->name == "*") {
    emit(OP_CALL_INTRINSIC_1, kIntrinsicImportStar);
    emit(OP_POP_TOP);
    return;
  }
  for (const Alias* a : s->names) {
    NodeScope ns(*this, a);
    set_pos(s);  // as import_stmt
    emit(OP_IMPORT_FROM, add_name(a->name));
    name_op(a->asname.empty() ? a->name : a->asname, ExprContext::Store, a);
  }
  emit(OP_POP_TOP);
}

}  // namespace ftpy::comp
