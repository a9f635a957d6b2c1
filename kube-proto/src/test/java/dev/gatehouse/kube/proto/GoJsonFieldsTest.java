package dev.gatehouse.kube.proto;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.FieldDescriptor;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** The generated Go field table must cover the bundled descriptors, so that no field falls back to guessing. */
class GoJsonFieldsTest {

    /**
     * Fields of the bundled (Kubernetes 1.30) descriptors that 1.32 removed: ClaimSource was folded into
     * PodResourceClaim in 1.31. A 1.32 client never sends them.
     */
    private static final Set<String> REMOVED_BEFORE_1_32 = Set.of(
            "k8s.io.api.core.v1.PodResourceClaim.source",
            "k8s.io.api.core.v1.ClaimSource.resourceClaimName",
            "k8s.io.api.core.v1.ClaimSource.resourceClaimTemplateName");

    private final GoJsonFields table = GoJsonFields.load();

    @Test
    void everyFieldReachableFromARegisteredKindHasItsGoShape() {
        Set<String> missing = new TreeSet<>();
        for (Descriptor message : reachableMessages()) {
            if (WellKnownType.of(message).isPresent() || message.getOptions().getMapEntry()
                    || table.isListWrapper(message)) {
                continue;
            }
            for (FieldDescriptor field : message.getFields()) {
                if (!table.knows(field)) {
                    missing.add(field.getFullName());
                }
            }
        }
        assertThat(missing).containsExactlyInAnyOrderElementsOf(REMOVED_BEFORE_1_32);
    }

    @Test
    void listWrappersHoldOneRepeatedItemsField() {
        for (Descriptor message : reachableMessages()) {
            if (table.isListWrapper(message)) {
                assertThat(message.getFields()).as(message.getFullName()).singleElement()
                        .satisfies(f -> assertThat(f.getName()).isEqualTo("items"))
                        .satisfies(f -> assertThat(f.isRepeated()).isTrue());
            }
        }
    }

    @Test
    void jsonNamesDifferingFromProtobufNamesComeFromTheGoTags() {
        FieldDescriptor uid = io.kubernetes.client.proto.V1Authentication.BoundObjectReference.getDescriptor()
                .findFieldByNumber(4);
        assertThat(uid.getName()).isEqualTo("uID");
        assertThat(table.field(uid).jsonName()).isEqualTo("uid");
        assertThat(table.field(uid).goName()).isEqualTo("UID");
    }

    private static Set<Descriptor> reachableMessages() {
        KindRegistry registry = KindRegistry.standard();
        Deque<Descriptor> pending = new ArrayDeque<>();
        for (String entry : registry.registeredKinds()) {
            String[] parts = entry.split(" ");
            GroupVersionKind gvk = GroupVersionKind.fromApiVersionAndKind(parts[0], parts[1]);
            registry.find(gvk).ifPresent(pending::add);
        }
        pending.addAll(List.of(io.kubernetes.client.proto.Runtime.Unknown.getDescriptor()));
        Set<Descriptor> seen = new HashSet<>();
        while (!pending.isEmpty()) {
            Descriptor message = pending.pop();
            if (seen.add(message)) {
                for (FieldDescriptor field : message.getFields()) {
                    if (field.getJavaType() == FieldDescriptor.JavaType.MESSAGE) {
                        pending.push(field.getMessageType());
                    }
                }
            }
        }
        return seen;
    }
}
