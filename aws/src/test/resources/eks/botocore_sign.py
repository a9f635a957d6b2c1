"""Signs EKS requests exactly as botocore does and prints them instead of sending them.

Reads a JSON object {endpoint, region, key, secret, calls: [{operation, params}]} on stdin. For each call it lets
botocore's own EKS client serialise and SigV4-sign the request, captures it at `before-send`, and prints one
JSON array of {method, path, query, headers: [[name, value]...], body} for the Java test to replay in-process.
"""
import json
import sys
from urllib.parse import urlsplit

import botocore.session


class Captured(Exception):
    pass


def main():
    job = json.load(sys.stdin)
    session = botocore.session.get_session()
    client = session.create_client(
        "eks", region_name=job["region"], endpoint_url=job["endpoint"],
        aws_access_key_id=job["key"], aws_secret_access_key=job["secret"])
    out = []

    def capture(request, **_):
        parts = urlsplit(request.url)
        body = request.body or b""
        if isinstance(body, str):
            body = body.encode("utf-8")
        out.append({"method": request.method, "path": parts.path, "query": parts.query or None,
                    "headers": [[k, v.decode() if isinstance(v, bytes) else v] for k, v in request.headers.items()],
                    "body": body.decode("utf-8")})
        raise Captured()

    client.meta.events.register("before-send.eks", capture)
    for call in job["calls"]:
        try:
            getattr(client, call["operation"])(**call["params"])
        except Captured:
            pass
    json.dump(out, sys.stdout)


if __name__ == "__main__":
    main()
