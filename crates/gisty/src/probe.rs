//! Open-addressing hash tables of small integer keys (packed short
//! words): the word forms and stems of [`crate::analyze`], the short
//! abbreviations of [`crate::segment`]. A key of zero marks an empty
//! slot, so keys are never zero.

/// Where the probe for the key of halves `lo` and `hi` starts, before
/// masking: one folded multiply of the halves.
#[inline]
fn folded_home(lo: u64, hi: u64) -> usize {
    let m = u128::from(lo ^ 0x243f_6a88_85a3_08d3)
        * u128::from(hi ^ 0x1319_8a2e_0370_7344);
    ((m as u64) ^ ((m >> 64) as u64)) as usize
}

/// A key of [`Probed`]: its zero (`Default`) marks an empty slot.
pub(crate) trait ProbeKey: Copy + Default + PartialEq {
    /// The slots of a table's first allocation.
    const MIN_SLOTS: usize;
    /// Where its probe starts in a table of `mask + 1` slots, a power of
    /// two, which is also `1 << (64 - shift)` (or past the end of a table
    /// without slots).
    fn home(self, shift: u32, mask: usize) -> usize;
}

impl ProbeKey for u64 {
    const MIN_SLOTS: usize = 1 << 12;
    #[inline]
    fn home(self, shift: u32, _: usize) -> usize {
        // Fibonacci hashing: the top bits of one multiply.
        self.wrapping_mul(0x9e37_79b9_7f4a_7c15).wrapping_shr(shift) as usize
    }
}

impl ProbeKey for [u64; 2] {
    const MIN_SLOTS: usize = 1 << 12;
    #[inline]
    fn home(self, _: u32, mask: usize) -> usize {
        folded_home(self[0], self[1]) & mask
    }
}

/// An open-addressing table of keys (not zero) and their values, at most
/// half full, so that a lookup is mostly one hash and one probe.
#[derive(Debug, Default)]
pub(crate) struct Probed<K, V> {
    slots: Vec<(K, V)>,
    /// The number of keys.
    len: usize,
    /// 64 less the bits of a slot's index (0 while there are no slots).
    shift: u32,
}

impl<K: ProbeKey, V: Copy + Default> Probed<K, V> {
    /// An empty table with room for `n` keys before it grows: for a set
    /// of keys known in advance, smaller than a first growth makes it.
    pub(crate) fn with_capacity(n: usize) -> Self {
        let slots = (2 * n + 1).next_power_of_two().max(16);
        Probed {
            slots: vec![(K::default(), V::default()); slots],
            len: 0,
            shift: 64 - slots.trailing_zeros(),
        }
    }

    /// The number of keys.
    #[cfg(test)]
    pub(crate) fn len(&self) -> usize {
        self.len
    }

    /// The value of `key` (not zero).
    ///
    /// The first two probes, which mostly find the key or an empty slot,
    /// are inlined (written out: a helper for a probe compiles worse);
    /// the rest of a collision's run is [`Self::get_from`].
    #[inline]
    pub(crate) fn get(&self, key: K) -> Option<V> {
        // With no slots, `mask` is all ones and `get` finds none.
        let mask = self.slots.len().wrapping_sub(1);
        let i = key.home(self.shift, mask);
        let &(k, value) = self.slots.get(i)?;
        if k == key {
            return Some(value);
        }
        if k == K::default() {
            return None;
        }
        let i = (i + 1) & mask;
        let &(k, value) = self.slots.get(i)?;
        if k == key {
            return Some(value);
        }
        if k == K::default() {
            return None;
        }
        self.get_from((i + 1) & mask, key)
    }

    /// [`get`](Self::get) from the slot `i` on.
    #[cold]
    #[inline(never)]
    fn get_from(&self, mut i: usize, key: K) -> Option<V> {
        let mask = self.slots.len().wrapping_sub(1);
        loop {
            let &(k, value) = self.slots.get(i)?;
            if k == key {
                return Some(value);
            }
            if k == K::default() {
                return None;
            }
            i = (i + 1) & mask;
        }
    }

    /// Adds `key` (not zero, not in the table) with `value`.
    pub(crate) fn insert(&mut self, key: K, value: V) {
        if 2 * (self.len + 1) > self.slots.len() {
            self.grow();
        }
        self.len += 1;
        self.place(key, value);
    }

    /// Puts `key` in the first free slot from its home.
    fn place(&mut self, key: K, value: V) {
        let mask = self.slots.len().wrapping_sub(1);
        let mut i = key.home(self.shift, mask);
        while let Some(s) = self.slots.get_mut(i) {
            if s.0 == K::default() {
                *s = (key, value);
                return;
            }
            i = (i + 1) & mask;
        }
    }

    /// Doubles the slots (or makes the first ones).
    #[cold]
    fn grow(&mut self) {
        let n = (2 * self.slots.len()).max(K::MIN_SLOTS);
        let empty = (K::default(), V::default());
        let old = std::mem::replace(&mut self.slots, vec![empty; n]);
        self.shift = 64 - n.trailing_zeros();
        for (key, value) in old {
            if key != K::default() {
                self.place(key, value);
            }
        }
    }

    /// Removes every key, keeping the slots.
    pub(crate) fn clear(&mut self) {
        self.slots.fill((K::default(), V::default()));
        self.len = 0;
    }
}
