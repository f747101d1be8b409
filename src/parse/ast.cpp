#include "parse/ast.h"

namespace ftpy::ast {

const char* name_of(ExprContext c) {
  static const char* const k[] = {"Load", "Store", "Del"};
  return k[static_cast<int>(c)];
}
const char* name_of(BoolOpKind o) { return o == BoolOpKind::And ? "And" : "Or"; }
const char* name_of(OperatorKind o) {
  static const char* const k[] = {"Add",    "Sub",    "Mult",  "MatMult", "Div",
                                  "Mod",    "Pow",    "LShift", "RShift", "BitOr",
                                  "BitXor", "BitAnd", "FloorDiv"};
  return k[static_cast<int>(o)];
}
const char* name_of(UnaryOpKind o) {
  static const char* const k[] = {"Invert", "Not", "UAdd", "USub"};
  return k[static_cast<int>(o)];
}
const char* name_of(CmpOpKind o) {
  static const char* const k[] = {"Eq", "NotEq", "Lt", "LtE", "Gt", "GtE", "Is", "IsNot", "In", "NotIn"};
  return k[static_cast<int>(o)];
}
const char* name_of(ExprKind k) {
  static const char* const n[] = {
#define FTPY_X(x) #x,
      FTPY_EXPR_KINDS(FTPY_X)
#undef FTPY_X
  };
  return n[static_cast<int>(k)];
}
const char* name_of(StmtKind k) {
  static const char* const n[] = {
#define FTPY_X(x) #x,
      FTPY_STMT_KINDS(FTPY_X)
#undef FTPY_X
  };
  return n[static_cast<int>(k)];
}
const char* name_of(PatternKind k) {
  static const char* const n[] = {
#define FTPY_X(x) #x,
      FTPY_PATTERN_KINDS(FTPY_X)
#undef FTPY_X
  };
  return n[static_cast<int>(k)];
}
const char* name_of(TypeParamKind k) {
  static const char* const n[] = {"TypeVar", "ParamSpec", "TypeVarTuple"};
  return n[static_cast<int>(k)];
}

}  // namespace ftpy::ast
