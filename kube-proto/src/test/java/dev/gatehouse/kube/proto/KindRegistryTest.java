package dev.gatehouse.kube.proto;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** The kind index built from the descriptors must match kube-apiserver's registrations (registered-kinds.yaml). */
class KindRegistryTest {

    record Registrations(List<String> perGroupVersion, List<String> unversioned,
            Map<String, List<String>> notDecoded, Map<String, List<String>> kinds) {
    }

    private static final Registrations UPSTREAM = TestData.loadOne("registered-kinds.yaml", Registrations.class);

    private final KindRegistry registry = KindRegistry.standard();

    @Test
    void indexesExactlyTheKindsUpstreamRegistersForEachGroupVersion() {
        Set<String> expected = new TreeSet<>();
        UPSTREAM.kinds().forEach((apiVersion, kinds) -> {
            List<String> skipped = UPSTREAM.notDecoded().getOrDefault(apiVersion, List.of());
            kinds.stream().filter(k -> !skipped.contains(k)).forEach(k -> expected.add(apiVersion + " " + k));
            UPSTREAM.perGroupVersion().forEach(k -> expected.add(apiVersion + " " + k));
        });

        assertThat(registry.registeredKinds()).containsExactlyElementsOf(expected);
    }

    @Test
    void unversionedMetaKindsResolveUnderAnyGroupVersionButOthersDoNot() {
        for (String kind : UPSTREAM.unversioned()) {
            assertThat(registry.find(new GroupVersionKind("example.com", "v7", kind)))
                    .as(kind).hasValueSatisfying(d -> assertThat(d.getName()).isEqualTo(kind));
        }
        assertThat(registry.find(new GroupVersionKind("example.com", "v7", "DeleteOptions"))).isEmpty();
        assertThat(registry.find(new GroupVersionKind("", "v1", "Role"))).isEmpty();
    }

    @Test
    void aKindResolvesToTheMessageOfItsOwnGroup() {
        assertThat(registry.find(new GroupVersionKind("rbac.authorization.k8s.io", "v1", "Role")))
                .hasValueSatisfying(d -> assertThat(d.getFullName()).isEqualTo("k8s.io.api.rbac.v1.Role"));
        assertThat(registry.find(new GroupVersionKind("authentication.k8s.io", "v1", "TokenRequest")))
                .hasValueSatisfying(d -> assertThat(d.getFullName())
                        .isEqualTo("k8s.io.api.authentication.v1.TokenRequest"));
        // storage.k8s.io has a TokenRequest message too, but as a field type, not a kind.
        assertThat(registry.find(new GroupVersionKind("storage.k8s.io", "v1", "TokenRequest"))).isEmpty();
    }
}
