package dev.gatehouse.kube.authn.tokens.serviceaccount;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gatehouse.kube.authn.tokens.testing.Cases;

/** Shared fixtures: the OpenSSL-generated test keys and how test data names bound objects. */
final class TestTokens {
    static final String ISSUER = "https://kubernetes.default.svc.cluster.local";
    static final String JTI = "6a2f1c4e-8b3d-4e5f-9a0b-1c2d3e4f5a6b";
    static final SigningKey KEY_A = SigningKey.fromPem(Cases.bytes("serviceaccount/keys/key-a.pem"));
    static final SigningKey KEY_B = SigningKey.fromPem(Cases.bytes("serviceaccount/keys/key-b.pem"));

    private TestTokens() {
    }

    /** {@code {kind: Pod|Secret|Node, name, uid, serviceAccountName?, node?: {name, uid?}}} as a bound object. */
    static BoundObject boundObject(JsonNode b) {
        return switch (b.get("kind").asText()) {
            case "Pod" -> new BoundObject.Pod(b.get("name").asText(), b.get("uid").asText(),
                    b.path("serviceAccountName").asText("builder"),
                    b.has("node") ? new BoundObject.Node(b.get("node").get("name").asText(), b.get("node").path("uid").asText("")) : null);
            case "Secret" -> new BoundObject.Secret(b.get("name").asText(), b.get("uid").asText());
            case "Node" -> new BoundObject.Node(b.get("name").asText(), b.get("uid").asText());
            default -> throw new IllegalArgumentException("unknown bound kind " + b.get("kind"));
        };
    }
}
