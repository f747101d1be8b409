// The few Unicode facts the front end needs (identifier characters, NFKC,
// printability), backed by utf8proc. Kept separate so the tokenizer and the
// AST dumper share one definition.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace ftpy::uni {

// Decodes one UTF-8 sequence at s[i]; returns the code point and sets len.
// Invalid sequences return -1 with len = 1.
int32_t decode_utf8(std::string_view s, size_t i, int* len);
void append_utf8(std::string& out, uint32_t cp);
bool is_valid_utf8(std::string_view s, size_t* bad_pos);
bool is_id_start(int32_t cp);
bool is_id_continue(int32_t cp);
bool is_printable(int32_t cp);  // str.isprintable() for one character
std::string nfkc(std::string_view s);
// Number of code points in s[0, bytes) (bytes clamped to s.size()).
int count_chars(std::string_view s, size_t bytes);

}  // namespace ftpy::uni
