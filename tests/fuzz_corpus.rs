//! Replays the fuzzers' saved corpus (fuzz/corpus/<target>/) through the same entry points, so
//! every input that once mattered keeps passing in plain `cargo test`.
#![cfg(not(target_arch = "wasm32"))]

use std::fs;
use std::path::Path;

use jwt_debugger::harness;

fn replay(target: &str, run: fn(&[u8])) {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("fuzz/corpus")
        .join(target);
    let mut count = 0;
    for entry in fs::read_dir(&dir).unwrap_or_else(|e| panic!("{}: {e}", dir.display())) {
        let path = entry.unwrap().path();
        // A fuzzer running beside the tests may remove files it minimised away.
        let Ok(data) = fs::read(&path) else { continue };
        run(&data);
        count += 1;
    }
    assert!(count > 0, "no corpus for {target}");
}

#[test]
fn decode_token_corpus() {
    replay("decode_token", harness::decode_token);
}

#[test]
fn parse_key_corpus() {
    replay("parse_key", harness::parse_key);
}

#[test]
fn verify_token_corpus() {
    replay("verify_token", harness::verify_token);
}

#[test]
fn json_display_corpus() {
    replay("json_display", harness::json_display);
}

#[test]
fn decrypt_token_corpus() {
    replay("decrypt_token", harness::decrypt_token);
}

#[test]
fn sd_jwt_corpus() {
    replay("sd_jwt", harness::sd_jwt);
}

#[test]
fn x5c_corpus() {
    replay("x5c", harness::x5c);
}
