// Specialisation decisions of the arithmetic family (vm/specialize.h): which
// specialised form an instruction becomes, from the operands it is about to
// run on. The forms' handlers (vm/eval_arith.inc) check the same conditions
// again on every execution; these functions only pick.
#include "vm/specialize.h"

#include "objects/dict.h"
#include "objects/float.h"
#include "objects/int.h"
#include "objects/iterators.h"
#include "objects/list.h"
#include "objects/range.h"
#include "objects/str.h"
#include "objects/tuple.h"

namespace ftpy {

namespace {

bool is_exact_double_int(Value v) {
  double d;
  return v.is_small() && float_operand(v, &d);
}
bool is_float_exact(Value v) { return v.is_obj() && v.obj()->ob_type == &g_float_type; }
bool is_float_operand(Value v) {
  double d;
  return float_operand(v, &d);
}

Opcode choose_binary_op(uint32_t a, Value lhs, Value rhs) {
  BinaryOp op = static_cast<BinaryOp>(a & 15);
  if (lhs.is_small() && rhs.is_small()) {
    switch (op) {
      case kOpAdd: return OP_BINARY_OP_ADD_INT;
      case kOpSub: return OP_BINARY_OP_SUB_INT;
      case kOpMul: return OP_BINARY_OP_MUL_INT;
      case kOpFloorDiv:
      case kOpMod:
      case kOpAnd:
      case kOpOr:
      case kOpXor:
      case kOpRshift: return OP_BINARY_OP_INT;
      case kOpTrueDiv:
        if (is_exact_double_int(lhs) && is_exact_double_int(rhs)) return OP_BINARY_OP_TRUEDIV_FLOAT;
        return OP_BINARY_OP;
      default: return OP_BINARY_OP;
    }
  }
  // Exact ints past the small range: the int forms hand them to the int
  // arithmetic (medium ints, objects/int.h) instead of missing.
  if ((op == kOpAdd || op == kOpSub || op == kOpMul) && is_int_exact(lhs) && is_int_exact(rhs))
    return op == kOpAdd ? OP_BINARY_OP_ADD_INT : op == kOpSub ? OP_BINARY_OP_SUB_INT : OP_BINARY_OP_MUL_INT;
  if ((is_float_exact(lhs) || is_float_exact(rhs)) && is_float_operand(lhs) && is_float_operand(rhs)) {
    switch (op) {
      case kOpAdd: return OP_BINARY_OP_ADD_FLOAT;
      case kOpSub: return OP_BINARY_OP_SUB_FLOAT;
      case kOpMul: return OP_BINARY_OP_MUL_FLOAT;
      case kOpTrueDiv: return OP_BINARY_OP_TRUEDIV_FLOAT;
      default: return OP_BINARY_OP;
    }
  }
  if (op == kOpAdd && is_str_exact(lhs) && is_str_exact(rhs)) return OP_BINARY_OP_ADD_STR;
  return OP_BINARY_OP;
}

Opcode choose_compare_op(uint32_t a, Value lhs, Value rhs) {
  if (lhs.is_small() && rhs.is_small()) return OP_COMPARE_OP_INT;
  if (is_float_operand(lhs) && is_float_operand(rhs)) return OP_COMPARE_OP_FLOAT;
  CompareOp op = static_cast<CompareOp>(a & 7);
  if ((op == kEq || op == kNe) && is_str_exact(lhs) && is_str_exact(rhs)) return OP_COMPARE_OP_STR;
  return OP_COMPARE_OP;
}

Opcode choose_binary_subscr(Value container, Value key) {
  if (is_list_exact(container) && key.is_small()) return OP_BINARY_SUBSCR_LIST_INT;
  if (is_tuple_exact(container) && key.is_small()) return OP_BINARY_SUBSCR_TUPLE_INT;
  if (is_dict_exact(container)) return OP_BINARY_SUBSCR_DICT;
  return OP_BINARY_SUBSCR;
}

Opcode choose_store_subscr(Value container, Value key) {
  if (is_list_exact(container) && key.is_small()) return OP_STORE_SUBSCR_LIST_INT;
  if (is_dict_exact(container)) return OP_STORE_SUBSCR_DICT;
  return OP_STORE_SUBSCR;
}

Opcode choose_for_iter(Value iter) {
  Type* t = iter.obj()->ob_type;
  if (t == &g_range_iter_type) return OP_FOR_ITER_RANGE;
  if (t == &g_list_iter_type) return OP_FOR_ITER_LIST;
  if (t == &g_tuple_iter_type) return OP_FOR_ITER_TUPLE;
  return OP_FOR_ITER;
}

Opcode choose_unpack_sequence(Value seq) {
  if (is_tuple_exact(seq)) return OP_UNPACK_SEQUENCE_TUPLE;
  if (is_list_exact(seq)) return OP_UNPACK_SEQUENCE_LIST;
  return OP_UNPACK_SEQUENCE;
}

uint32_t arg_of(const uint32_t* instr) { return cache_load(instr) >> 8; }

}  // namespace

void specialize_binary_op(uint32_t* instr, Value lhs, Value rhs) {
  counter_specialized(instr, choose_binary_op(arg_of(instr), lhs, rhs));
}
void specialize_compare_op(uint32_t* instr, Value lhs, Value rhs) {
  counter_specialized(instr, choose_compare_op(arg_of(instr), lhs, rhs));
}
void specialize_binary_subscr(uint32_t* instr, Value container, Value key) {
  counter_specialized(instr, choose_binary_subscr(container, key));
}
void specialize_store_subscr(uint32_t* instr, Value container, Value key) {
  counter_specialized(instr, choose_store_subscr(container, key));
}
void specialize_for_iter(uint32_t* instr, Value iter) { counter_specialized(instr, choose_for_iter(iter)); }
void specialize_unpack_sequence(uint32_t* instr, Value seq) {
  counter_specialized(instr, choose_unpack_sequence(seq));
}

}  // namespace ftpy
