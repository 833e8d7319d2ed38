//! The JWE algorithm names this page reads and writes, as the Encrypt panel offers them.

/// The content encryption algorithms (`enc`, RFC 7518 §5) this page reads and writes, the
/// strongest first.
pub const ENCS: [&str; 6] = [
    "A256GCM",
    "A192GCM",
    "A128GCM",
    "A256CBC-HS512",
    "A192CBC-HS384",
    "A128CBC-HS256",
];

/// The key management algorithms (`alg`) this page writes, as the Encrypt panel offers them:
/// every one it reads but RSA1_5 (padding-oracle prone, RFC 8725 §3.2).
pub const SEALING_ALGS: [&str; 16] = [
    "RSA-OAEP-256",
    "RSA-OAEP",
    "ECDH-ES",
    "ECDH-ES+A128KW",
    "ECDH-ES+A192KW",
    "ECDH-ES+A256KW",
    "A128KW",
    "A192KW",
    "A256KW",
    "A128GCMKW",
    "A192GCMKW",
    "A256GCMKW",
    "PBES2-HS256+A128KW",
    "PBES2-HS384+A192KW",
    "PBES2-HS512+A256KW",
    "dir",
];
