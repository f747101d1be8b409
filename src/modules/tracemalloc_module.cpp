// The _tracemalloc module: traces the memory blocks ftpy allocates through
// runtime/heap (every object, and the storage behind lists, dicts, str and
// bytes) with the Python frames that allocated them, for lib tracemalloc.py
// (the host's, unmodified): take_snapshot(), statistics, compare_to,
// get_object_traceback() and the "Object allocated at" lines of warnings.
//
// Layout: a trace is (size, traceback); a traceback is an interned array of
// (filename, lineno) frames, most recent first, plus the depth of the stack
// it was cut from (total_nframe). Filenames are the code objects' str
// objects, each held by one reference for as long as a traceback names it.
// Tracebacks and filenames live in a Store that clear_traces()/stop()
// replace as a whole, so a reader that copied a shared_ptr to it may keep
// reading frames after the lock is gone.
//
// Thread safety: one std::mutex (g_mu) guards the trace table, the current
// Store and the counters. It is a leaf lock: held only around table updates
// that run no Python code and release no reference (references are dropped
// after unlocking), so a thread holding it never waits for a safepoint and
// a stop-the-world cannot stall on it. A thread-local flag keeps the hooks
// from re-entering themselves (the table's own memory comes from operator
// new, not runtime/heap, but a dropped filename may free a traced str).
//
// Known limit: the line of each frame is the frame's last saved instruction
// (saved at calls and at the instructions that drop values), so a block
// allocated by an instruction that calls nothing (BUILD_LIST, BINARY_OP) is
// charged to that frame's previous call's line.
#include "modules/tracemalloc_module.h"

#include <cstring>
#include <memory>
#include <mutex>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "compile/code.h"
#include "objects/dict.h"
#include "objects/errors.h"
#include "objects/int.h"
#include "objects/list.h"
#include "objects/module.h"
#include "objects/native.h"
#include "objects/protocol.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "runtime/gc.h"
#include "runtime/thread_state.h"
#include "vm/frame.h"

namespace ftpy {

std::atomic<bool> g_tracemalloc_on{false};

namespace {

constexpr int kMaxFrames = 65535;

struct TFrame {
  Object* filename;  // a str held by the Store (null: "<unknown>")
  int32_t lineno;
  bool operator==(const TFrame& o) const { return filename == o.filename && lineno == o.lineno; }
};

struct TTraceback {
  size_t hash;
  uint32_t total_nframe;
  std::vector<TFrame> frames;  // most recent first
};

struct TracebackHash {
  size_t operator()(const TTraceback* t) const { return t->hash; }
};
struct TracebackEq {
  bool operator()(const TTraceback* a, const TTraceback* b) const {
    return a->total_nframe == b->total_nframe && a->frames == b->frames;
  }
};

// Tracebacks and the filenames they name. Destroyed outside g_mu (it drops
// references, which may free memory and so call the hooks).
struct Store {
  std::unordered_set<TTraceback*, TracebackHash, TracebackEq> tracebacks;
  std::unordered_set<Object*> filenames;  // one reference each
  ~Store() {
    for (TTraceback* t : tracebacks) delete t;
    for (Object* f : filenames) decref(Value(f));
  }
};

struct Trace {
  size_t size;
  const TTraceback* tb;
};

std::mutex g_mu;
std::unordered_map<uintptr_t, Trace>* g_traces;  // guarded by g_mu; allocated once
// Never destroyed: a program may exit while tracing, and dropping the
// filenames from a static destructor would touch a runtime already gone.
std::shared_ptr<Store>& g_store = *new std::shared_ptr<Store>();  // guarded by g_mu
size_t g_current = 0, g_peak = 0;                 // guarded by g_mu
std::atomic<int> g_nframe{1};                     // the traceback limit (kept after stop())

thread_local bool tl_in_hook = false;  // the hooks do not trace their own work

std::unordered_map<uintptr_t, Trace>& traces() {
  if (!g_traces) g_traces = new std::unordered_map<uintptr_t, Trace>();
  return *g_traces;
}

// The calling thread's frames, most recent first, cut at `limit`.
void capture(std::vector<TFrame>* out, uint32_t* total, int limit) {
  uint32_t n = 0;
  ThreadState* ts = tstate();
  for (const Frame* f = ts ? ts->frame : nullptr; f; f = f->previous) {
    if (static_cast<int>(out->size()) < limit) {
      Code* co = f->code;
      int line = code_line_for(co, static_cast<uint32_t>(f->lasti < 0 ? 0 : f->lasti));
      out->push_back({co->filename.is_obj() ? co->filename.obj() : nullptr, line < 0 ? 0 : line});
    }
    n++;
  }
  if (out->empty()) {
    out->push_back({nullptr, 0});
    n = 1;
  }
  *total = n;
}

// Intern a traceback in `st`; g_mu held.
const TTraceback* intern(Store* st, std::vector<TFrame>&& frames, uint32_t total) {
  TTraceback key;
  size_t h = total;
  for (const TFrame& f : frames)
    h = (h * 1000003u) ^ (reinterpret_cast<uintptr_t>(f.filename) >> 4) ^ (static_cast<size_t>(f.lineno) << 20);
  key.hash = h;
  key.total_nframe = total;
  key.frames = std::move(frames);
  auto it = st->tracebacks.find(&key);
  if (it != st->tracebacks.end()) return *it;
  for (const TFrame& f : key.frames) {
    if (f.filename && st->filenames.insert(f.filename).second) incref(Value(f.filename));
  }
  auto* t = new TTraceback(std::move(key));
  st->tracebacks.insert(t);
  return t;
}

}  // namespace

void tracemalloc_on_alloc(void* p, size_t size) {
  if (tl_in_hook) return;
  tl_in_hook = true;
  std::vector<TFrame> frames;
  uint32_t total = 0;
  capture(&frames, &total, g_nframe.load(std::memory_order_relaxed));
  {
    std::lock_guard<std::mutex> lock(g_mu);
    if (g_tracemalloc_on.load(std::memory_order_relaxed) && g_store) {
      const TTraceback* tb = intern(g_store.get(), std::move(frames), total);
      auto [it, fresh] = traces().try_emplace(reinterpret_cast<uintptr_t>(p), Trace{size, tb});
      if (!fresh) {
        g_current -= it->second.size;
        it->second = Trace{size, tb};
      }
      g_current += size;
      if (g_current > g_peak) g_peak = g_current;
    }
  }
  tl_in_hook = false;
}

void tracemalloc_on_free(void* p) {
  if (tl_in_hook) return;
  std::lock_guard<std::mutex> lock(g_mu);
  if (!g_traces) return;
  auto it = g_traces->find(reinterpret_cast<uintptr_t>(p));
  if (it == g_traces->end()) return;
  g_current -= it->second.size;
  g_traces->erase(it);
}

namespace {

// Empty the table and hand back the old Store for the caller to drop after
// unlocking; g_mu held.
std::shared_ptr<Store> reset_locked(bool new_store) {
  traces().clear();
  g_current = 0;
  g_peak = 0;
  std::shared_ptr<Store> old = std::move(g_store);
  if (new_store) g_store = std::make_shared<Store>();
  return old;
}

Ref<> tm_start(Value, Value* a) {
  int64_t n = 1;
  if (!a[0].is_null()) {
    Ref<> k = number_index(a[0]);
    if (!k) return nullptr;
    if (!int_as_int64(k.val(), &n)) n = -1;
  }
  if (n < 1 || n > kMaxFrames) return err_set_str(g_ValueError, "the number of frames must be in range [1; 65535]");
  std::lock_guard<std::mutex> lock(g_mu);
  if (g_tracemalloc_on.load(std::memory_order_relaxed)) return new_none();  // as CPython: the limit stays
  g_nframe.store(static_cast<int>(n), std::memory_order_relaxed);
  if (!g_store) g_store = std::make_shared<Store>();
  g_tracemalloc_on.store(true, std::memory_order_release);
  return new_none();
}

Ref<> tm_stop(Value, Value*) {
  std::shared_ptr<Store> old;
  {
    std::lock_guard<std::mutex> lock(g_mu);
    g_tracemalloc_on.store(false, std::memory_order_release);
    old = reset_locked(false);
  }
  old.reset();  // drops filename references with the lock released
  return new_none();
}

Ref<> tm_clear_traces(Value, Value*) {
  std::shared_ptr<Store> old;
  {
    std::lock_guard<std::mutex> lock(g_mu);
    if (!g_tracemalloc_on.load(std::memory_order_relaxed)) return new_none();
    old = reset_locked(true);
  }
  old.reset();
  return new_none();
}

Ref<> tm_is_tracing(Value, Value*) { return new_bool(g_tracemalloc_on.load(std::memory_order_relaxed)); }

Ref<> tm_get_traceback_limit(Value, Value*) { return small_int(g_nframe.load(std::memory_order_relaxed)); }

Ref<> tm_get_traced_memory(Value, Value*) {
  size_t cur = 0, peak = 0;
  {
    std::lock_guard<std::mutex> lock(g_mu);
    if (g_tracemalloc_on.load(std::memory_order_relaxed)) {
      cur = g_current;
      peak = g_peak;
    }
  }
  Ref<> c = int_from_int64(static_cast<int64_t>(cur));
  Ref<> p = int_from_int64(static_cast<int64_t>(peak));
  if (!c || !p) return nullptr;
  return tuple_pack({c.val(), p.val()});
}

Ref<> tm_reset_peak(Value, Value*) {
  std::lock_guard<std::mutex> lock(g_mu);
  if (g_tracemalloc_on.load(std::memory_order_relaxed)) g_peak = g_current;
  return new_none();
}

Ref<> tm_get_tracemalloc_memory(Value, Value*) {
  size_t bytes = 0;
  {
    std::lock_guard<std::mutex> lock(g_mu);
    if (g_traces) bytes += g_traces->bucket_count() * sizeof(void*) + g_traces->size() * (sizeof(Trace) + 32);
    if (g_store) {
      bytes += g_store->tracebacks.bucket_count() * sizeof(void*);
      for (const TTraceback* t : g_store->tracebacks) bytes += sizeof(TTraceback) + t->frames.size() * sizeof(TFrame);
      bytes += g_store->filenames.size() * 32;
    }
  }
  return int_from_int64(static_cast<int64_t>(bytes));
}

// Python form of a traceback: ((filename, lineno), ...), most recent first.
// `cache` keeps one tuple per traceback (a snapshot shares them).
Ref<> tb_to_tuple(const TTraceback* tb, std::unordered_map<const TTraceback*, Ref<>>* cache, Value unknown) {
  auto it = cache->find(tb);
  if (it != cache->end()) return it->second;
  Ref<Tuple> t = tuple_new(static_cast<int64_t>(tb->frames.size()));
  if (!t) return nullptr;
  for (size_t i = 0; i < tb->frames.size(); i++) {
    const TFrame& f = tb->frames[i];
    Ref<> line = int_from_int64(f.lineno);
    if (!line) return nullptr;
    Ref<Tuple> fr = tuple_pack({f.filename ? Value(f.filename) : unknown, line.val()});
    if (!fr) return nullptr;
    tuple_init_item(t.get(), static_cast<int64_t>(i), std::move(fr));
  }
  Ref<> r = std::move(t);
  cache->emplace(tb, r);
  return r;
}

Ref<Str> unknown_name() { return str_from_utf8("<unknown>"); }

Ref<> tm_get_traces(Value, Value*) {
  std::vector<Trace> copy;
  std::shared_ptr<Store> store;  // keeps the tracebacks alive while we read them
  {
    std::lock_guard<std::mutex> lock(g_mu);
    if (!g_tracemalloc_on.load(std::memory_order_relaxed) || !g_traces) return list_new();
    store = g_store;
    copy.reserve(g_traces->size());
    for (auto& kv : *g_traces) copy.push_back(kv.second);
  }
  Ref<Str> unknown = unknown_name();
  if (!unknown) return nullptr;
  std::unordered_map<const TTraceback*, Ref<>> cache;
  Ref<List> out = list_new();
  if (!out) return nullptr;
  Ref<> domain = small_int(0);
  for (const Trace& t : copy) {
    Ref<> tb = tb_to_tuple(t.tb, &cache, unknown.val());
    Ref<> size = int_from_int64(static_cast<int64_t>(t.size));
    Ref<> total = int_from_int64(t.tb->total_nframe);
    if (!tb || !size || !total) return nullptr;
    Ref<Tuple> item = tuple_pack({domain.val(), size.val(), tb.val(), total.val()});
    if (!item || list_append(out.val(), item.val()) < 0) return nullptr;
  }
  return out;
}

Ref<> tm_get_object_traceback(Value, Value* a) {
  Value v = a[0];
  if (!v.is_obj()) return new_none();
  Object* o = v.obj();
  uintptr_t key = (o->ob_gc_bits & kGcTracked) ? reinterpret_cast<uintptr_t>(gc_head_of(o))
                                                : reinterpret_cast<uintptr_t>(o);
  const TTraceback* tb = nullptr;
  std::shared_ptr<Store> store;
  {
    std::lock_guard<std::mutex> lock(g_mu);
    if (!g_tracemalloc_on.load(std::memory_order_relaxed) || !g_traces) return new_none();
    auto it = g_traces->find(key);
    if (it == g_traces->end()) return new_none();
    tb = it->second.tb;
    store = g_store;
  }
  Ref<Str> unknown = unknown_name();
  if (!unknown) return nullptr;
  std::unordered_map<const TTraceback*, Ref<>> cache;
  return tb_to_tuple(tb, &cache, unknown.val());
}

const MethodDef kTracemallocFunctions[] = {
    {"start(nframe=?, /)", tm_start,
     "Start tracing Python memory allocations.\n\nAlso set the maximum number of frames stored in the traceback of "
     "a\ntrace to nframe."},
    {"stop()", tm_stop, "Stop tracing Python memory allocations.\n\nAlso clear traces of memory blocks allocated "
                        "by Python."},
    {"is_tracing()", tm_is_tracing, "Return True if the tracemalloc module is tracing Python memory allocations."},
    {"clear_traces()", tm_clear_traces, "Clear traces of memory blocks allocated by Python."},
    {"get_traceback_limit()", tm_get_traceback_limit,
     "Get the maximum number of frames stored in the traceback of a trace.\n\nBy default, a trace of an allocated "
     "memory block only stores\nthe most recent frame: the limit is 1."},
    {"get_traced_memory()", tm_get_traced_memory,
     "Get the current size and peak size of memory blocks traced by tracemalloc.\n\nReturns a tuple: (current: "
     "int, peak: int)."},
    {"reset_peak()", tm_reset_peak,
     "Set the peak size of memory blocks traced by tracemalloc to the current size.\n\nDo nothing if the "
     "tracemalloc module is not tracing memory allocations."},
    {"get_tracemalloc_memory()", tm_get_tracemalloc_memory,
     "Get the memory usage in bytes of the tracemalloc module.\n\nThis memory is used internally to trace memory "
     "allocations."},
    {"_get_traces()", tm_get_traces,
     "Get traces of all memory blocks allocated by Python.\n\nReturn a list of (size: int, traceback: tuple) "
     "tuples.\ntraceback is a tuple of (filename: str, lineno: int) tuples.\n\nReturn an empty list if the "
     "tracemalloc module is disabled."},
    {"_get_object_traceback(obj, /)", tm_get_object_traceback,
     "Get the traceback where the Python object obj was allocated.\n\nReturn a tuple of (filename: str, lineno: "
     "int) tuples.\nReturn None if the tracemalloc module is disabled or did not\ntrace the allocation of the "
     "object."},
    {nullptr}};

}  // namespace

Ref<> tracemalloc_module_create() {
  Ref<> m = module_new("_tracemalloc");
  if (!m) return nullptr;
  if (native_add_functions(m.val(), kTracemallocFunctions) < 0) return nullptr;
  Ref<Str> doc = str_from_utf8("Debug module to trace memory blocks allocated by Python.");
  if (!doc || dict_set_item_str(module_dict(m.val()), "__doc__", doc.val()) < 0) return nullptr;
  return m;
}

}  // namespace ftpy
