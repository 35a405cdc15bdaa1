#!/usr/bin/env python3
"""Drives keyturn-emulator with the official Huawei Cloud Python SDK, unchanged.

Usage: python check.py /path/to/keyturn-emulator

Starts the emulator on 127.0.0.1:0, reads its startup line, points the SDK's IamClient
(GlobalCredentials) and KmsClient (BasicCredentials) at it with an endpoint override and no
region, then drives every call Keyturn makes. The demo users and keys it acts on come from the
emulator's control routes (`GET /__emulator/demo`, `GET /__emulator/state` by role), never from
names restated here. Prints one line per check and a summary
`official SDK check: N passed, M failed`; exits non-zero on any failure.
"""
import json
import subprocess
import sys
import tempfile
import urllib.request

from huaweicloudsdkcore.auth.credentials import BasicCredentials, GlobalCredentials
from huaweicloudsdkcore.exceptions.exceptions import ClientRequestException
from huaweicloudsdkcore.http.http_config import HttpConfig
from huaweicloudsdkiam.v3 import (
    AuthScope,
    AuthScopeDomain,
    CreateCredentialOption,
    CreatePermanentAccessKeyRequest,
    CreatePermanentAccessKeyRequestBody,
    DeletePermanentAccessKeyRequest,
    IamClient,
    KeystoneCreateScopedTokenRequest,
    KeystoneCreateScopedTokenRequestBody,
    KeystoneCreateUserTokenByPasswordRequest,
    KeystoneCreateUserTokenByPasswordRequestBody,
    KeystoneListAuthDomainsRequest,
    KeystoneListProjectsRequest,
    KeystoneListUsersRequest,
    KeystoneValidateTokenRequest,
    ListPermanentAccessKeysRequest,
    PwdAuth,
    PwdIdentity,
    PwdPassword,
    PwdPasswordUser,
    PwdPasswordUserDomain,
    ScopeDomainOption,
    ScopedToken,
    ScopedTokenAuth,
    ScopedTokenIdentity,
    ScopeProjectOption,
    ShowPermanentAccessKeyRequest,
    ShowUserRequest,
    TokenSocpeOption,
    UpdateCredentialOption,
    UpdatePermanentAccessKeyRequest,
    UpdatePermanentAccessKeyRequestBody,
)
from huaweicloudsdkkms.v2 import (
    DisableKeyRotationRequest,
    EnableKeyRotationRequest,
    KmsClient,
    ListKeyDetailRequest,
    ListKeysRequest,
    ListKeysRequestBody,
    OperateKeyRequestBody,
    ShowKeyRotationStatusRequest,
    UpdateKeyRotationIntervalRequest,
    UpdateKeyRotationIntervalRequestBody,
)

# The role of the demo KMS key whose rotation was never enabled (seed::demo::kms_role::NEVER_ROTATED).
NEVER_ROTATED = "never-rotated"


def start_emulator(binary, log):
    process = subprocess.Popen([binary, "--listen", "127.0.0.1:0"], stdout=subprocess.PIPE, stderr=log, text=True)
    line = process.stdout.readline()
    if not line:
        process.kill()
        raise SystemExit("official SDK check: the emulator printed no startup line")
    return process, json.loads(line)


def control(endpoint, route):
    """A control route of the emulator (`/__emulator/{route}`, with its `X-Keyturn-Emulator: 1` header), as JSON."""
    request = urllib.request.Request("%s/__emulator/%s" % (endpoint, route), headers={"X-Keyturn-Emulator": "1"})
    with urllib.request.urlopen(request, timeout=10) as answer:
        return json.load(answer)


def http_config():
    config = HttpConfig.get_default_config()
    config.ignore_ssl_verification = True
    config.timeout = (5, 20)
    return config


def iam_client(endpoint, ak, sk, domain_id):
    return IamClient.new_builder().with_http_config(http_config()) \
        .with_credentials(GlobalCredentials(ak, sk, domain_id)).with_endpoints([endpoint]).build()


def kms_client(endpoint, ak, sk, project_id):
    return KmsClient.new_builder().with_http_config(http_config()) \
        .with_credentials(BasicCredentials(ak, sk, project_id)).with_endpoints([endpoint]).build()


def expect(condition, message):
    if not condition:
        raise AssertionError(message)


def expect_error(call, status, code=None, text=None):
    try:
        call()
    except ClientRequestException as error:
        expect(error.status_code == status, "status %s, expected %s" % (error.status_code, status))
        if code is not None:
            expect(error.error_code == code, "error_code %r, expected %r" % (error.error_code, code))
        if text is not None:
            expect(text in (error.error_msg or ""), "error_msg %r lacks %r" % (error.error_msg, text))
        expect(bool(error.request_id), "no request id")
        return
    raise AssertionError("no error raised, expected HTTP %s" % status)


class Checks:
    def __init__(self):
        self.passed = 0
        self.failed = 0

    def run(self, name, check):
        try:
            check()
        except Exception as error:  # noqa: BLE001 - every failure is reported, none stops the run
            self.failed += 1
            print("FAIL %s: %s: %s" % (name, type(error).__name__, error))
        else:
            self.passed += 1
            print("ok   %s" % name)


def drive(account, checks):
    endpoint, domain_id, project_id = account["endpoint"], account["domain_id"], account["project_id"]
    admin = account["admin"]
    non_admin = control(endpoint, "demo")["non_admin"]["name"]
    iam = iam_client(endpoint, admin["ak"], admin["sk"], domain_id)
    kms = kms_client(endpoint, admin["ak"], admin["sk"], project_id)
    found = {}

    def token():
        user = PwdPasswordUser(domain=PwdPasswordUserDomain(name=account["domain_name"]),
                               name=admin["name"], password=admin["password"])
        auth = PwdAuth(identity=PwdIdentity(methods=["password"], password=PwdPassword(user=user)),
                       scope=AuthScope(domain=AuthScopeDomain(name=account["domain_name"])))
        response = iam.keystone_create_user_token_by_password(KeystoneCreateUserTokenByPasswordRequest(
            nocatalog="true", body=KeystoneCreateUserTokenByPasswordRequestBody(auth=auth)))
        expect(response.status_code == 201, "status %s" % response.status_code)
        expect(response.x_subject_token.startswith("MII"), "X-Subject-Token missing")
        expect(response.token.user.id == admin["user_id"], "token user")
        found["token"] = response.x_subject_token

    def validate_token():
        response = iam.keystone_validate_token(
            KeystoneValidateTokenRequest(x_subject_token=found["token"], nocatalog="true"))
        expect(response.status_code == 200, "status %s" % response.status_code)
        expect(response.x_subject_token == found["token"], "X-Subject-Token echoed")
        expect(response.token.user.id == admin["user_id"], "token user")
        expect(response.token.domain.id == domain_id, "domain scope")
        expect_error(lambda: iam.keystone_validate_token(KeystoneValidateTokenRequest(x_subject_token="MIIbogus")),
                     404, text="X-Subject-Token is invalid in the request")

    def scoped_token():
        identity = ScopedTokenIdentity(methods=["token"], token=ScopedToken(id=found["token"]))
        project = ScopeProjectOption(name=account["region"], domain=ScopeDomainOption(id=domain_id))
        body = KeystoneCreateScopedTokenRequestBody(
            auth=ScopedTokenAuth(identity=identity, scope=TokenSocpeOption(project=project)))
        response = iam.keystone_create_scoped_token(KeystoneCreateScopedTokenRequest(body=body))
        expect(response.status_code == 201, "status %s" % response.status_code)
        expect(response.x_subject_token.startswith("MII"), "X-Subject-Token missing")
        expect(response.x_subject_token != found["token"], "a new token")
        expect(response.token.methods == ["token"], "methods %s" % response.token.methods)
        expect(response.token.project.id == project_id, "project scope")
        expect(response.token.user.id == admin["user_id"], "token user")

    def domains():
        response = iam.keystone_list_auth_domains(KeystoneListAuthDomainsRequest())
        expect(response.domains[0].id == domain_id, "domain id")

    def projects():
        response = iam.keystone_list_projects(KeystoneListProjectsRequest(name=account["region"]))
        expect(len(response.projects) == 1 and response.projects[0].id == project_id, "project of the region")

    def users():
        response = iam.keystone_list_users(KeystoneListUsersRequest(name=non_admin))
        expect(len(response.users) == 1, "one user named %s" % non_admin)
        found["user_id"] = response.users[0].id
        shown = iam.show_user(ShowUserRequest(user_id=found["user_id"]))
        expect(shown.user.name == non_admin, "show user")

    def create():
        body = CreatePermanentAccessKeyRequestBody(
            credential=CreateCredentialOption(user_id=found["user_id"], description="official SDK check"))
        response = iam.create_permanent_access_key(CreatePermanentAccessKeyRequest(body=body))
        credential = response.credential
        expect(response.status_code == 201, "status %s" % response.status_code)
        expect(len(credential.access) == 20 and len(credential.secret) == 40, "AK/SK shape")
        expect(credential.status == "active" and credential.user_id == found["user_id"], "new key fields")
        found["ak"], found["sk"] = credential.access, credential.secret

    def list_keys():
        response = iam.list_permanent_access_keys(ListPermanentAccessKeysRequest(user_id=found["user_id"]))
        access = [c.access for c in response.credentials]
        expect(found["ak"] in access and len(access) == 2, "listed keys %s" % access)

    def show():
        response = iam.show_permanent_access_key(ShowPermanentAccessKeyRequest(access_key=found["ak"]))
        credential = response.credential
        expect(credential.last_use_time == credential.create_time, "a new key is unused")

    def new_key_signs():
        own = iam_client(endpoint, found["ak"], found["sk"], domain_id)
        response = own.list_permanent_access_keys(ListPermanentAccessKeysRequest())
        expect(len(response.credentials) == 2, "own keys")
        shown = iam.show_permanent_access_key(ShowPermanentAccessKeyRequest(access_key=found["ak"])).credential
        expect(shown.last_use_time > shown.create_time, "last use time moved")

    def update():
        body = UpdatePermanentAccessKeyRequestBody(
            credential=UpdateCredentialOption(status="inactive", description="disabled by the SDK check"))
        response = iam.update_permanent_access_key(UpdatePermanentAccessKeyRequest(access_key=found["ak"], body=body))
        expect(response.credential.status == "inactive", "status after update")
        expect(response.credential.description == "disabled by the SDK check", "description after update")

    def quota():
        body = CreatePermanentAccessKeyRequestBody(credential=CreateCredentialOption(user_id=found["user_id"]))
        expect_error(lambda: iam.create_permanent_access_key(CreatePermanentAccessKeyRequest(body=body)),
                     400, text="akSkNumExceed")

    def delete():
        response = iam.delete_permanent_access_key(DeletePermanentAccessKeyRequest(access_key=found["ak"]))
        expect(response.status_code == 204, "status %s" % response.status_code)
        expect_error(lambda: iam.show_permanent_access_key(ShowPermanentAccessKeyRequest(access_key=found["ak"])),
                     404)

    def bad_signature():
        wrong = iam_client(endpoint, admin["ak"], "x" * 40, domain_id)
        expect_error(lambda: wrong.list_permanent_access_keys(ListPermanentAccessKeysRequest()), 401, "APIGW.0301")

    def list_kms_keys():
        details, marker = [], None
        while True:
            response = kms.list_keys(ListKeysRequest(body=ListKeysRequestBody(limit="5", marker=marker, key_spec="ALL")))
            details.extend(response.key_details)
            if response.truncated != "true":
                break
            marker = response.next_marker
        expect(len(details) == response.total, "%d keys of %d" % (len(details), response.total))
        state = control(endpoint, "state")
        legacy = next(k["details"] for k in state["kms_keys"] if k["role"] == NEVER_ROTATED)
        found["key_id"], found["alias"] = legacy["key_id"], legacy["key_alias"]
        expect(found["key_id"] in {k.key_id for k in details}, "the never-rotated key is listed")
        found["default_key_id"] = next(k.key_id for k in details if k.default_key_flag == "1")
        expect(len({k.key_spec for k in details}) > 2, "every spec listed")

    def describe():
        response = kms.list_key_detail(ListKeyDetailRequest(body=OperateKeyRequestBody(key_id=found["key_id"])))
        expect(response.key_info.key_alias == found["alias"], "describe-key")

    def rotation_status(enabled, interval):
        response = kms.show_key_rotation_status(
            ShowKeyRotationStatusRequest(body=OperateKeyRequestBody(key_id=found["key_id"])))
        expect(response.key_rotation_enabled is enabled, "enabled %s" % response.key_rotation_enabled)
        expect(response.rotation_interval == interval, "interval %s" % response.rotation_interval)

    def enable():
        kms.enable_key_rotation(EnableKeyRotationRequest(body=OperateKeyRequestBody(key_id=found["key_id"])))
        rotation_status(True, 365)

    def update_interval():
        body = UpdateKeyRotationIntervalRequestBody(key_id=found["key_id"], rotation_interval=90)
        kms.update_key_rotation_interval(UpdateKeyRotationIntervalRequest(body=body))
        rotation_status(True, 90)

    def disable():
        kms.disable_key_rotation(DisableKeyRotationRequest(body=OperateKeyRequestBody(key_id=found["key_id"])))
        rotation_status(False, 90)

    def kms_error():
        body = OperateKeyRequestBody(key_id=found["default_key_id"])
        expect_error(lambda: kms.enable_key_rotation(EnableKeyRotationRequest(body=body)), 400, "KMS.0211")

    for name, check in [
        ("IAM token by password (X-Subject-Token)", token),
        ("IAM validate a token, then 404 for an unknown one", validate_token),
        ("IAM scoped token for a token (the region's project)", scoped_token),
        ("IAM list auth domains", domains),
        ("IAM project of the region", projects),
        ("IAM list and show users", users),
        ("IAM create permanent access key", create),
        ("IAM list permanent access keys", list_keys),
        ("IAM show permanent access key (never used)", show),
        ("IAM new key signs and its last use moves", new_key_signs),
        ("IAM update permanent access key", update),
        ("IAM third key is refused (akSkNumExceed, HTTP 400)", quota),
        ("IAM delete permanent access key, then 404", delete),
        ("gateway refuses a wrong secret key (APIGW.0301)", bad_signature),
        ("KMS list keys, key_spec ALL, paginated", list_kms_keys),
        ("KMS describe key", describe),
        ("KMS key rotation status", lambda: rotation_status(False, 365)),
        ("KMS enable key rotation (interval 365)", enable),
        ("KMS update key rotation interval", update_interval),
        ("KMS disable key rotation", disable),
        ("KMS error for a default key (KMS.0211)", kms_error),
    ]:
        checks.run(name, check)


def main():
    if len(sys.argv) != 2:
        raise SystemExit("usage: python check.py /path/to/keyturn-emulator")
    checks = Checks()
    with tempfile.TemporaryFile(mode="w+") as log:
        process, account = start_emulator(sys.argv[1], log)
        try:
            drive(account, checks)
        finally:
            process.kill()
            process.wait()
        if checks.failed:
            log.seek(0)
            print("emulator log (last lines):")
            print("".join(log.readlines()[-30:]), end="")
    print("official SDK check: %d passed, %d failed" % (checks.passed, checks.failed))
    sys.exit(1 if checks.failed else 0)


if __name__ == "__main__":
    main()
