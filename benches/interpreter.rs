//! Criterion benches of whole (small) Python programs through the embedding API: a
//! counting loop, recursive calls, and dict/string work. The programs are in
//! `benches/programs/`, with `N` substituted so each iteration takes a few milliseconds.
use criterion::{criterion_group, criterion_main, Criterion};

use gilvm_vm::{Config, Vm};

fn program(name: &str, n: u64) -> String {
    let path = format!("{}/benches/programs/{name}.py", env!("CARGO_MANIFEST_DIR"));
    let src = std::fs::read_to_string(&path).expect("bench program");
    // Silence the program's print: the bench measures the work, not the output.
    format!("N = {n}\nprint = lambda *a, **k: None\n{src}")
}

fn bench(c: &mut Criterion) {
    let vm = Vm::new(Config::default());
    let mut g = c.benchmark_group("interpreter");
    g.sample_size(20);
    for (name, n) in [
        ("count_loop", 1_000_000u64),
        ("fib", 22),
        ("dict_str", 100_000),
    ] {
        let src = program(name, n);
        g.bench_function(name, |b| {
            b.iter(|| {
                let status = vm.run_source(&src, "<bench>");
                assert_eq!(status, 0);
            })
        });
    }
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
