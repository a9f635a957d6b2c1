package dev.gatehouse.kube.proto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.protobuf.ByteString;
import io.kubernetes.client.proto.Meta;
import io.kubernetes.client.proto.V1;
import io.kubernetes.client.proto.V1Authorization;
import io.kubernetes.client.proto.V1Rbac;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/**
 * Bodies built field by field with the generated builders, as client-go populates its structs: the documented
 * kubectl capture, defaulting of the envelope's type, and the nesting limits.
 */
class GeneratedBuildersTest {

    private final ProtobufDecoder decoder = new ProtobufDecoder();

    /** {@code kubectl create role pod-reader --verb=get,list --resource=pods}, every gogo zero value spelled out. */
    private static V1Rbac.Role podReaderRole() {
        return V1Rbac.Role.newBuilder()
                .setMetadata(Meta.ObjectMeta.newBuilder()
                        .setName("pod-reader").setGenerateName("").setNamespace("").setSelfLink("").setUid("")
                        .setResourceVersion("").setGeneration(0).setCreationTimestamp(Meta.Time.newBuilder()))
                .addRules(V1Rbac.PolicyRule.newBuilder()
                        .addVerbs("get").addVerbs("list").addApiGroups("").addResources("pods"))
                .build();
    }

    @Test
    void kubectlCreateRoleBodyHasTheCapturedLayoutAndDecodes() throws ProtobufDecodeException {
        byte[] body = GogoMessages.envelope("rbac.authorization.k8s.io/v1", "Role", podReaderRole().toByteArray());

        // magic | typeMeta{apiVersion, kind} | raw = Role{metadata{1..8}, rules} | contentEncoding "" | contentType ""
        assertThat(HexFormat.of().formatHex(body)).isEqualTo("6b387300"
                + "0a240a1c726261632e617574686f72697a6174696f6e2e6b38732e696f2f76311204526f6c65"
                + "1231" + "0a1a0a0a706f642d72656164657212001a0022002a0032003800420012130a036765740a046c697374"
                + "12001a04706f6473" + "1a00" + "2200");
        DecodedObject decoded = decoder.decode(body);
        assertThat(decoded.object()).isEqualTo(TestData.json("""
                {"kind": "Role", "apiVersion": "rbac.authorization.k8s.io/v1", "metadata": {"name": "pod-reader"},
                 "rules": [{"verbs": ["get", "list"], "apiGroups": [""], "resources": ["pods"]}]}"""));
        assertThat(decoded.object().fieldNames()).toIterable()
                .as("Go writes the inlined TypeMeta first").startsWith("kind", "apiVersion", "metadata", "rules");
    }

    @Test
    void selfSubjectAccessReviewFromBuilders() throws ProtobufDecodeException {
        V1Authorization.SelfSubjectAccessReview review = V1Authorization.SelfSubjectAccessReview.newBuilder()
                .setMetadata(Meta.ObjectMeta.newBuilder().setName("").setGeneration(0)
                        .setCreationTimestamp(Meta.Time.newBuilder()))
                .setSpec(V1Authorization.SelfSubjectAccessReviewSpec.newBuilder()
                        .setResourceAttributes(V1Authorization.ResourceAttributes.newBuilder()
                                .setNamespace("default").setVerb("create").setGroup("").setVersion("")
                                .setResource("serviceaccounts").setSubresource("token").setName("default")))
                .setStatus(V1Authorization.SubjectAccessReviewStatus.newBuilder()
                        .setAllowed(false).setDenied(false).setReason("").setEvaluationError(""))
                .build();

        DecodedObject decoded = decoder.decode(GogoMessages.envelope("authorization.k8s.io/v1",
                "SelfSubjectAccessReview", review.toByteArray()));

        assertThat(decoded.object()).isEqualTo(TestData.json("""
                {"kind": "SelfSubjectAccessReview", "apiVersion": "authorization.k8s.io/v1", "metadata": {},
                 "spec": {"resourceAttributes": {"namespace": "default", "verb": "create",
                          "resource": "serviceaccounts", "subresource": "token", "name": "default"}},
                 "status": {"allowed": false}}"""));
    }

    @Test
    void missingKindAndVersionAreTakenFromTheEndpointDefaults() throws ProtobufDecodeException {
        byte[] raw = V1.ConfigMap.newBuilder().setMetadata(Meta.ObjectMeta.newBuilder().setName("c")).build()
                .toByteArray();
        GroupVersionKind endpoint = new GroupVersionKind("", "v1", "ConfigMap");

        DecodedObject noKind = decoder.decode(GogoMessages.envelope("v1", "", raw), endpoint);
        DecodedObject noVersion = decoder.decode(GogoMessages.envelope("", "ConfigMap", raw), endpoint);
        DecodedObject nothing = decoder.decode(GogoMessages.envelope("", "", raw), endpoint);

        for (DecodedObject decoded : new DecodedObject[] {noKind, noVersion, nothing}) {
            assertThat(decoded.apiVersion()).isEqualTo("v1");
            assertThat(decoded.kind()).isEqualTo("ConfigMap");
            assertThat(decoded.object().path("metadata").path("name").asText()).isEqualTo("c");
        }
    }

    @Test
    void theBodysOwnKindWinsOverTheDefaults() {
        byte[] body = GogoMessages.envelope("v1", "Foo", new byte[0]);

        assertThatThrownBy(() -> decoder.decode(body, new GroupVersionKind("", "v1", "ConfigMap")))
                .isInstanceOf(ProtobufDecodeException.class)
                .hasMessage("no kind \"Foo\" is registered for version \"v1\" in scheme "
                        + "\"pkg/api/legacyscheme/scheme.go:30\"");
    }

    @Test
    void listsNestedTooDeeplyAreRefused() throws ProtobufDecodeException {
        assertThat(decoder.decode(nestedLists(20)).object().toString()).contains("\"kind\":\"List\"");

        assertThatThrownBy(() -> decoder.decode(nestedLists(60)))
                .isInstanceOf(ProtobufDecodeException.class)
                .hasMessage("proto: exceeded maximum recursion depth");
    }

    @Test
    void jsonNestedTooDeeplyInsideARawExtensionIsRefused() {
        String deep = "[".repeat(RawJson.MAX_NESTING_DEPTH + 1) + "]".repeat(RawJson.MAX_NESTING_DEPTH + 1);
        byte[] raw = V1.List.newBuilder()
                .addItems(io.kubernetes.client.proto.Runtime.RawExtension.newBuilder()
                        .setRaw(ByteString.copyFromUtf8(deep)))
                .build().toByteArray();

        assertThatThrownBy(() -> decoder.decode(GogoMessages.envelope("v1", "List", raw)))
                .isInstanceOf(ProtobufDecodeException.class)
                .hasMessage("failed to parse RawExtension bytes as JSON: nesting deeper than 1000 levels");
    }

    @Test
    void recognisesTheMagicPrefix() {
        assertThat(ProtobufDecoder.hasProtobufPrefix(new byte[] {0x6b, 0x38, 0x73, 0x00, 0x0a})).isTrue();
        assertThat(ProtobufDecoder.hasProtobufPrefix(new byte[] {0x6b, 0x38, 0x73})).isFalse();
        assertThat(ProtobufDecoder.hasProtobufPrefix("{\"kind\":\"Role\"}".getBytes())).isFalse();
    }

    /** A core List whose only item is a protobuf List whose only item is ..., {@code depth} Lists in all. */
    private static byte[] nestedLists(int depth) {
        byte[] body = GogoMessages.envelope("v1", "ConfigMap", new byte[0]);
        for (int i = 0; i < depth; i++) {
            byte[] raw = V1.List.newBuilder()
                    .addItems(io.kubernetes.client.proto.Runtime.RawExtension.newBuilder()
                            .setRaw(ByteString.copyFrom(body)))
                    .build().toByteArray();
            body = GogoMessages.envelope("v1", "List", raw);
        }
        return body;
    }
}
