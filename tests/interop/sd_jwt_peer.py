#!/usr/bin/env python3
"""The reference implementation of SD-JWT (PyPI `sd-jwt`, RFC 9901's authors' library) for
tests/sd_jwt_interop.rs. Reads one JSON object on stdin, writes a JSON array on stdout.

  issue:  {"issuer_jwk", "claims", "disclosable": [top-level names], "elements": [names of
           arrays whose every element is disclosable]} -> [the SD-JWT as issued, with decoys]
  verify: {"presentation", "issuer_jwk", optional "aud" and "nonce"} -> [the payload the
          reference verifier ends with]; with aud and nonce it also checks the key-binding JWT
          (signed by the cnf key, sd_hash, aud, nonce) and refuses a presentation without one
"""
import json
import sys

from jwcrypto.jwk import JWK
from sd_jwt.common import SDObj
from sd_jwt.issuer import SDJWTIssuer
from sd_jwt.verifier import SDJWTVerifier


def issue(request):
    key = JWK.from_json(json.dumps(request["issuer_jwk"]))
    claims = {}
    for name, value in request["claims"].items():
        if name in request.get("elements", []):
            value = [SDObj(item) for item in value]
        claims[SDObj(name) if name in request["disclosable"] else name] = value
    issuer = SDJWTIssuer(claims, key, sign_alg="ES256", add_decoy_claims=True)
    return [issuer.sd_jwt_issuance]


def verify(request):
    key = JWK.from_json(json.dumps(request["issuer_jwk"]))
    verifier = SDJWTVerifier(
        request["presentation"],
        lambda _iss, _header: key,
        expected_aud=request.get("aud"),
        expected_nonce=request.get("nonce"),
    )
    return [verifier.get_verified_payload()]


if __name__ == "__main__":
    mode = sys.argv[1]
    answer = {"issue": issue, "verify": verify}[mode](json.load(sys.stdin))
    json.dump(answer, sys.stdout)
