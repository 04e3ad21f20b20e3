// The id index of a snapshot: which position holds each project id.
//
// A snapshot checks every id it takes for a duplicate, so reading a file asks
// this index once per row. std::unordered_map allocated a node per id and
// chased two pointers per lookup; this table is one flat array of 8-byte
// slots (a 32-bit hash and a position), open addressing with linear probing,
// at most half full. A lookup reads one or two adjacent slots and touches a
// project only when the whole 32-bit hash matches.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <stdexcept>
#include <vector>

#include "pledgetrack/model/project_id.hpp"

namespace pledgetrack {

/// project_id → position in a sequence the caller owns. The ids themselves
/// stay in that sequence: every call takes `id_at`, a function from a
/// position to the id there.
///
///     id_index index;
///     index.insert(id, 0, id_at);   // nullopt: it was not there yet
///     index.find(id, id_at);        // 0
class id_index {
 public:
  /// Makes room for `n` ids without growing again.
  void reserve(std::size_t n) {
    if (2 * n > slots_.size()) rehash(capacity_for(n));
  }

  /// Gives back the room reserve() made beyond what the ids need.
  void shrink_to_fit() {
    if (capacity_for(size_) < slots_.size()) rehash(capacity_for(size_));
  }

  [[nodiscard]] std::size_t size() const noexcept { return size_; }
  /// How many ids fit before the table grows.
  [[nodiscard]] std::size_t capacity() const noexcept { return slots_.size() / 2; }

  /// The position of `id`, or nullopt.
  template <class IdAt>
  [[nodiscard]] std::optional<std::size_t> find(const project_id& id, IdAt&& id_at) const {
    if (slots_.empty()) return std::nullopt;
    const std::uint32_t h = hash_of(id);
    for (std::size_t i = h & mask(); slots_[i].occupied(); i = (i + 1) & mask())
      if (slots_[i].hash == h && id_at(slots_[i].position()) == id) return slots_[i].position();
    return std::nullopt;
  }

  /// Starts loading the slot where `id` would be, so that a find or insert
  /// soon after does not wait for memory (a hint; it changes nothing).
  /// Always inlined: GCC takes a function that only prefetches for a pure
  /// one and drops the call, since its result is unused.
  [[gnu::always_inline]] void prefetch(const project_id& id) const noexcept {
    if (!slots_.empty()) __builtin_prefetch(&slots_[hash_of(id) & mask()]);
  }

  /// Records that `id` is at `position`, unless the id is there already:
  /// then nothing changes and the position it has is returned.
  template <class IdAt>
  std::optional<std::size_t> insert(const project_id& id, std::size_t position, IdAt&& id_at) {
    if (position >= max_positions) throw std::length_error("id_index: more than 2^32 - 1 projects");
    if (2 * (size_ + 1) > slots_.size()) rehash(capacity_for(size_ + 1));
    const std::uint32_t h = hash_of(id);
    std::size_t i = h & mask();
    for (; slots_[i].occupied(); i = (i + 1) & mask())
      if (slots_[i].hash == h && id_at(slots_[i].position()) == id) return slots_[i].position();
    slots_[i] = {h, static_cast<std::uint32_t>(position + 1)};
    ++size_;
    last_insert_ = i;
    return std::nullopt;
  }

  /// Takes back the last insert that added an id (for a caller whose own
  /// step after the insert failed). Emptying that slot cannot cut another
  /// id's probe: every id placed since the slot was filled would have been
  /// inserted later, and there is none. Call it at most once per insert.
  void forget_last_insert() noexcept {
    if (last_insert_ >= slots_.size() || !slots_[last_insert_].occupied()) return;
    slots_[last_insert_] = {};
    --size_;
    last_insert_ = static_cast<std::size_t>(-1);
  }

 private:
  static constexpr std::size_t max_positions = 0xFFFFFFFFU;

  struct slot {
    std::uint32_t hash = 0;
    std::uint32_t position_plus_one = 0;  // 0: empty
    [[nodiscard]] bool occupied() const noexcept { return position_plus_one != 0; }
    [[nodiscard]] std::size_t position() const noexcept { return position_plus_one - 1; }
  };

  /// project_id::hash is cheap but not well spread (ids 1-1, 1-2 … differ in
  /// a few bits); the MurmurHash3 finaliser spreads them before the low bits
  /// choose a slot.
  [[gnu::always_inline]] static std::uint32_t hash_of(const project_id& id) noexcept {
    std::uint64_t k = id.hash();
    k ^= k >> 33;
    k *= 0xFF51AFD7ED558CCDULL;
    k ^= k >> 33;
    k *= 0xC4CEB9FE1A85EC53ULL;
    k ^= k >> 33;
    return static_cast<std::uint32_t>(k);
  }

  /// The smallest power of two, at least 16, that holds `n` ids half full.
  static std::size_t capacity_for(std::size_t n) noexcept {
    std::size_t c = 16;
    while (c < 2 * n) c *= 2;
    return c;
  }

  [[nodiscard]] std::size_t mask() const noexcept { return slots_.size() - 1; }

  // The stored hashes are enough to place every id again: growing touches
  // no project.
  void rehash(std::size_t capacity) {
    last_insert_ = static_cast<std::size_t>(-1);
    std::vector<slot> old(capacity);
    old.swap(slots_);
    for (const slot& s : old) {
      if (!s.occupied()) continue;
      std::size_t i = s.hash & mask();
      while (slots_[i].occupied()) i = (i + 1) & mask();
      slots_[i] = s;
    }
  }

  std::vector<slot> slots_;
  std::size_t size_ = 0;
  std::size_t last_insert_ = static_cast<std::size_t>(-1);  // slot of the last id added
};

}  // namespace pledgetrack
