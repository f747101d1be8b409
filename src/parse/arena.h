// Bump allocator that owns AST nodes. Everything allocated from one Arena is
// freed at once when the Arena dies; destructors of non-trivial objects (the
// std::vector / std::string members of nodes) run then, in reverse order.
#pragma once

#include <cstddef>
#include <cstdlib>
#include <new>
#include <type_traits>
#include <utility>
#include <vector>

namespace ftpy {

class Arena {
 public:
  Arena() = default;
  Arena(const Arena&) = delete;
  Arena& operator=(const Arena&) = delete;
  ~Arena() {
    for (size_t i = dtors_.size(); i-- > 0;) dtors_[i].fn(dtors_[i].obj);
    for (void* b : blocks_) std::free(b);
  }

  template <class T, class... Args>
  T* make(Args&&... args) {
    void* mem = allocate(sizeof(T), alignof(T));
    T* obj = new (mem) T(std::forward<Args>(args)...);
    if constexpr (!std::is_trivially_destructible_v<T>)
      dtors_.push_back({obj, [](void* p) { static_cast<T*>(p)->~T(); }});
    return obj;
  }

  void* allocate(size_t size, size_t align) {
    size_t p = (used_ + align - 1) & ~(align - 1);
    if (!cur_ || p + size > cap_) {
      size_t cap = size > kBlock / 2 ? size + align : kBlock;
      cur_ = static_cast<char*>(std::malloc(cap));
      if (!cur_) throw std::bad_alloc();
      blocks_.push_back(cur_);
      cap_ = cap;
      p = 0;  // malloc memory is suitably aligned for any node
    }
    used_ = p + size;
    return cur_ + p;
  }

 private:
  static constexpr size_t kBlock = 64 * 1024;
  struct Dtor {
    void* obj;
    void (*fn)(void*);
  };
  char* cur_ = nullptr;
  size_t used_ = 0, cap_ = 0;
  std::vector<void*> blocks_;
  std::vector<Dtor> dtors_;
};

}  // namespace ftpy
