//! Keys locked with a passphrase, made in the test run by `ssh-keygen` and Python's `cryptography`
//! (both installed by `make setup`): they open here only with their passphrase, the keys opened
//! verify the tokens PyJWT signed with them, key derivations asking for too much work are refused
//! at once, and `ssh-keygen` reads the OpenSSH private key files written here.
#![cfg(not(target_arch = "wasm32"))]

mod interop;

use std::io::Write;
use std::os::unix::fs::OpenOptionsExt;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

use interop::tamper;

use jwt_debugger::jwt::json::{self, Value};
use jwt_debugger::jwt::keys::{self, KeyError, KeySet, SecretEncoding, export};
use jwt_debugger::jwt::verify::{self, Verdict};
use jwt_debugger::jwt::{sign, token};

const PASSPHRASE: &str = "correct horse battery";
/// One character off: a mistyped passphrase, not an unrelated one.
const WRONG: &str = "correct horse batterY";

/// A refusal for too much work must come before the work: far under the second the caps allow.
const FAST: Duration = Duration::from_secs(1);

/// A fresh directory under the system temp dir, removed when dropped (also when a test panics),
/// so no key made here outlives the run.
struct Scratch(PathBuf);

impl Scratch {
    fn new(name: &str) -> Self {
        let nanos = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .unwrap()
            .as_nanos();
        let dir = std::env::temp_dir().join(format!(
            "jwt-debugger-locked-{name}-{}-{nanos}",
            std::process::id()
        ));
        std::fs::create_dir(&dir).unwrap();
        Scratch(dir)
    }

    fn path(&self, file: &str) -> PathBuf {
        self.0.join(file)
    }
}

impl Drop for Scratch {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

/// Runs `ssh-keygen`; a missing one fails the test (make setup installs openssh-client).
fn ssh_keygen(args: &[&str]) -> Output {
    Command::new("ssh-keygen")
        .args(args)
        .stdin(Stdio::null())
        .output()
        .expect("ssh-keygen runs: install openssh-client (Debian) for this test")
}

/// `ssh-keygen -q -t <kind> [-b <bits>] [-a <rounds>] -N <passphrase> -f <file> -C test`.
fn ssh_key(file: &Path, kind: &str, bits: Option<&str>, rounds: Option<&str>) -> String {
    let mut args = vec!["-q", "-t", kind];
    if let Some(bits) = bits {
        args.extend(["-b", bits]);
    }
    if let Some(rounds) = rounds {
        args.extend(["-a", rounds]);
    }
    args.extend(["-N", PASSPHRASE, "-f", file.to_str().unwrap(), "-C", "test"]);
    let output = ssh_keygen(&args);
    assert!(
        output.status.success(),
        "ssh-keygen {args:?} failed: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    std::fs::read_to_string(file).unwrap()
}

/// Runs tests/interop/locked_peer.py (PyJWT and `cryptography`); its answer is a JSON array.
fn peer(mode: &str, input: &str) -> Vec<Value> {
    interop::peer(
        "locked_peer.py",
        mode,
        input,
        "PyJWT[crypto] with cryptography",
    )
}

/// A JSON string literal (paths and passphrases here have no control characters).
fn quoted(text: &str) -> String {
    format!("\"{}\"", text.replace('\\', "\\\\").replace('"', "\\\""))
}

fn text(item: &Value, member: &str) -> String {
    item.get(member)
        .and_then(Value::as_str)
        .unwrap_or_else(|| panic!("no \"{member}\" in {item:?}"))
}

fn open(key_text: &str, passphrase: &str) -> Result<KeySet, KeyError> {
    keys::parse_locked(key_text, SecretEncoding::Utf8, passphrase)
        .expect("the key box is not empty")
}

/// The error a locked key gives, failing the test if it opened.
fn refusal(key_text: &str, passphrase: &str) -> KeyError {
    match open(key_text, passphrase) {
        Ok(set) => panic!("opened with passphrase {passphrase:?}: {}", set.describe()),
        Err(error) => error,
    }
}

fn verdict(token_text: &str, keys: &Result<KeySet, KeyError>) -> Verdict {
    verify::verify(&token::decode(token_text).unwrap(), Some(keys))
}

/// The token verifies with the key, and once tampered it does not.
fn assert_verifies_only_untampered(what: &str, token_text: &str, keys: &Result<KeySet, KeyError>) {
    let verdict_here = verdict(token_text, keys);
    assert!(
        matches!(verdict_here, Verdict::Verified { .. }),
        "{what}: {}",
        verdict_here.describe()
    );
    let tampered = tamper(token_text);
    if token::decode(&tampered).is_ok() {
        let verdict_here = verdict(&tampered, keys);
        assert!(
            !matches!(verdict_here, Verdict::Verified { .. }),
            "{what}: the tampered token verified"
        );
    }
}

/// ssh-keygen's key types, the bits asked for and the JWS algorithm each signs.
const SSH_KINDS: &[(&str, Option<&str>, &str)] = &[
    ("rsa", Some("2048"), "RS256"),
    ("ecdsa", Some("256"), "ES256"),
    ("ecdsa", Some("384"), "ES384"),
    ("ecdsa", Some("521"), "ES512"),
    ("ed25519", None, "EdDSA"),
];

#[test]
fn ssh_keygen_locked_keys_open_only_with_their_passphrase_and_verify_pyjwt_tokens() {
    let scratch = Scratch::new("ssh");
    let mut opened = Vec::new();
    let mut cases = Vec::new();
    for (kind, bits, alg) in SSH_KINDS {
        let file = scratch.path(&format!("id_{kind}{}", bits.unwrap_or("")));
        let key_text = ssh_key(&file, kind, *bits, None);
        let what = format!("ssh-keygen -t {kind} {}", bits.unwrap_or(""));

        // No passphrase, in either entry point: the key asks for one rather than being misread.
        assert_eq!(refusal(&key_text, ""), KeyError::NeedsPassphrase, "{what}");
        assert_eq!(
            keys::parse(&key_text, SecretEncoding::Utf8)
                .unwrap()
                .unwrap_err(),
            KeyError::NeedsPassphrase,
            "{what}"
        );
        assert_eq!(
            refusal(&key_text, WRONG),
            KeyError::WrongPassphrase,
            "{what}"
        );

        let set = open(&key_text, PASSPHRASE).unwrap_or_else(|e| panic!("{what}: {e}"));
        let key = &set.keys()[0];
        assert!(
            key.material.can_sign(),
            "{what}: opened without its private half"
        );
        // Signing here and verifying with the public line ssh-keygen wrote shows the private
        // half opened is the one ssh-keygen made, not merely something that parses.
        let header = json::parse(&format!(r#"{{"alg":"{alg}","typ":"JWT"}}"#)).unwrap();
        let input = sign::signing_input(&header, r#"{"sub":"alice"}"#).unwrap();
        let ours = sign::sign(&input, &header, key).unwrap_or_else(|e| panic!("{what}: {e:?}"));
        let public = std::fs::read_to_string(file.with_extension("pub")).unwrap();
        let public = keys::parse(&public, SecretEncoding::Utf8).unwrap();
        assert_verifies_only_untampered(&format!("{what}, signed here"), &ours, &public);

        // cryptography opens an encrypted OpenSSH file only with the `bcrypt` module, which
        // make setup does not install: PyJWT signs with a copy ssh-keygen took the passphrase
        // off, the same key, so a token verifying here still says the key opened here is right.
        let unlocked = scratch.path(&format!("id_{kind}{}_unlocked", bits.unwrap_or("")));
        std::fs::copy(&file, &unlocked).unwrap();
        let output = ssh_keygen(&[
            "-q",
            "-p",
            "-P",
            PASSPHRASE,
            "-N",
            "",
            "-f",
            unlocked.to_str().unwrap(),
        ]);
        assert!(
            output.status.success(),
            "{what}: ssh-keygen -p failed: {}",
            String::from_utf8_lossy(&output.stderr)
        );
        cases.push(format!(
            r#"{{"alg":"{alg}","file":{},"passphrase":""}}"#,
            quoted(unlocked.to_str().unwrap())
        ));
        opened.push((what, Ok(set)));
    }

    // PyJWT signs with the same keys, read by cryptography's load_ssh_private_key.
    let signed = peer("sign", &format!("[{}]", cases.join(",")));
    assert_eq!(signed.len(), opened.len());
    for (item, (what, keys)) in signed.iter().zip(&opened) {
        let token_text = text(item, "token");
        assert_verifies_only_untampered(&format!("{what}, signed by PyJWT"), &token_text, keys);
    }
}

#[test]
fn ssh_keygen_key_with_more_bcrypt_rounds_than_the_cap_is_refused_at_once() {
    let scratch = Scratch::new("rounds");
    // 200 rounds: above the 128 (about a second) tried here; ssh-keygen itself spends them.
    let key_text = ssh_key(&scratch.path("id_ed25519"), "ed25519", None, Some("200"));
    let started = Instant::now();
    let error = refusal(&key_text, PASSPHRASE);
    let took = started.elapsed();
    match &error {
        KeyError::TooMuchWork(why) => assert!(why.contains("200"), "{why}"),
        other => panic!("expected TooMuchWork, got {other:?}"),
    }
    assert!(took < FAST, "the refusal took {took:?}");
    eprintln!("bcrypt-pbkdf 200 rounds refused in {took:?}");
}

/// `cryptography`'s key kinds (see locked_peer.py).
const PKCS8_KINDS: &[&str] = &["rsa2048", "p256", "p384", "p521", "ed25519"];

#[test]
fn encrypted_pkcs8_from_cryptography_opens_only_with_its_passphrase_and_verifies_pyjwt_tokens() {
    let cases: Vec<String> = PKCS8_KINDS
        .iter()
        .map(|kind| format!(r#"{{"kind":"{kind}","passphrase":"pw"}}"#))
        .collect();
    let made = peer("pkcs8", &format!("[{}]", cases.join(",")));
    assert_eq!(made.len(), PKCS8_KINDS.len());
    for item in &made {
        let (kind, alg, pem, token_text) = (
            text(item, "kind"),
            text(item, "alg"),
            text(item, "pem"),
            text(item, "token"),
        );
        // What BestAvailableEncryption chose (PBES2, PBKDF2-HMAC-SHA256, 2048 iterations,
        // AES-256-CBC with cryptography 48): should it ever ask for more PBKDF2 iterations than
        // the 600000 tried here, these keys are refused, and this says why.
        let kdf = item.get("kdf").unwrap().minified();
        eprintln!("{kind}: BestAvailableEncryption: {kdf}");
        assert!(
            pem.starts_with("-----BEGIN ENCRYPTED PRIVATE KEY-----"),
            "{kind}: {pem}"
        );

        assert_eq!(
            refusal(&pem, ""),
            KeyError::NeedsPassphrase,
            "{kind} ({kdf})"
        );
        assert_eq!(
            refusal(&pem, "pW"),
            KeyError::WrongPassphrase,
            "{kind} ({kdf})"
        );
        let set = open(&pem, "pw").unwrap_or_else(|e| panic!("{kind} ({kdf}): {e}"));
        assert!(
            set.keys()[0].material.can_sign(),
            "{kind}: opened without its private half"
        );
        let keys = Ok(set);
        assert_verifies_only_untampered(
            &format!("{kind} {alg}, signed by PyJWT"),
            &token_text,
            &keys,
        );
    }
}

#[test]
fn encrypted_pkcs8_wrong_passphrases_all_say_wrong_passphrase() {
    // AES-CBC under a wrong key still ends in valid padding about once in 256 tries; whatever the
    // "plaintext" then is, the user mistyped and must be told so, not shown a DER error.
    let made = peer("pkcs8", r#"[{"kind":"ed25519","passphrase":"pw"}]"#);
    let pem = text(&made[0], "pem");
    let started = Instant::now();
    for n in 0..1024 {
        let wrong = format!("wrong {n}");
        assert_eq!(
            refusal(&pem, &wrong),
            KeyError::WrongPassphrase,
            "{wrong:?}"
        );
    }
    eprintln!("1024 wrong passphrases tried in {:?}", started.elapsed());
}

#[test]
fn encrypted_pkcs8_with_absurd_pbkdf2_iterations_is_refused_at_once() {
    // cryptography 48's encryption_builder().kdf_rounds() serves only the OpenSSH and PKCS #12
    // formats, not PKCS #8, and deriving 50 million PBKDF2 iterations for real takes many
    // seconds: the peer writes BestAvailableEncryption's PEM with only its iteration count
    // changed. The count is read before any work, so it must be refused, whatever the passphrase.
    let made = peer(
        "heavy",
        r#"[{"kind":"p256","passphrase":"pw","iterations":50000000}]"#,
    );
    let pem = text(&made[0], "pem");
    let kdf = made[0].get("kdf").unwrap();
    assert_eq!(
        kdf.get("iterations").and_then(Value::as_f64),
        Some(50_000_000.0),
        "{}",
        kdf.minified()
    );
    for passphrase in ["pw", "", "anything"] {
        let started = Instant::now();
        let error = refusal(&pem, passphrase);
        let took = started.elapsed();
        match &error {
            KeyError::TooMuchWork(why) => assert!(why.contains("50000000"), "{why}"),
            other => panic!("passphrase {passphrase:?}: expected TooMuchWork, got {other:?}"),
        }
        assert!(took < FAST, "the refusal took {took:?}");
        eprintln!("PBKDF2 50000000 iterations refused in {took:?} (passphrase {passphrase:?})");
    }
}

/// `ssh-keygen -y -f <file> -P <passphrase>`: the public line it reads from a private key file,
/// or its complaint.
fn ssh_keygen_public(file: &Path, passphrase: &str) -> Result<String, String> {
    let output = ssh_keygen(&["-y", "-f", file.to_str().unwrap(), "-P", passphrase]);
    if output.status.success() {
        Ok(String::from_utf8(output.stdout).unwrap())
    } else {
        Err(String::from_utf8_lossy(&output.stderr).into_owned())
    }
}

/// The key type and base64 blob of a public line: its comment aside.
fn first_two_words(line: &str) -> String {
    line.split_whitespace()
        .take(2)
        .collect::<Vec<_>>()
        .join(" ")
}

#[test]
fn ssh_keygen_reads_the_openssh_private_files_written_here() {
    let scratch = Scratch::new("export");
    // Not a CSPRNG's: a fixed salt and check number keep the test repeatable.
    let random: Vec<u8> = (0..20u8)
        .map(|i| i.wrapping_mul(37).wrapping_add(11))
        .collect();
    for name in ["ssh_ed25519", "ssh_rsa", "ssh_ecdsa256"] {
        let source = interop::key_file(name);
        let set = keys::parse(&source, SecretEncoding::Utf8).unwrap().unwrap();
        let material = &set.keys()[0].material;
        let expected = first_two_words(&export::openssh_public(material, "").unwrap());

        let plain = export::openssh_private(material).unwrap();
        let locked =
            export::openssh_private_locked(material, "test", "pass phrase", &random).unwrap();
        for (label, file_text, passphrase) in
            [("plain", &plain, ""), ("locked", &locked, "pass phrase")]
        {
            let file = scratch.path(&format!("{name}_{label}"));
            // ssh-keygen refuses a private key file others can read.
            std::fs::OpenOptions::new()
                .write(true)
                .create_new(true)
                .mode(0o600)
                .open(&file)
                .unwrap()
                .write_all(file_text.as_bytes())
                .unwrap();
            let line = ssh_keygen_public(&file, passphrase)
                .unwrap_or_else(|e| panic!("{name} {label}: ssh-keygen -y refused it: {e}"));
            assert_eq!(first_two_words(&line), expected, "{name} {label}");
        }

        // The locked file really is locked: the wrong passphrase does not open it in ssh-keygen,
        // and here it asks for one.
        let file = scratch.path(&format!("{name}_locked"));
        assert!(
            ssh_keygen_public(&file, "pass phrasE").is_err(),
            "{name}: ssh-keygen opened the locked file with a wrong passphrase"
        );
        assert_eq!(refusal(&locked, ""), KeyError::NeedsPassphrase, "{name}");
        let reopened = open(&locked, "pass phrase").unwrap();
        assert_eq!(
            first_two_words(&export::openssh_public(&reopened.keys()[0].material, "").unwrap()),
            expected,
            "{name}: reopened here"
        );
    }
}
