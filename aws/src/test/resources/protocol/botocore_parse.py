#!/usr/bin/env python3
"""Parses a Query response with botocore's own parser; used by BotocoreParserTest.

stdin: {"service": "iam", "operation": "GetUser" | null, "status": 200, "body": "<xml>"}
stdout: the parsed dict as JSON (timestamps in ISO-8601). For IAM successes, botocore's after-call handler
json_decode_policies is applied as the CLI and boto3 do, so URL-encoded policy documents come back as dicts.
"""
import json
import sys

import botocore.handlers
import botocore.parsers
import botocore.session

job = json.load(sys.stdin)
model = botocore.session.get_session().get_service_model(job["service"])
operation = model.operation_model(job["operation"]) if job.get("operation") else None
parser = botocore.parsers.create_parser(model.metadata["protocol"])
response = {"body": job["body"].encode("utf-8"), "headers": {}, "status_code": job["status"]}
parsed = parser.parse(response, operation.output_shape if operation is not None else None)
if job["service"] == "iam" and operation is not None and job["status"] < 300:
    botocore.handlers.json_decode_policies(parsed, operation)
json.dump(parsed, sys.stdout, default=lambda o: o.isoformat() if hasattr(o, "isoformat") else str(o))
