//! Small statistics over repeated timings and memory peaks.

/// Summary of several timings of one thing.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Summary {
    pub median: f64,
    pub min: f64,
    pub max: f64,
    pub n: usize,
}

impl Summary {
    /// Summarises `xs` (None when empty).
    pub fn of(xs: &[f64]) -> Option<Summary> {
        if xs.is_empty() {
            return None;
        }
        let mut v = xs.to_vec();
        v.sort_by(|a, b| a.total_cmp(b));
        let n = v.len();
        let median = if n % 2 == 1 {
            v[n / 2]
        } else {
            (v[n / 2 - 1] + v[n / 2]) / 2.0
        };
        Some(Summary {
            median,
            min: v[0],
            max: v[n - 1],
            n,
        })
    }

    /// The spread: half the min–max range, as a percentage of the median.
    pub fn spread_pct(&self) -> f64 {
        if self.median > 0.0 {
            (self.max - self.min) / 2.0 / self.median * 100.0
        } else {
            0.0
        }
    }
}

/// Geometric mean of positive values (None when empty).
pub fn geomean(xs: &[f64]) -> Option<f64> {
    let xs: Vec<f64> = xs
        .iter()
        .copied()
        .filter(|x| *x > 0.0 && x.is_finite())
        .collect();
    if xs.is_empty() {
        return None;
    }
    Some((xs.iter().map(|x| x.ln()).sum::<f64>() / xs.len() as f64).exp())
}

/// Bytes per object from the peak RSS (bytes) of two runs that built `n1 < n2` objects:
/// `(peak2 - peak1) / (n2 - n1)`. The difference cancels what both runs share (start-up,
/// the interpreter's own heap) and keeps what grows with the count: the object, what it
/// owns, its slot in the list that holds it and the allocator's overhead. Negative when the
/// larger run peaked lower (noise, or nothing per object); None when `n2 <= n1`.
pub fn bytes_per_object(peak1: f64, peak2: f64, n1: u64, n2: u64) -> Option<f64> {
    (n2 > n1).then(|| (peak2 - peak1) / (n2 - n1) as f64)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn median_and_spread() {
        let s = Summary::of(&[3.0, 1.0, 2.0]).unwrap();
        assert_eq!(s.median, 2.0);
        assert_eq!(s.spread_pct(), 50.0);
        assert_eq!(Summary::of(&[1.0, 2.0, 3.0, 10.0]).unwrap().median, 2.5);
        assert!(Summary::of(&[]).is_none());
    }

    #[test]
    fn geometric_mean() {
        assert!((geomean(&[2.0, 8.0]).unwrap() - 4.0).abs() < 1e-12);
        assert!(geomean(&[]).is_none());
        assert!((geomean(&[0.5, 2.0, 1.0]).unwrap() - 1.0).abs() < 1e-12);
        // Non-positive and non-finite values (a failed or negative figure) are left out.
        assert_eq!(geomean(&[4.0, 0.0, -1.0, f64::INFINITY]), Some(4.0));
    }

    #[test]
    fn bytes_per_object_cancels_the_common_part() {
        // 10 MB of start-up in both runs, 56 bytes per object.
        let base = 10e6;
        let b = bytes_per_object(
            base + 56.0 * 200_000.0,
            base + 56.0 * 1_000_000.0,
            200_000,
            1_000_000,
        );
        assert_eq!(b, Some(56.0));
        // KiB granularity of ru_maxrss: 4096 KiB more for 100,000 more objects.
        assert_eq!(
            bytes_per_object(8192.0 * 1024.0, 12288.0 * 1024.0, 100_000, 200_000),
            Some(41.943_04)
        );
        assert_eq!(bytes_per_object(2.0, 1.0, 1, 2), Some(-1.0));
        assert_eq!(bytes_per_object(1.0, 2.0, 5, 5), None);
        assert_eq!(bytes_per_object(1.0, 2.0, 6, 5), None);
    }
}
