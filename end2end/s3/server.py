#!/usr/bin/env python3
"""A real S3-compatible server for the portal's tests (moto's server mode, on loopback).

Listens on PORT, creates BUCKET, prints "ready" and serves until its standard input
closes, so a test stops it (the store is down); with --forever until it is killed (for
scripts). Objects live in memory.
"""

import argparse
import logging
import signal
import sys

import boto3
from moto.server import ThreadedMotoServer


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--bucket", required=True)
    parser.add_argument("--forever", action="store_true")
    args = parser.parse_args()
    # One line per request would drown the tests' output.
    logging.getLogger("werkzeug").setLevel(logging.ERROR)
    server = ThreadedMotoServer(ip_address="127.0.0.1", port=args.port, verbose=False)
    server.start()
    boto3.client(
        "s3",
        endpoint_url=f"http://127.0.0.1:{args.port}",
        region_name="eu-central-1",
        aws_access_key_id="portal-test",
        aws_secret_access_key="portal-test-secret",
    ).create_bucket(
        Bucket=args.bucket,
        CreateBucketConfiguration={"LocationConstraint": "eu-central-1"},
    )
    print("ready", flush=True)
    if args.forever:
        signal.pause()
    else:
        sys.stdin.read()
    server.stop()


if __name__ == "__main__":
    main()
