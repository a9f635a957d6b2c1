#!/usr/bin/env python3
"""Regenerates botocore-vectors.yaml: requests exactly as botocore puts them on the wire, signed at a fixed time.

Offline: a 'before-send' hook captures each prepared request and answers it with a canned response, so
nothing leaves the machine. Run from this directory with the botocore/boto3 the project tests against
(1.43.11):  python3 generate.py > botocore-vectors.yaml

Each vector records the wire request (method, raw path, raw query, headers in order, body) and what
botocore computed for it (canonical request, signature), so the Java verifier can be checked against it.
"""
import sys
from unittest import mock

import boto3
import botocore
import botocore.auth
import yaml
from botocore.awsrequest import AWSResponse
from datetime import datetime, timezone

FIXED = datetime(2026, 11, 22, 6, 28, 51, tzinfo=timezone.utc)
ACCESS_KEY = "ASIAQEXAMPLEEXAMPLE7"
SECRET_KEY = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY"
TOKEN = "IQoJb3JpZ2luX2VjEXAMPLE//////////wEaCXVzLWVhc3QtMSJHMEUCIQD+token/with+plus=="
LONG_TERM_KEY = "AKIAIOSFODNN7EXAMPLE"

captured = []


def capture(request, **kwargs):
    captured.append(request)
    body = b"<Dummy/>"
    if "eks" in request.url:
        body = b"{}"
    raw = mock.Mock()
    raw.stream = lambda *a, **k: iter([body])
    return AWSResponse(request.url, 200, {}, raw)


last_canonical = []
_original_canonical_request = botocore.auth.SigV4Auth.canonical_request


def recording_canonical_request(self, request):
    """Keeps the canonical request botocore signs, so the vector holds botocore's own text."""
    text = _original_canonical_request(self, request)
    last_canonical.append(text)
    return text


def split_url(url):
    rest = url.split("://", 1)[1]
    path_query = rest[rest.index("/"):]
    if "?" in path_query:
        path, query = path_query.split("?", 1)
    else:
        path, query = path_query, None
    return path, query


def as_text(value):
    return value.decode("utf-8") if isinstance(value, bytes) else value


def header_vector(name, description, client_factory, call, service, region, creds):
    captured.clear()
    last_canonical.clear()
    client = client_factory()
    client.meta.events.register("before-send", capture)
    try:
        call(client)
    except Exception:  # the canned response does not parse as the operation's output
        pass
    request = captured[0]
    path, query = split_url(request.url)
    # User-Agent is not signed; pin it so the file does not depend on the machine that generated it.
    headers = [[k, "Boto3/1.43.11 Botocore/1.43.11" if k == "User-Agent" else as_text(v)]
               for k, v in request.headers.items()]
    headers.insert(0, ["Host", request.url.split("://", 1)[1].split("/", 1)[0]])
    body = request.body or b""
    if hasattr(body, "read"):
        body = body.read()
    authz = as_text(request.headers["Authorization"])
    return {
        "name": name,
        "description": description,
        "form": "HEADER",
        "method": request.method,
        "rawPath": path,
        "rawQuery": query,
        "headers": headers,
        "body": as_text(body),
        "secretKey": creds[1],
        "region": region,
        "service": service,
        "now": FIXED.strftime("%Y-%m-%dT%H:%M:%SZ"),
        "expectedCanonicalRequest": last_canonical[-1],
        "expectedSignature": authz.rsplit("Signature=", 1)[1],
    }


def literal_multiline(dumper, value):
    style = "|" if "\n" in value else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


def main():
    session_creds = (ACCESS_KEY, SECRET_KEY, TOKEN)
    long_creds = (LONG_TERM_KEY, SECRET_KEY, None)
    endpoint = "http://127.0.0.1:9443"

    def client(service, region, creds):
        return lambda: boto3.client(service, region_name=region, endpoint_url=endpoint,
                                    aws_access_key_id=creds[0], aws_secret_access_key=creds[1],
                                    aws_session_token=creds[2])

    vectors = []
    with mock.patch("botocore.auth.get_current_datetime", lambda: FIXED.replace(tzinfo=None)), \
            mock.patch.object(botocore.auth.SigV4Auth, "canonical_request", recording_canonical_request):
        vectors.append(header_vector(
            "iam-create-user-with-session-token",
            "IAM POST with a form body (space as +, tags, path) and X-Amz-Security-Token signed",
            client("iam", "us-west-2", session_creds),
            lambda c: c.create_user(UserName="a b~c", Path="/x/", Tags=[{"Key": "k", "Value": "v w"}]),
            "iam", "us-west-2", session_creds))
        vectors.append(header_vector(
            "eks-describe-access-entry-double-encoded",
            "EKS REST path with a percent-encoded principal ARN: the canonical URI encodes it again",
            client("eks", "us-west-2", long_creds),
            lambda c: c.describe_access_entry(
                clusterName="demo", principalArn="arn:aws:iam::123456789012:role/path/dev role"),
            "eks", "us-west-2", long_creds))
        vectors.append(header_vector(
            "sts-get-caller-identity-long-term-key",
            "STS POST without a session token",
            client("sts", "us-east-1", long_creds),
            lambda c: c.get_caller_identity(),
            "sts", "us-east-1", long_creds))

        # The presigned GetCallerIdentity URL exactly as `aws eks get-token` builds it.
        sts = boto3.client("sts", region_name="us-west-2", aws_access_key_id=ACCESS_KEY,
                           aws_secret_access_key=SECRET_KEY, aws_session_token=TOKEN)

        def add_cluster_header(request, **kwargs):
            request.headers["x-k8s-aws-id"] = "demo"

        sts.meta.events.register("before-sign.sts.GetCallerIdentity", add_cluster_header)
        last_canonical.clear()
        url = sts.generate_presigned_url("get_caller_identity", Params={}, ExpiresIn=60, HttpMethod="GET")
        path, query = split_url(url)
        vectors.append({
            "name": "sts-presigned-get-caller-identity-with-session-token",
            "description": "aws eks get-token style presigned URL (x-k8s-aws-id signed, session token in the query)",
            "form": "QUERY",
            "method": "GET",
            "rawPath": path,
            "rawQuery": query,
            "headers": [["Host", url.split("://", 1)[1].split("/", 1)[0]], ["x-k8s-aws-id", "demo"]],
            "body": "",
            "secretKey": SECRET_KEY,
            "region": "us-west-2",
            "service": "sts",
            "now": FIXED.strftime("%Y-%m-%dT%H:%M:%SZ"),
            "expectedCanonicalRequest": last_canonical[-1],
            "expectedSignature": query.rsplit("X-Amz-Signature=", 1)[1],
        })

    sys.stdout.write("# Generated by generate.py with botocore " + botocore.__version__ + "; do not edit.\n")
    yaml.SafeDumper.add_representer(str, literal_multiline)
    yaml.safe_dump(vectors, sys.stdout, sort_keys=False, allow_unicode=True, width=4096)


if __name__ == "__main__":
    main()
