// The bytecode cache (see code_cache.h).
//
// File: <dir>/__pycache__/<name>.ftpy.pyc (<name>.ftpy.opt-1.pyc under -O,
// .opt-2 under -OO, as CPython names its files with its cache tag; ftpy's
// sys.implementation.cache_tag is 'ftpy'), ftpy's own format (CPython's
// marshal data and its pyc files are not read or written):
//   header   "FTPYC\x01\r\n"; the build id of the running executable (its ELF
//            NT_GNU_BUILD_ID note: any change to the interpreter, its
//            compiler or its opcodes changes it); the source's st_mtim in
//            nanoseconds and its size; the optimize level (-O);
//   payload  one tagged value, the module's code object. Integers are
//            LEB128 varints (signed ones zigzag-encoded); a code object's
//            positions are stored as deltas from the previous instruction's.
// The cache is used only when every header field matches; anything else,
// and any read or decode failure, compiles the source as if there were no
// cache. A code object holding a constant the format has no tag for is
// simply not cached. Code objects are cached unquickened, straight from
// the compiler; the filename comes from the path being imported, so a moved
// tree needs no rewrite.
//
// Writing is skipped when sys.dont_write_bytecode is true (-B,
// PYTHONDONTWRITEBYTECODE) or the directory is not writable.
//
// Thread safety: a cache file is written under a name unique to the process
// and thread and renamed into place, so concurrent writers (threads or
// processes importing the same module) and readers see no file or a whole
// one. Loading builds fresh objects that no other thread can reach until
// the import publishes the module. The build id is computed once (a
// function-local static).
#include "vm/code_cache.h"

#include <elf.h>
#include <fcntl.h>
#include <gmp.h>
#include <link.h>
#include <sys/stat.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <cstring>
#include <string_view>
#include <vector>

#include "compile/code.h"
#include "objects/bytes.h"
#include "objects/complex.h"
#include "objects/errors.h"
#include "objects/float.h"
#include "objects/int.h"
#include "objects/protocol.h"
#include "objects/set.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "modules/sys_module.h"
#include "runtime/interp.h"
#include "runtime/hash.h"
#include "runtime/pythonrun.h"
#include "objects/module.h"
#include "objects/native.h"
#include "runtime/thread_state.h"

namespace ftpy {

namespace {

std::atomic<bool> g_dont_write{false};

// Version byte: 2 since a module's final RETURN_CONST carries no line (settrace).
constexpr char kMagic[8] = {'F', 'T', 'P', 'Y', 'C', '\x02', '\r', '\n'};

// Value tags.
enum : uint8_t {
  kTagNone = 'N',
  kTagTrue = 'T',
  kTagFalse = 'F',
  kTagEllipsis = 'E',
  kTagSmallInt = 'i',  // zigzag varint
  kTagBigInt = 'I',    // sign byte, varint length, big-endian magnitude
  kTagFloat = 'f',
  kTagComplex = 'x',
  kTagStr = 's',       // varint length, UTF-8 (lone surrogates as WTF-8)
  kTagInterned = 'u',  // the same, interned on load
  kTagBytes = 'b',
  kTagTuple = 't',
  kTagFrozenset = 'z',
  kTagCode = 'C',
};

// The executable's GNU build id ("" if it has none: then nothing is cached).
const std::string& build_id() {
  static const std::string id = [] {
    std::string out;
    dl_iterate_phdr(
        [](dl_phdr_info* info, size_t, void* data) -> int {
          auto* out = static_cast<std::string*>(data);
          for (int i = 0; i < info->dlpi_phnum; i++) {
            const ElfW(Phdr)& ph = info->dlpi_phdr[i];
            if (ph.p_type != PT_NOTE) continue;
            const char* p = reinterpret_cast<const char*>(info->dlpi_addr + ph.p_vaddr);
            const char* end = p + ph.p_memsz;
            while (p + sizeof(ElfW(Nhdr)) <= end) {
              auto* nh = reinterpret_cast<const ElfW(Nhdr)*>(p);
              const char* name = p + sizeof(ElfW(Nhdr));
              const char* desc = name + ((nh->n_namesz + 3) & ~3u);
              if (desc + nh->n_descsz > end) break;
              if (nh->n_type == NT_GNU_BUILD_ID && nh->n_namesz == 4 && std::memcmp(name, "GNU", 4) == 0) {
                out->assign(desc, nh->n_descsz);
                return 1;
              }
              p = desc + ((nh->n_descsz + 3) & ~3u);
            }
          }
          return 1;  // the first object is the executable: stop there
        },
        &out);
    return out;
  }();
  return id;
}

struct Key {
  int64_t mtime_ns;
  int64_t size;
  int64_t optimize;
};

// --- encoding --------------------------------------------------------------------------------

class Writer {
 public:
  std::string buf;

  void u8(uint8_t b) { buf.push_back(static_cast<char>(b)); }
  void uvar(uint64_t v) {
    while (v >= 0x80) {
      u8(static_cast<uint8_t>(v | 0x80));
      v >>= 7;
    }
    u8(static_cast<uint8_t>(v));
  }
  void svar(int64_t v) { uvar((static_cast<uint64_t>(v) << 1) ^ static_cast<uint64_t>(v >> 63)); }
  void raw(const void* p, size_t n) { buf.append(static_cast<const char*>(p), n); }
  void f64(double d) { raw(&d, sizeof d); }
  void text(std::string_view s) {
    uvar(s.size());
    raw(s.data(), s.size());
  }

  // False for a value the format has no tag for.
  bool value(Value v) {
    if (v.is_small()) {
      u8(kTagSmallInt);
      svar(v.small_value());
      return true;
    }
    if (is_none(v)) return u8(kTagNone), true;
    if (v.bits() == true_value().bits()) return u8(kTagTrue), true;
    if (v.bits() == false_value().bits()) return u8(kTagFalse), true;
    if (v.obj() == &g_ellipsis) return u8(kTagEllipsis), true;
    Type* t = type_of(v);
    if (t == &g_int_type) return big_int(v);
    if (t == &g_float_type) {
      u8(kTagFloat);
      f64(float_value(v));
      return true;
    }
    if (t == &g_complex_type) {
      u8(kTagComplex);
      f64(v.as<Complex>()->real);
      f64(v.as<Complex>()->imag);
      return true;
    }
    if (t == &g_str_type) {
      u8(v.as<Str>()->interned ? kTagInterned : kTagStr);
      text(str_view(v));
      return true;
    }
    if (t == &g_bytes_type) {
      u8(kTagBytes);
      text(std::string_view(reinterpret_cast<const char*>(bytes_data(v)), static_cast<size_t>(bytes_size(v))));
      return true;
    }
    if (t == &g_tuple_type) {
      u8(kTagTuple);
      int64_t n = tuple_size(v);
      uvar(static_cast<uint64_t>(n));
      for (int64_t i = 0; i < n; i++)
        if (!value(tuple_item(v, i))) return false;
      return true;
    }
    if (t == &g_frozenset_type) {
      Ref<> items = sequence_tuple(v);
      if (!items) {
        err_clear();
        return false;
      }
      u8(kTagFrozenset);
      int64_t n = tuple_size(items.val());
      uvar(static_cast<uint64_t>(n));
      for (int64_t i = 0; i < n; i++)
        if (!value(tuple_item(items.val(), i))) return false;
      return true;
    }
    if (t == &g_code_type) return code(v.as<Code>());
    return false;
  }

  bool big_int(Value v) {
    mpz_t z;
    mpz_init(z);
    int_to_mpz(v, z);
    size_t n = 0;
    std::vector<unsigned char> mag((mpz_sizeinbase(z, 2) + 7) / 8 + 1);
    mpz_export(mag.data(), &n, 1, 1, 1, 0, z);
    u8(kTagBigInt);
    u8(mpz_sgn(z) < 0 ? 1 : 0);
    uvar(n);
    raw(mag.data(), n);
    mpz_clear(z);
    return true;
  }

  bool code(Code* c) {
    u8(kTagCode);
    std::vector<uint32_t> units = code_units_unquickened(c);
    uvar(units.size());
    raw(units.data(), units.size() * sizeof(uint32_t));
    if (!value(c->consts) || !value(c->names) || !value(c->localsplusnames) || !value(c->name) ||
        !value(c->qualname))
      return false;
    for (int32_t x : {c->argcount, c->posonlyargcount, c->kwonlyargcount, c->nlocals, c->ncells, c->nfrees,
                      c->stacksize, c->firstlineno})
      svar(x);
    uvar(c->flags);
    uvar(c->exception_table->size());
    for (const ExceptionTableEntry& e : *c->exception_table) {
      uvar(e.start);
      uvar(e.end);
      uvar(e.target);
      uvar(e.depth);
      uvar(e.lasti);
    }
    uvar(c->positions->size());
    Position prev{0, 0, 0, 0};
    for (const Position& p : *c->positions) {
      svar(static_cast<int64_t>(p.line) - prev.line);
      svar(static_cast<int64_t>(p.end_line) - prev.end_line);
      svar(static_cast<int64_t>(p.col) - prev.col);
      svar(static_cast<int64_t>(p.end_col) - prev.end_col);
      prev = p;
    }
    size_t ncell2arg = c->cell2arg ? c->cell2arg->size() : 0;
    uvar(ncell2arg);
    for (size_t i = 0; i < ncell2arg; i++) svar((*c->cell2arg)[i]);
    return true;
  }
};

// --- decoding --------------------------------------------------------------------------------

// Every read is bounds-checked; a malformed file makes the reader fail
// (`ok` false) and the import compile the source instead.
class Reader {
 public:
  Reader(std::string_view data, Value filename) : p_(data.data()), end_(data.data() + data.size()), filename_(filename) {}

  bool ok = true;

  [[gnu::always_inline]] uint8_t u8() {
    if (p_ >= end_) [[unlikely]] return fail(), 0;
    return static_cast<uint8_t>(*p_++);
  }
  [[gnu::always_inline]] uint64_t uvar() {
    if (p_ < end_ && !(static_cast<uint8_t>(*p_) & 0x80)) [[likely]]
      return static_cast<uint8_t>(*p_++);
    uint64_t v = 0;
    for (int shift = 0; shift < 64; shift += 7) {
      uint8_t b = u8();
      if (!ok) return 0;
      v |= static_cast<uint64_t>(b & 0x7f) << shift;
      if (!(b & 0x80)) return v;
    }
    return fail(), 0;
  }
  [[gnu::always_inline]] int64_t svar() {
    uint64_t u = uvar();
    return static_cast<int64_t>((u >> 1) ^ (~(u & 1) + 1));
  }
  const char* take(uint64_t n) {
    if (static_cast<uint64_t>(end_ - p_) < n) return fail(), nullptr;
    const char* q = p_;
    p_ += n;
    return q;
  }
  double f64() {
    double d = 0;
    if (const char* q = take(sizeof d)) std::memcpy(&d, q, sizeof d);
    return d;
  }
  std::string_view text() {
    uint64_t n = uvar();
    const char* q = ok ? take(n) : nullptr;
    return q ? std::string_view(q, n) : std::string_view();
  }
  bool at_end() const { return p_ == end_; }

  Ref<> value(int depth = 0) {
    if (depth > 200) return fail();
    uint8_t tag = u8();
    if (!ok) return nullptr;
    switch (tag) {
      case kTagNone: return new_none();
      case kTagTrue: return new_bool(true);
      case kTagFalse: return new_bool(false);
      case kTagEllipsis: return Ref<>::borrow(Value(&g_ellipsis));
      case kTagSmallInt: {
        int64_t v = svar();
        return ok ? check(int_from_int64(v)) : nullptr;
      }
      case kTagBigInt: {
        uint8_t neg = u8();
        uint64_t n = uvar();
        const char* mag = ok ? take(n) : nullptr;
        if (!mag) return nullptr;
        mpz_t z;
        mpz_init(z);
        mpz_import(z, n, 1, 1, 1, 0, mag);
        if (neg) mpz_neg(z, z);
        Ref<> r = int_from_mpz(z);
        mpz_clear(z);
        return check(std::move(r));
      }
      case kTagFloat: {
        double d = f64();
        return ok ? check(float_new(d)) : nullptr;
      }
      case kTagComplex: {
        double re = f64(), im = f64();
        return ok ? check(complex_new(re, im)) : nullptr;
      }
      case kTagStr:
      case kTagInterned: {
        std::string_view s = text();
        if (!ok) return nullptr;
        if (tag == kTagInterned) return Ref<>::borrow(Value(str_intern(s)));
        return check(str_from_utf8(s));
      }
      case kTagBytes: {
        std::string_view s = text();
        return ok ? check(bytes_from(s)) : nullptr;
      }
      case kTagTuple:
      case kTagFrozenset: {
        uint64_t n = uvar();
        if (!ok || n > static_cast<uint64_t>(end_ - p_)) return fail();
        Ref<Tuple> t = tuple_new(static_cast<int64_t>(n));
        if (!t) return check(nullptr);
        for (uint64_t i = 0; i < n; i++) t->items[i] = none();
        for (uint64_t i = 0; i < n; i++) {
          Ref<> item = value(depth + 1);
          if (!item) return nullptr;
          tuple_init_item(t.get(), static_cast<int64_t>(i), std::move(item));
        }
        if (tag == kTagTuple) return t;
        return check(frozenset_new(t.val()));
      }
      case kTagCode:
        return code(depth);
      default:
        return fail();
    }
  }

 private:
  std::nullptr_t fail() {
    ok = false;
    return nullptr;
  }
  // An allocation that failed: give up on the cache, drop the exception.
  Ref<> check(Ref<> r) {
    if (!r) {
      err_clear();
      ok = false;
    }
    return r;
  }

  Ref<> code(int depth) {
    CodeSpec spec;
    uint64_t n = uvar();
    if (!ok || n > static_cast<uint64_t>(end_ - p_) / sizeof(uint32_t)) return fail();
    spec.code.resize(n);
    if (const char* q = take(n * sizeof(uint32_t))) std::memcpy(spec.code.data(), q, n * sizeof(uint32_t));
    spec.consts = value(depth + 1);
    if (spec.consts) spec.names = value(depth + 1);
    if (spec.names) spec.localsplusnames = value(depth + 1);
    if (spec.localsplusnames) spec.name = value(depth + 1);
    if (spec.name) spec.qualname = value(depth + 1);
    if (!spec.qualname) return fail();
    if (!is_tuple(spec.consts.val()) || !is_tuple(spec.names.val()) || !is_tuple(spec.localsplusnames.val()) ||
        !is_str(spec.name.val()) || !is_str(spec.qualname.val()))
      return fail();
    spec.filename = Ref<>::borrow(filename_);
    int32_t* ints[8] = {&spec.argcount, &spec.posonlyargcount, &spec.kwonlyargcount, &spec.nlocals,
                        &spec.ncells,   &spec.nfrees,          &spec.stacksize,      &spec.firstlineno};
    for (int32_t* x : ints) *x = static_cast<int32_t>(svar());
    spec.flags = static_cast<uint32_t>(uvar());
    uint64_t nex = uvar();
    if (!ok || nex > static_cast<uint64_t>(end_ - p_)) return fail();
    spec.exception_table.resize(nex);
    for (ExceptionTableEntry& e : spec.exception_table) {
      e.start = static_cast<uint32_t>(uvar());
      e.end = static_cast<uint32_t>(uvar());
      e.target = static_cast<uint32_t>(uvar());
      e.depth = static_cast<uint16_t>(uvar());
      e.lasti = static_cast<uint16_t>(uvar());
    }
    uint64_t npos = uvar();
    if (!ok || npos != n) return fail();
    spec.positions.resize(npos);
    Position prev{0, 0, 0, 0};
    for (Position& p : spec.positions) {
      p.line = static_cast<int32_t>(prev.line + svar());
      p.end_line = static_cast<int32_t>(prev.end_line + svar());
      p.col = static_cast<int32_t>(prev.col + svar());
      p.end_col = static_cast<int32_t>(prev.end_col + svar());
      prev = p;
    }
    uint64_t ncell = uvar();
    if (!ok || ncell > static_cast<uint64_t>(end_ - p_)) return fail();
    spec.cell2arg.resize(ncell);
    for (int32_t& x : spec.cell2arg) x = static_cast<int32_t>(svar());
    if (!ok) return nullptr;
    // The counts must describe the tuples, or frames would be sized wrong.
    if (spec.nlocals < 0 || spec.ncells < 0 || spec.nfrees < 0 || spec.stacksize < 0 ||
        tuple_size(spec.localsplusnames.val()) != spec.nlocals + spec.ncells + spec.nfrees)
      return fail();
    Ref<Code> c = code_new(std::move(spec));
    return check(std::move(c));
  }

  const char* p_;
  const char* end_;
  Value filename_;
};

// --- files -----------------------------------------------------------------------------------

bool read_whole(const std::string& path, std::string* out) {
  int fd = open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return false;
  out->clear();
  char buf[65536];
  for (;;) {
    ssize_t k = read(fd, buf, sizeof buf);
    if (k < 0 && errno == EINTR) continue;
    if (k < 0) {
      int e = errno;
      close(fd);
      errno = e;
      return false;
    }
    if (k == 0) break;
    out->append(buf, static_cast<size_t>(k));
  }
  close(fd);
  return true;
}

void header(Writer& w, const Key& key) {
  w.raw(kMagic, sizeof kMagic);
  w.text(build_id());
  w.svar(key.mtime_ns);
  w.svar(key.size);
  w.svar(key.optimize);
}

Ref<> load(const std::string& cpath, const Key& key, Value filename) {
  std::string data;
  if (!read_whole(cpath, &data)) return nullptr;
  Writer expect;
  header(expect, key);
  if (data.size() < expect.buf.size() || std::memcmp(data.data(), expect.buf.data(), expect.buf.size()) != 0)
    return nullptr;
  Reader r(std::string_view(data).substr(expect.buf.size()), filename);
  Ref<> code = r.value();
  if (!code || !r.ok || !r.at_end() || !is_code(code.val())) return nullptr;
  return code;
}

bool writing_enabled() {
  Ref<> flag = sys_get_attr("dont_write_bytecode");
  if (!flag) {
    err_clear();
    return !g_dont_write.load(std::memory_order_relaxed);
  }
  int t = truthy(flag.val());
  if (t < 0) {
    err_clear();
    return false;
  }
  return t == 0;
}

void store(const std::string& dir, const std::string& cpath, const Key& key, Code* code) {
  Writer w;
  header(w, key);
  if (!w.value(Value(code))) return;
  if (mkdir(dir.c_str(), 0777) != 0 && errno != EEXIST) return;
  std::string tmp = cpath + "." + std::to_string(getpid()) + "." + std::to_string(gettid()) + ".tmp";
  int fd = open(tmp.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0644);
  if (fd < 0) return;
  const char* p = w.buf.data();
  size_t left = w.buf.size();
  bool ok = true;
  while (left > 0) {
    ssize_t k = write(fd, p, left);
    if (k < 0 && errno == EINTR) continue;
    if (k <= 0) {
      ok = false;
      break;
    }
    p += k;
    left -= static_cast<size_t>(k);
  }
  if (close(fd) != 0) ok = false;
  if (!ok || rename(tmp.c_str(), cpath.c_str()) != 0) unlink(tmp.c_str());
}

Ref<> compile_cached(Value, Value* a) {
  for (int i = 0; i < 3; i++)
    if (!is_str(a[i]))
      return err_format(g_TypeError, "compile_cached() argument %d must be str, not %s", i + 1,
                        type_name(type_of(a[i])));
  return code_cache_text_code(str_view(a[0]), std::string(str_view(a[1])), std::string(str_view(a[2])));
}

// source_cache_bytes(code, source_path): what the cache file of the module
// source at source_path holds for `code` (keyed by the file's current stat
// and the running -O level), for py_compile and compileall, which write it
// where cache_from_source says. b'' when the source cannot be stat'ed or the
// code holds a constant the format cannot store: an empty cache file is
// ignored at import, which then compiles the source.
Ref<> source_cache_bytes(Value, Value* a) {
  if (!is_code(a[0])) return err_format(g_TypeError, "source_cache_bytes() argument 1 must be code, not %s",
                                        type_name(type_of(a[0])));
  if (!is_str(a[1])) return err_format(g_TypeError, "source_cache_bytes() argument 2 must be str, not %s",
                                       type_name(type_of(a[1])));
  std::string path(str_view(a[1]));
  struct stat st;
  if (build_id().empty() || stat(path.c_str(), &st) != 0 || !S_ISREG(st.st_mode)) return bytes_from("", 0);
  Key key{};
  key.mtime_ns = static_cast<int64_t>(st.st_mtim.tv_sec) * 1'000'000'000 + st.st_mtim.tv_nsec;
  key.size = static_cast<int64_t>(st.st_size);
  key.optimize = effective_optimize(-1);
  Writer w;
  header(w, key);
  if (!w.value(a[0])) {
    err_clear();
    return bytes_from("", 0);
  }
  return bytes_from(w.buf);
}

const MethodDef kCodeCacheFunctions[] = {
    {"compile_cached(text, filename, cache_path, /)", compile_cached,
     "Compile text as filename ('exec'), through the bytecode cache file cache_path keyed by the text."},
    {"source_cache_bytes(code, source_path, /)", source_cache_bytes,
     "The bytecode cache file's bytes for code compiled from the source file source_path (b'' if not cacheable)."},
    {nullptr}};

}  // namespace

void code_cache_set_dont_write(bool v) { g_dont_write.store(v, std::memory_order_relaxed); }
bool code_cache_dont_write() { return g_dont_write.load(std::memory_order_relaxed); }

std::string code_cache_path(const std::string& path) {
  if (path.size() <= 3 || path.compare(path.size() - 3, 3, ".py") != 0) return {};
  size_t slash = path.rfind('/');
  std::string parent = slash == std::string::npos ? std::string() : path.substr(0, slash + 1);
  std::string base = path.substr(slash == std::string::npos ? 0 : slash + 1);
  int opt = effective_optimize(-1);
  std::string tag = opt > 0 ? ".ftpy.opt-" + std::to_string(opt) + ".pyc" : ".ftpy.pyc";
  return parent + "__pycache__/" + base.substr(0, base.size() - 3) + tag;
}

Ref<> code_cache_module_code(const std::string& path) {
  struct stat st;
  bool cacheable = path.size() > 3 && path.compare(path.size() - 3, 3, ".py") == 0 && !build_id().empty() &&
                   stat(path.c_str(), &st) == 0 && S_ISREG(st.st_mode);
  Key key{};
  std::string dir, cpath;
  Ref<Str> filename = str_from_utf8(path);
  if (!filename) return nullptr;
  if (cacheable) {
    key.mtime_ns = static_cast<int64_t>(st.st_mtim.tv_sec) * 1'000'000'000 + st.st_mtim.tv_nsec;
    key.size = static_cast<int64_t>(st.st_size);
    key.optimize = effective_optimize(-1);
    size_t slash = path.rfind('/');
    dir = (slash == std::string::npos ? std::string(".") : path.substr(0, slash)) + "/__pycache__";
    cpath = code_cache_path(path);
    if (slash == std::string::npos) cpath = "./" + cpath;
    Ref<> code = load(cpath, key, filename.val());
    if (code) return code;
  }
  std::string src;
  if (!read_whole(path, &src)) return err_from_errno(errno, filename.val());
  Ref<> code = compile_source(src, path, CompileMode::kExec);
  if (code && cacheable && is_code(code.val()) && writing_enabled()) store(dir, cpath, key, code.val().as<Code>());
  return code;
}

Ref<> code_cache_text_code(std::string_view text, const std::string& filename, const std::string& cpath) {
  Ref<Str> fname = str_from_utf8(filename);
  if (!fname) return nullptr;
  // The key: the text's length and a keyed hash of it (a fixed key: this is
  // a cache check, not a hash table, so it needs no per-process secret).
  Key key{};
  key.mtime_ns = static_cast<int64_t>(hash_bytes_keyed(0x66747079636f6465ULL, 0, text.data(), text.size()));
  key.size = static_cast<int64_t>(text.size());
  key.optimize = effective_optimize(-1);
  bool cacheable = !build_id().empty() && !cpath.empty();
  if (cacheable) {
    Ref<> code = load(cpath, key, fname.val());
    if (code) return code;
  }
  Ref<> code = compile_source(text, filename, CompileMode::kExec);
  if (code && cacheable && is_code(code.val()) && writing_enabled()) {
    size_t slash = cpath.rfind('/');
    std::string dir = slash == std::string::npos ? std::string(".") : cpath.substr(0, slash);
    store(dir, cpath, key, code.val().as<Code>());
  }
  return code;
}

Ref<> code_cache_module_create() {
  Ref<> m = module_new("_ftpy_codecache");
  if (!m) return nullptr;
  if (native_add_functions(m.val(), kCodeCacheFunctions) < 0) return nullptr;
  return m;
}

}  // namespace ftpy
