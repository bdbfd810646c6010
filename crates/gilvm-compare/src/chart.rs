//! The scaling chart: speedup against threads, one line per variant, the ideal line
//! dashed; one panel per workload plus a first panel with the geometric mean.
use std::path::Path;

use plotters::prelude::*;

use crate::report::{mean_speedups, speedups};
use crate::suites::ScalingResult;
use crate::variants::Variant;

const COLORS: [RGBColor; 6] = [
    RGBColor(31, 119, 180),
    RGBColor(214, 39, 40),
    RGBColor(255, 127, 14),
    RGBColor(44, 160, 44),
    RGBColor(148, 103, 189),
    RGBColor(140, 86, 75),
];

fn err<E: std::fmt::Debug>(e: E) -> String {
    format!("chart: {e:?}")
}

/// Draws `path` (an SVG file).
pub fn draw(
    path: &Path,
    results: &[ScalingResult],
    variants: &[Variant],
    title: &str,
) -> Result<(), String> {
    let Some(first) = results.first() else {
        return Ok(());
    };
    let threads: Vec<f64> = first.threads.iter().map(|&t| t as f64).collect();
    let tmax = threads.last().copied().unwrap_or(1.0);

    // Panels: (caption, per-variant speedups).
    let mut panels: Vec<(String, Vec<Vec<Option<f64>>>)> = vec![(
        "geometric mean of all workloads".to_string(),
        (0..variants.len())
            .map(|vi| mean_speedups(results, vi))
            .collect(),
    )];
    for r in results {
        panels.push((
            r.bench.name.to_string(),
            (0..variants.len()).map(|vi| speedups(r, vi)).collect(),
        ));
    }
    let ymax = panels
        .iter()
        .flat_map(|(_, vs)| vs.iter().flatten().flatten().copied())
        .fold(tmax, f64::max)
        * 1.15;

    let cols = panels.len().min(4);
    let rows = panels.len().div_ceil(cols);
    let (w, h) = (300u32, 250u32);
    let root = SVGBackend::new(path, (w * cols as u32, h * rows as u32 + 36)).into_drawing_area();
    root.fill(&WHITE).map_err(err)?;
    let root = root.titled(title, ("sans-serif", 18)).map_err(err)?;
    let areas = root.split_evenly((rows, cols));

    for (pi, ((caption, series), area)) in panels.iter().zip(areas.iter()).enumerate() {
        let mut chart = ChartBuilder::on(area)
            .caption(caption, ("sans-serif", 14))
            .margin(8)
            .x_label_area_size(32)
            .y_label_area_size(36)
            .build_cartesian_2d(0.8..tmax + 0.2, 0.0..ymax)
            .map_err(err)?;
        chart
            .configure_mesh()
            .x_labels((2 * threads.len()).max(3))
            .y_labels(6)
            .x_desc("threads")
            .y_desc("speedup")
            .x_label_formatter(&|x| {
                if (x - x.round()).abs() < 1e-6 && *x >= 1.0 {
                    format!("{}", x.round())
                } else {
                    String::new()
                }
            })
            .y_label_formatter(&|y| format!("{y:.1}"))
            .light_line_style(WHITE)
            .label_style(("sans-serif", 11))
            .draw()
            .map_err(err)?;
        let ideal = threads.iter().map(|&t| (t, t));
        chart
            .draw_series(DashedLineSeries::new(
                ideal,
                5,
                4,
                BLACK.mix(0.6).stroke_width(1),
            ))
            .map_err(err)?
            .label("ideal")
            .legend(|(x, y)| PathElement::new(vec![(x, y), (x + 16, y)], BLACK.mix(0.6)));
        for (vi, sp) in series.iter().enumerate() {
            let color = COLORS[vi % COLORS.len()];
            let pts: Vec<(f64, f64)> = threads
                .iter()
                .zip(sp)
                .filter_map(|(&t, s)| s.map(|s| (t, s)))
                .collect();
            chart
                .draw_series(LineSeries::new(pts.clone(), color.stroke_width(2)))
                .map_err(err)?
                .label(variants[vi].name.as_str())
                .legend(move |(x, y)| {
                    PathElement::new(vec![(x, y), (x + 16, y)], color.stroke_width(2))
                });
            chart
                .draw_series(pts.iter().map(|&p| Circle::new(p, 3, color.filled())))
                .map_err(err)?;
        }
        if pi == 0 {
            chart
                .configure_series_labels()
                .position(SeriesLabelPosition::UpperLeft)
                .background_style(WHITE.mix(0.85))
                .border_style(BLACK.mix(0.3))
                .label_font(("sans-serif", 11))
                .draw()
                .map_err(err)?;
        }
    }
    root.present().map_err(err)?;
    Ok(())
}
