// match statements (PEP 634): placeholder, replaced below.
#include "compile/compiler_internal.h"

namespace ftpy::comp {

void Compiler::match_stmt(const Match* m) { error(m, "match statements are not supported yet"); }

}  // namespace ftpy::comp
