// The CJK codec engine's interface between its stateless part
// (cjk_codecs.cpp) and its stateful codecs (cjk_stateful.cpp: HZ and the
// ISO-2022 family), and the module that exposes it to lib/_multibytecodec.py.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "objects/str.h"
#include "runtime/ref.h"

namespace ftpy {

Ref<> cjk_module_create();  // the `_ftpy_cjk` module

namespace cjk {

// Where a run stopped: pos is the first unconsumed index; err_start >= 0
// names a sequence that cannot be converted (err_start..err_end).
struct DecodeResult {
  int64_t pos = 0;
  int64_t err_start = -1, err_end = -1;
  const char* reason = nullptr;
};
struct EncodeResult {
  int64_t pos = 0;
  int64_t err_start = -1, err_end = -1;
};

int stateful_count();
int stateful_index(std::string_view name);  // -1 if not a stateful codec
DecodeResult stateful_decode(int codec, const uint8_t* p, int64_t n, int64_t pos, bool final, int64_t* state,
                             std::u32string* out);
EncodeResult stateful_encode(int codec, const Str* s, int64_t pos, bool final, int64_t* state, std::string* out);
// The state a new encoder or decoder starts in, as CPython's getstate shows it.
int64_t stateful_initial_state(int codec, bool decoder);
// A decoder's state after reset().
int64_t stateful_decoder_reset(int codec, int64_t state);

// The ISO-2022 family (cjk_iso2022.cpp), indexed by iso2022_index.
int iso2022_index(std::string_view name);  // -1 if not one of them
DecodeResult iso2022_decode(int codec, const uint8_t* p, int64_t n, int64_t pos, bool final, int64_t* state,
                            std::u32string* out);
EncodeResult iso2022_encode(int codec, const Str* s, int64_t pos, bool final, int64_t* state, std::string* out);
int64_t iso2022_initial_state(bool decoder);
int64_t iso2022_decoder_reset(int64_t state);

}  // namespace cjk

}  // namespace ftpy
