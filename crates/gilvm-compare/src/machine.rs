//! The machine's own multi-thread ceiling.
//!
//! A scaling figure of an interpreter can only be read against what the machine gives to
//! native code: on a virtual machine whose cores are hyper-threads of one physical core, or
//! whose host is busy, two threads of perfectly independent work do not run at twice the
//! throughput of one. This times a native CPU-bound loop (registers only: no memory shared,
//! nothing allocated) on 1 thread and on T threads at once, the same work per thread, and
//! reports T × time(1) / time(T), the best any interpreter could show in the same run.
use std::hint::black_box;
use std::time::Instant;

use crate::stats::Summary;

/// Iterations of the loop per thread (about 50 ms on a 2020s x86-64 core).
const ITERS: u64 = 60_000_000;

fn spin(seed: u64) -> u64 {
    let mut x = seed | 1;
    for _ in 0..black_box(ITERS) {
        // xorshift64: three dependent shifts and xors per step, no memory traffic.
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
    }
    x
}

/// Seconds for `threads` threads each running the loop once, started together.
fn time(threads: usize) -> f64 {
    let start = Instant::now();
    std::thread::scope(|s| {
        let hs: Vec<_> = (0..threads)
            .map(|i| s.spawn(move || black_box(spin(i as u64 + 1))))
            .collect();
        for h in hs {
            let _ = h.join();
        }
    });
    start.elapsed().as_secs_f64()
}

/// Speedups at `threads` threads over `rounds` rounds (each times 1 thread, then
/// `threads`), after one warm-up; empty for fewer than 2 threads.
pub fn samples(threads: usize, rounds: usize) -> Vec<f64> {
    if threads < 2 {
        return Vec::new();
    }
    time(1);
    (0..rounds.max(1))
        .map(|_| {
            let one = time(1);
            let many = time(threads);
            threads as f64 * one / many
        })
        .collect()
}

/// The ceiling as reported: the summary of `samples`.
pub fn ceiling(samples: &[f64]) -> Option<Summary> {
    Summary::of(samples)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_thread_has_no_ceiling_and_two_threads_have_a_positive_one() {
        assert!(samples(1, 1).is_empty());
        let xs = samples(2, 2);
        assert_eq!(xs.len(), 2);
        let s = ceiling(&xs).expect("two threads give a figure");
        assert!(s.median > 0.0 && s.median.is_finite());
    }
}
