// list.sort: a stable natural merge sort.
//
// The algorithm: find the runs already present in the data (non-descending, or
// strictly descending which are reversed in place, so stability holds), extend
// short runs to a minimum length with binary insertion sort, and merge runs
// kept on a stack whose lengths grow like Fibonacci numbers (so every element
// takes part in O(log n) merges and the total is O(n log n), with O(n) on
// sorted or reverse-sorted input). A merge whose two runs are already in order
// costs one comparison.
//
// Errors: a comparison may raise. Every routine reports failure upward, and a
// merge interrupted by an error copies its pending elements back, so the array
// is always a permutation of the input: no item is lost or duplicated.
//
// Thread safety and re-entrancy: the whole sort holds the list's critical
// section, so other threads' mutations wait for it instead of being lost. The
// items are detached from the list first (it looks empty while sorting, as in
// CPython), because comparisons and key functions run arbitrary Python code:
// the same thread may re-enter the list, and code that blocks releases the
// section (critical_section.h), letting other threads in. If the list was
// changed meanwhile, the changes are discarded and ValueError("list modified
// during sort") is raised. Lock-free readers (list.h) may still be reading the
// detached array, so the sort works on a private copy, and the detached array
// and anything discarded are retired through QSBR.
#include <algorithm>
#include <vector>

#include "objects/errors.h"
#include "objects/float.h"
#include "objects/list.h"
#include "objects/protocol.h"
#include "objects/str.h"
#include "runtime/critical_section.h"
#include "runtime/heap.h"
#include "runtime/qsbr.h"

namespace ftpy {

namespace {

enum class CmpKind { kGeneric, kSmallInt, kStr, kFloat };

class Sorter {
 public:
  Sorter(Value* keys, Value* vals, int64_t n) : keys_(keys), vals_(vals), n_(n) {
    kind_ = pick_kind();
  }

  // Returns false with an exception pending.
  bool sort() {
    if (n_ < 2) return true;
    int64_t minrun = min_run(n_);
    int64_t lo = 0;
    while (lo < n_) {
      int64_t run = count_run(lo);
      if (run < 0) return false;
      if (run < minrun) {
        int64_t force = std::min(minrun, n_ - lo);
        if (!insertion_sort(lo, lo + force, lo + run)) return false;
        run = force;
      }
      stack_.push_back({lo, run});
      if (!merge_collapse()) return false;
      lo += run;
    }
    while (stack_.size() > 1) {
      size_t i = stack_.size() - 2;
      if (i > 0 && stack_[i - 1].len < stack_[i + 1].len) i--;
      if (!merge_at(i)) return false;
    }
    return true;
  }

 private:
  struct Run {
    int64_t start, len;
  };

  CmpKind pick_kind() {
    Type* t0 = type_of(keys_[0]);
    bool all_small = true, all_same = true;
    for (int64_t i = 0; i < n_; i++) {
      Value k = keys_[i];
      if (!k.is_small()) all_small = false;
      if (type_of(k) != t0) all_same = false;
      if (!all_small && !all_same) return CmpKind::kGeneric;
    }
    if (all_small) return CmpKind::kSmallInt;
    if (all_same && t0 == &g_str_type) return CmpKind::kStr;
    if (all_same && t0 == &g_float_type) return CmpKind::kFloat;
    return CmpKind::kGeneric;
  }

  static int64_t min_run(int64_t n) {
    int64_t r = 0;
    while (n >= 64) {
      r |= n & 1;
      n >>= 1;
    }
    return n + r;
  }

  // 1 if a < b, 0 if not, -1 on error.
  int lt(Value a, Value b) const {
    switch (kind_) {
      case CmpKind::kSmallInt: return a.small_value() < b.small_value();
      case CmpKind::kStr: return str_compare(a.as<Str>(), b.as<Str>()) < 0;
      case CmpKind::kFloat: return float_value(a) < float_value(b);
      default: return richcompare_bool(a, b, kLt);
    }
  }

  void swap_items(int64_t i, int64_t j) {
    std::swap(keys_[i], keys_[j]);
    if (vals_) std::swap(vals_[i], vals_[j]);
  }

  void reverse_range(int64_t lo, int64_t hi) {
    for (hi--; lo < hi; lo++, hi--) swap_items(lo, hi);
  }

  // Length of the run starting at lo (descending runs are reversed), or -1.
  int64_t count_run(int64_t lo) {
    int64_t i = lo + 1;
    if (i == n_) return 1;
    int c = lt(keys_[i], keys_[lo]);
    if (c < 0) return -1;
    if (c) {
      for (i++; i < n_; i++) {
        c = lt(keys_[i], keys_[i - 1]);
        if (c < 0) return -1;
        if (!c) break;
      }
      reverse_range(lo, i);
    } else {
      for (i++; i < n_; i++) {
        c = lt(keys_[i], keys_[i - 1]);
        if (c < 0) return -1;
        if (c) break;
      }
    }
    return i - lo;
  }

  // [lo, start) is sorted; insert [start, hi) one by one (binary search for the
  // position after all equal elements keeps it stable).
  bool insertion_sort(int64_t lo, int64_t hi, int64_t start) {
    for (int64_t i = start; i < hi; i++) {
      Value pk = keys_[i];
      int64_t l = lo, r = i;
      while (l < r) {
        int64_t mid = l + (r - l) / 2;
        int c = lt(pk, keys_[mid]);
        if (c < 0) return false;
        if (c) r = mid;
        else l = mid + 1;
      }
      Value pv = vals_ ? vals_[i] : Value();
      for (int64_t j = i; j > l; j--) {
        keys_[j] = keys_[j - 1];
        if (vals_) vals_[j] = vals_[j - 1];
      }
      keys_[l] = pk;
      if (vals_) vals_[l] = pv;
    }
    return true;
  }

  // Keep the stack invariants: len[i-2] > len[i-1] + len[i] and len[i-1] > len[i].
  bool merge_collapse() {
    while (stack_.size() > 1) {
      size_t n = stack_.size() - 2;
      bool bad = (n > 0 && stack_[n - 1].len <= stack_[n].len + stack_[n + 1].len) ||
                 (n > 1 && stack_[n - 2].len <= stack_[n - 1].len + stack_[n].len);
      if (bad) {
        if (stack_[n - 1].len < stack_[n + 1].len) n--;
      } else if (stack_[n].len > stack_[n + 1].len) {
        break;
      }
      if (!merge_at(n)) return false;
    }
    return true;
  }

  // Merge stack runs i and i+1 (adjacent in the array).
  bool merge_at(size_t i) {
    Run a = stack_[i], b = stack_[i + 1];
    stack_[i].len = a.len + b.len;
    stack_.erase(stack_.begin() + static_cast<long>(i) + 1);
    // Already in order: the last of `a` is not greater than the first of `b`.
    int c = lt(keys_[b.start], keys_[b.start - 1]);
    if (c < 0) return false;
    if (!c) return true;
    // Copy `a` out and merge forwards into its place.
    tmp_keys_.assign(keys_ + a.start, keys_ + a.start + a.len);
    if (vals_) tmp_vals_.assign(vals_ + a.start, vals_ + a.start + a.len);
    int64_t ia = 0, ib = b.start, end_b = b.start + b.len, dest = a.start;
    bool ok = true;
    while (ia < a.len && ib < end_b) {
      int r = lt(keys_[ib], tmp_keys_[ia]);
      if (r < 0) {
        ok = false;
        break;
      }
      if (r) {
        keys_[dest] = keys_[ib];
        if (vals_) vals_[dest] = vals_[ib];
        ib++;
      } else {
        keys_[dest] = tmp_keys_[ia];
        if (vals_) vals_[dest] = tmp_vals_[ia];
        ia++;
      }
      dest++;
    }
    // Whatever of `a` is left fills the gap before the rest of `b` (also after
    // an error, so nothing is lost).
    for (; ia < a.len; ia++, dest++) {
      keys_[dest] = tmp_keys_[ia];
      if (vals_) vals_[dest] = tmp_vals_[ia];
    }
    return ok;
  }

  Value* keys_;
  Value* vals_;  // null when the keys are the values
  int64_t n_;
  CmpKind kind_;
  std::vector<Run> stack_;
  std::vector<Value> tmp_keys_, tmp_vals_;
};

}  // namespace

int list_sort(Value lv, Value key, bool reverse) {
  List* l = lv.as<List>();
  int status = 0;
  ListArray* cur;  // what the list holds when the sort ends
  int64_t cur_n;
  {
    CriticalSection cs(l);
    ListArray* detached = l->array.load(std::memory_order_relaxed);
    int64_t n = l->size.load(std::memory_order_relaxed);
    l->array.store(nullptr, std::memory_order_release);
    l->size.store(0, std::memory_order_release);
    ListArray* mine = detached;
    if (detached) {
      mine = list_array_new(detached->capacity);
      if (mine) {
        std::copy(detached->slots(), detached->slots() + n, mine->slots());
        qsbr_retire_memory(detached);
      } else {
        mine = detached;  // put it back unsorted
        status = -1;
      }
    }
    Value* items = mine ? mine->slots() : nullptr;
    std::vector<Value> keys;  // owned references when a key function is given
    if (status == 0 && !key.is_null() && n > 0) {
      keys.reserve(static_cast<size_t>(n));
      for (int64_t i = 0; i < n; i++) {
        Ref<> k = call1(key, items[i]);
        if (!k) {
          status = -1;
          break;
        }
        keys.push_back(k.release());
      }
    }
    if (status == 0 && n > 1) {
      Value* kp = keys.empty() ? items : keys.data();
      Value* vp = keys.empty() ? nullptr : items;
      // reverse=True: reverse, sort stably, reverse again, so equal elements keep
      // their original order.
      if (reverse) {
        std::reverse(kp, kp + n);
        if (vp) std::reverse(vp, vp + n);
      }
      Sorter s(kp, vp, n);
      if (!s.sort()) status = -1;
      if (reverse) {
        std::reverse(kp, kp + n);
        if (vp) std::reverse(vp, vp + n);
      }
    }
    for (Value k : keys) decref(k);
    // Put the items back; discard anything the list got meanwhile.
    cur = l->array.load(std::memory_order_relaxed);
    cur_n = l->size.load(std::memory_order_relaxed);
    l->array.store(mine, std::memory_order_release);
    l->size.store(n, std::memory_order_release);
  }
  if (cur) {
    for (int64_t i = 0; i < cur_n; i++) qsbr_retire_value(cur->slots()[i]);
    qsbr_retire_memory(cur);
    if (status == 0) {
      err_set_str(g_ValueError, "list modified during sort");
      status = -1;
    }
  }
  return status;
}

}  // namespace ftpy
