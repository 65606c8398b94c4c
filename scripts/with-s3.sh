#!/usr/bin/env bash
# Runs a command against a throwaway S3-compatible service: moto's server (PyPI, pinned, in
# a virtualenv under ~/.cache/serviceportal) on a free port of 127.0.0.1, with a bucket for
# the tests. It is stopped on exit, also when the command fails.
#   scripts/with-s3.sh cargo test …   (the command sees TEST_S3_ENDPOINT and its keys)
set -euo pipefail
MOTO_VERSION=5.2.5
venv="${XDG_CACHE_HOME:-$HOME/.cache}/serviceportal/moto-$MOTO_VERSION"
if [ ! -x "$venv/bin/moto_server" ]; then
  python3 -m venv "$venv"
  "$venv/bin/pip" install --quiet "moto[server]==$MOTO_VERSION"
fi
port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
log=$(mktemp /tmp/portal-s3.XXXXXX)
"$venv/bin/moto_server" -H 127.0.0.1 -p "$port" >"$log" 2>&1 &
pid=$!
cleanup() {
  kill "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
  rm -f "$log"
}
trap cleanup EXIT
for _ in $(seq 1 100); do
  if curl -fsS "http://127.0.0.1:$port/moto-api/" >/dev/null 2>&1; then break; fi
  if ! kill -0 "$pid" 2>/dev/null; then cat "$log"; exit 1; fi
  sleep 0.2
done
export TEST_S3_ENDPOINT="http://127.0.0.1:$port"
export TEST_S3_BUCKET=portal-test
export TEST_S3_KEY=test-key
export TEST_S3_SECRET=test-secret
"$venv/bin/python" - <<PY
import boto3
boto3.client("s3", endpoint_url="$TEST_S3_ENDPOINT", region_name="eu-central-1",
             aws_access_key_id="$TEST_S3_KEY", aws_secret_access_key="$TEST_S3_SECRET"
             ).create_bucket(Bucket="$TEST_S3_BUCKET",
                             CreateBucketConfiguration={"LocationConstraint": "eu-central-1"})
PY
echo "S3 (moto $MOTO_VERSION) on 127.0.0.1:$port, bucket $TEST_S3_BUCKET"
"$@"
