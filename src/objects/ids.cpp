#include "objects/ids.h"

namespace ftpy {
namespace ids {
#define FTPY_DEFINE_ID(name) Str* name;
FTPY_IDS(FTPY_DEFINE_ID)
#undef FTPY_DEFINE_ID
#define FTPY_DEFINE_NAMED_ID(name, text) Str* name;
FTPY_IDS_NAMED(FTPY_DEFINE_NAMED_ID)
#undef FTPY_DEFINE_NAMED_ID
}  // namespace ids

void ids_init() {
#define FTPY_INIT_ID(name) ids::name = str_intern(#name);
  FTPY_IDS(FTPY_INIT_ID)
#undef FTPY_INIT_ID
#define FTPY_INIT_NAMED_ID(name, text) ids::name = str_intern(text);
  FTPY_IDS_NAMED(FTPY_INIT_NAMED_ID)
#undef FTPY_INIT_NAMED_ID
}

}  // namespace ftpy
