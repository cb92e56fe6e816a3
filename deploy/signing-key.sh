#!/usr/bin/env bash
# auth-service's access-token signing keys: a JWK set of private EC P-256 keys. The first key in
# the file signs; every key in it is published in the JWKS and accepted, so tokens signed with an
# older key stay valid until that key is retired. auth-service reads the file at start-up.
#
#   deploy/signing-key.sh new                  print a set holding one new key
#   deploy/signing-key.sh rotate FILE          print FILE's set with a new key in front (signing)
#   deploy/signing-key.sh stage FILE           print FILE's set with a new key at the end: published
#                                              in the JWKS but not signing yet (zero-downtime step 1)
#   deploy/signing-key.sh promote FILE KID     print FILE's set with KID moved to the front (step 2)
#   deploy/signing-key.sh retire FILE KID      print FILE's set without the key KID
#   deploy/signing-key.sh kids FILE            list the kids in FILE, the signing one first
#
# Output goes to stdout, so nothing is overwritten by mistake:
#   deploy/signing-key.sh rotate keys.json > keys.json.new && mv keys.json.new keys.json
# Needs openssl; every command but new also needs jq. See docs/operations.md, "Rotate the JWT
# signing key".
set -euo pipefail

b64url() { base64 | tr '+/' '-_' | tr -d '=\n'; }

new_key() {
  local der kid
  der="$(mktemp)"
  trap 'rm -f "$der"' RETURN
  # SEC1 DER of a P-256 key with a named curve is 121 bytes: the private scalar d at offset 7, the
  # uncompressed public point 04||x||y at offset 56.
  openssl ecparam -name prime256v1 -genkey -noout | openssl ec -outform DER -out "$der" 2>/dev/null
  if [ "$(wc -c <"$der")" -ne 121 ]; then
    echo "unexpected EC key encoding from openssl" >&2
    return 1
  fi
  if [ -r /proc/sys/kernel/random/uuid ]; then
    kid="$(cat /proc/sys/kernel/random/uuid)"
  else
    kid="$(openssl rand -hex 16)"
  fi
  printf '{"kty":"EC","crv":"P-256","use":"sig","alg":"ES256","kid":"%s","iat":%s,"x":"%s","y":"%s","d":"%s"}' \
    "$kid" "$(date +%s)" \
    "$(dd if="$der" bs=1 skip=57 count=32 2>/dev/null | b64url)" \
    "$(dd if="$der" bs=1 skip=89 count=32 2>/dev/null | b64url)" \
    "$(dd if="$der" bs=1 skip=7 count=32 2>/dev/null | b64url)"
}

need_file() {
  [ -n "${1:-}" ] && [ -r "$1" ] || { echo "no readable key file '${1:-}'" >&2; exit 2; }
  command -v jq >/dev/null || { echo "jq is needed for this command" >&2; exit 2; }
}

case "${1:-}" in
  new)
    printf '{"keys":[%s]}\n' "$(new_key)"
    ;;
  rotate)
    need_file "${2:-}"
    jq -c --argjson key "$(new_key)" '{keys: ([$key] + .keys)}' "$2"
    ;;
  stage)
    need_file "${2:-}"
    jq -c --argjson key "$(new_key)" '{keys: (.keys + [$key])}' "$2"
    ;;
  promote)
    need_file "${2:-}"
    [ -n "${3:-}" ] || { echo "usage: $0 promote FILE KID" >&2; exit 2; }
    jq -e --arg kid "$3" 'any(.keys[]; .kid == $kid)' "$2" >/dev/null \
      || { echo "no key '$3' in $2" >&2; exit 1; }
    jq -c --arg kid "$3" '{keys: ([.keys[] | select(.kid == $kid)] + [.keys[] | select(.kid != $kid)])}' "$2"
    ;;
  retire)
    need_file "${2:-}"
    [ -n "${3:-}" ] || { echo "usage: $0 retire FILE KID" >&2; exit 2; }
    jq -e --arg kid "$3" 'any(.keys[]; .kid == $kid)' "$2" >/dev/null \
      || { echo "no key '$3' in $2" >&2; exit 1; }
    jq -e --arg kid "$3" '.keys[0].kid != $kid' "$2" >/dev/null \
      || { echo "'$3' is the signing key (the first); rotate before retiring it" >&2; exit 1; }
    jq -c --arg kid "$3" '{keys: [.keys[] | select(.kid != $kid)]}' "$2"
    ;;
  kids)
    need_file "${2:-}"
    jq -r '.keys[] | "\(.kid)\t\(.iat // "" | tostring)"' "$2"
    ;;
  *)
    sed -n '2,17p' "$0" | sed 's/^# \{0,1\}//'
    exit 2
    ;;
esac
