// The stateful CJK codecs: HZ and the ISO-2022 family (see cjk_stateful.h).
#include "modules/cjk_stateful.h"

#include "modules/cjk_tables.h"

namespace ftpy::cjk {

int stateful_count() { return 0; }
int stateful_index(std::string_view) { return -1; }
DecodeResult stateful_decode(int, const uint8_t*, int64_t, int64_t pos, bool, int64_t*, std::u32string*) {
  DecodeResult r;
  r.pos = pos;
  return r;
}
EncodeResult stateful_encode(int, const Str*, int64_t pos, bool, int64_t*, std::string*) {
  EncodeResult r;
  r.pos = pos;
  return r;
}

}  // namespace ftpy::cjk
