"""The IAM part of the EKS walkthrough, driven with boto3 against a Gatehouse AWS endpoint.

Usage: python3 walkthrough.py ENDPOINT_URL POLICY_DIR

The administrator's credentials come from the shared config and credentials files Gatehouse wrote (profile
gatehouse-admin; AWS_CONFIG_FILE and AWS_SHARED_CREDENTIALS_FILE point at them). The script does what a user
would do, records what boto3 returned (identities, errors as code + message + HTTP status) and prints it as
one JSON document on stdout for the JUnit test to check. It asserts nothing itself, so that every expectation
lives in the test; an unexpected exception ends it with a traceback and a non-zero exit status.
"""
import json
import os
import sys

import boto3
from botocore.exceptions import ClientError

ACCOUNT = "123456789012"
REGION = "us-east-1"


def read(policy_dir, name):
    with open(os.path.join(policy_dir, name), encoding="utf-8") as f:
        return f.read()


def error_of(call):
    """The service error a call ends with, or None if it succeeds."""
    try:
        call()
    except ClientError as e:
        return {
            "code": e.response["Error"]["Code"],
            "message": e.response["Error"]["Message"],
            "status": e.response["ResponseMetadata"]["HTTPStatusCode"],
        }
    return None


def clients(session, endpoint):
    return session.client("iam", endpoint_url=endpoint), session.client("sts", endpoint_url=endpoint)


def main(endpoint, policy_dir):
    out = {}
    admin = boto3.Session(profile_name="gatehouse-admin", region_name=REGION)
    iam, sts = clients(admin, endpoint)
    out["adminArn"] = sts.get_caller_identity()["Arn"]

    out["userArn"] = iam.create_user(UserName="dev1")["User"]["Arn"]
    key = iam.create_access_key(UserName="dev1")["AccessKey"]
    out["accessKeyId"] = key["AccessKeyId"]
    iam.create_group(GroupName="Developers")
    iam.add_user_to_group(GroupName="Developers", UserName="dev1")
    out["groupMembers"] = [u["UserName"] for u in iam.get_group(GroupName="Developers")["Users"]]

    describe = iam.create_policy(PolicyName="EKSMyExampleDescribe",
                                 PolicyDocument=read(policy_dir, "eks-describe.json"))["Policy"]["Arn"]
    role = iam.create_role(RoleName="EKSMyExampleViewer",
                           AssumeRolePolicyDocument=read(policy_dir, "eks-viewer-trust.json"))["Role"]
    out["roleArn"] = role["Arn"]
    out["roleId"] = role["RoleId"]
    iam.attach_role_policy(RoleName="EKSMyExampleViewer", PolicyArn=describe)
    assume = iam.create_policy(PolicyName="EKSMyExampleViewerRoleAssume",
                               PolicyDocument=read(policy_dir, "eks-viewer-assume.json"))["Policy"]["Arn"]
    iam.attach_group_policy(GroupName="Developers", PolicyArn=assume)
    out["rolePolicies"] = [p["PolicyArn"] for p in
                           iam.list_attached_role_policies(RoleName="EKSMyExampleViewer")["AttachedPolicies"]]
    out["groupPolicies"] = [p["PolicyArn"] for p in
                            iam.list_attached_group_policies(GroupName="Developers")["AttachedPolicies"]]
    # botocore decodes IAM's URL-encoded policy documents into dicts.
    out["trustPolicy"] = iam.get_role(RoleName="EKSMyExampleViewer")["Role"]["AssumeRolePolicyDocument"]

    developer = boto3.Session(aws_access_key_id=key["AccessKeyId"], aws_secret_access_key=key["SecretAccessKey"],
                              region_name=REGION)
    dev_iam, dev_sts = clients(developer, endpoint)
    out["developerArn"] = dev_sts.get_caller_identity()["Arn"]
    out["developerListUsers"] = error_of(dev_iam.list_users)

    assumed = dev_sts.assume_role(RoleArn=role["Arn"], RoleSessionName="boto3-session")
    credentials = assumed["Credentials"]
    out["assumedRoleUser"] = assumed["AssumedRoleUser"]
    out["temporaryKeyId"] = credentials["AccessKeyId"]
    out["expiration"] = credentials["Expiration"].isoformat()
    viewer = boto3.Session(aws_access_key_id=credentials["AccessKeyId"],
                           aws_secret_access_key=credentials["SecretAccessKey"],
                           aws_session_token=credentials["SessionToken"], region_name=REGION)
    viewer_iam, viewer_sts = clients(viewer, endpoint)
    out["sessionIdentity"] = {k: v for k, v in viewer_sts.get_caller_identity().items() if k != "ResponseMetadata"}
    out["sessionListRoles"] = error_of(viewer_iam.list_roles)

    print(json.dumps(out, indent=2, sort_keys=True))


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
