// PEP 695 intrinsics. The typing objects (TypeVar & co.) are not implemented
// yet: code using type parameter syntax compiles, and raises a clear
// NotImplementedError when the definition runs (docs/gaps.md).
#include "vm/typing_intrinsics.h"

#include "objects/errors.h"

namespace ftpy {

Ref<> typing_intrinsic1(uint32_t which, Value v) {
  return err_format(g_NotImplementedError, "type parameter syntax (PEP 695) is not supported by ftpy yet (intrinsic %u)",
                    which);
}

Ref<> typing_intrinsic2(uint32_t which, Value a, Value b) {
  return err_format(g_NotImplementedError, "type parameter syntax (PEP 695) is not supported by ftpy yet (intrinsic %u)",
                    which);
}

}  // namespace ftpy
