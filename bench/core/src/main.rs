//! Native core throughput: prints `{"HS256": verifications per second, ...}` for every measured
//! algorithm. Usage: `jwt-bench-core [millis] [alg...]` (default 1000 ms per algorithm, all
//! algorithms; naming some is handy under a profiler).

use std::process::ExitCode;

use jwt_bench_core::{ALGORITHMS, verify_per_second};

fn main() -> ExitCode {
    let mut args = std::env::args().skip(1);
    let millis = match args.next().map(|a| a.parse::<f64>()) {
        None => 1000.0,
        Some(Ok(millis)) => millis,
        Some(Err(_)) => {
            eprintln!("usage: jwt-bench-core [millis per algorithm] [alg...]");
            return ExitCode::FAILURE;
        }
    };
    let named: Vec<String> = args.collect();
    let mut fields = Vec::new();
    for alg in ALGORITHMS {
        if !named.is_empty() && !named.iter().any(|n| n == alg) {
            continue;
        }
        match verify_per_second(alg, millis) {
            Ok(ops) => fields.push(format!("\"{alg}\": {ops:.1}")),
            Err(error) => {
                eprintln!("jwt-bench-core: {error}");
                return ExitCode::FAILURE;
            }
        }
    }
    println!("{{{}}}", fields.join(", "));
    ExitCode::SUCCESS
}
