//! Helpers for the interoperability tests: running a Python peer under tests/interop/, and
//! tampering with a token.
// Each test binary includes this module and uses a different subset of it.
#![allow(dead_code)]

use std::io::Write;
use std::process::{Command, Stdio};

use jwt_debugger::jwt::json::{self, Value};

/// Runs `tests/interop/<script> <mode>` with `input` on its stdin; its answer is a JSON array.
/// `needs` names what `make setup` installs for it, for the message when it fails.
pub fn peer(script: &str, mode: &str, input: &str, needs: &str) -> Vec<Value> {
    let path = format!("{}/tests/interop/{script}", env!("CARGO_MANIFEST_DIR"));
    let mut child = Command::new("python3")
        .args([path.as_str(), mode])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .unwrap_or_else(|e| panic!("python3 runs (make setup installs {needs}): {e}"));
    child
        .stdin
        .take()
        .unwrap()
        .write_all(input.as_bytes())
        .unwrap();
    let output = child.wait_with_output().unwrap();
    assert!(
        output.status.success(),
        "the Python peer {script} failed ({mode}): is {needs} installed? (make setup)"
    );
    match json::parse(&String::from_utf8(output.stdout).unwrap()).unwrap() {
        Value::Array(items) => items,
        other => panic!("unexpected peer output {other:?}"),
    }
}

/// The text of `tests/vectors/keys/<name>`.
pub fn key_file(name: &str) -> String {
    let path = format!("{}/tests/vectors/keys/{name}", env!("CARGO_MANIFEST_DIR"));
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

/// The token with one character of its payload changed (the third, which is never a
/// trailing-bits character, so the decoded bytes really change).
pub fn tamper(token_text: &str) -> String {
    let at = token_text.find('.').unwrap() + 3;
    let mut chars: Vec<char> = token_text.chars().collect();
    chars[at] = if chars[at] == 'A' { 'B' } else { 'A' };
    chars.into_iter().collect()
}
