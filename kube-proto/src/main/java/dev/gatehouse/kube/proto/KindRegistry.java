package dev.gatehouse.kube.proto;

import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.Descriptors.FileDescriptor;
import io.kubernetes.client.proto.Meta;
import io.kubernetes.client.proto.V1;
import io.kubernetes.client.proto.V1Admissionregistration;
import io.kubernetes.client.proto.V1Apps;
import io.kubernetes.client.proto.V1Authentication;
import io.kubernetes.client.proto.V1Authorization;
import io.kubernetes.client.proto.V1Autoscaling;
import io.kubernetes.client.proto.V1Batch;
import io.kubernetes.client.proto.V1Certificates;
import io.kubernetes.client.proto.V1Networking;
import io.kubernetes.client.proto.V1Policy;
import io.kubernetes.client.proto.V1Rbac;
import io.kubernetes.client.proto.V1Scheduling;
import io.kubernetes.client.proto.V1Storage;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Which protobuf message decodes which (apiVersion, kind), as kube-apiserver's scheme registers them.
 *
 * <p>A kind is a message of one of the listed API files whose {@code metadata} is an {@code ObjectMeta} or a
 * {@code ListMeta}, minus the template types that embed an {@code ObjectMeta} without being kinds. The
 * query-parameter kinds of core/v1 ({@code PodLogOptions}, ...) never arrive as bodies and are left out. Like
 * {@code metav1.AddToGroupVersion}, every group version also gets {@code WatchEvent} and the {@code *Options}
 * kinds, and a few meta kinds are "unversioned": registered under any group version at all.
 */
final class KindRegistry {

    /** The scheme name kube-apiserver's decoding errors quote. */
    static final String SCHEME_NAME = "pkg/api/legacyscheme/scheme.go:30";

    /** Protobuf package segment (k8s.io.api.SEGMENT.v1) to API group. */
    private static final Map<String, String> GROUPS = Map.ofEntries(
            Map.entry("core", ""),
            Map.entry("rbac", "rbac.authorization.k8s.io"),
            Map.entry("apps", "apps"),
            Map.entry("batch", "batch"),
            Map.entry("authorization", "authorization.k8s.io"),
            Map.entry("authentication", "authentication.k8s.io"),
            Map.entry("networking", "networking.k8s.io"),
            Map.entry("policy", "policy"),
            Map.entry("storage", "storage.k8s.io"),
            Map.entry("scheduling", "scheduling.k8s.io"),
            Map.entry("certificates", "certificates.k8s.io"),
            Map.entry("admissionregistration", "admissionregistration.k8s.io"),
            Map.entry("autoscaling", "autoscaling"));

    private static final Set<String> NOT_KINDS = Set.of("PodTemplateSpec", "PersistentVolumeClaimTemplate",
            "JobTemplateSpec");
    private static final List<String> PER_GROUP_VERSION_META_KINDS = List.of("WatchEvent", "ListOptions",
            "GetOptions", "DeleteOptions", "CreateOptions", "UpdateOptions", "PatchOptions");
    private static final List<String> UNVERSIONED_META_KINDS = List.of("Status", "APIVersions", "APIGroupList",
            "APIGroup", "APIResourceList");

    private final Map<String, Map<String, Descriptor>> kindsByApiVersion;
    private final Map<String, Descriptor> unversionedKinds;

    private KindRegistry(Map<String, Map<String, Descriptor>> kindsByApiVersion,
            Map<String, Descriptor> unversionedKinds) {
        this.kindsByApiVersion = kindsByApiVersion;
        this.unversionedKinds = unversionedKinds;
    }

    /** The registry over the bundled client-java-proto files, built on first use. */
    static KindRegistry standard() {
        return Holder.STANDARD;
    }

    private static final class Holder {
        static final KindRegistry STANDARD = build(List.of(V1.getDescriptor(), V1Rbac.getDescriptor(),
                V1Apps.getDescriptor(), V1Batch.getDescriptor(), V1Authorization.getDescriptor(),
                V1Authentication.getDescriptor(), V1Networking.getDescriptor(), V1Policy.getDescriptor(),
                V1Storage.getDescriptor(), V1Scheduling.getDescriptor(), V1Certificates.getDescriptor(),
                V1Admissionregistration.getDescriptor(), V1Autoscaling.getDescriptor()));
    }

    static KindRegistry build(List<FileDescriptor> apiFiles) {
        FileDescriptor meta = Meta.getDescriptor();
        Map<String, Map<String, Descriptor>> byApiVersion = new HashMap<>();
        for (FileDescriptor file : apiFiles) {
            String apiVersion = apiVersionOf(file);
            Map<String, Descriptor> kinds = byApiVersion.computeIfAbsent(apiVersion, v -> new HashMap<>());
            for (Descriptor message : file.getMessageTypes()) {
                if (isKind(message)) {
                    kinds.put(message.getName(), message);
                }
            }
            for (String metaKind : PER_GROUP_VERSION_META_KINDS) {
                kinds.put(metaKind, meta.findMessageTypeByName(metaKind));
            }
        }
        Map<String, Descriptor> unversioned = new HashMap<>();
        for (String metaKind : UNVERSIONED_META_KINDS) {
            unversioned.put(metaKind, meta.findMessageTypeByName(metaKind));
        }
        byApiVersion.replaceAll((apiVersion, kinds) -> Map.copyOf(kinds));
        return new KindRegistry(Map.copyOf(byApiVersion), Map.copyOf(unversioned));
    }

    /** {@code k8s.io.api.rbac.v1} becomes {@code rbac.authorization.k8s.io/v1}; {@code k8s.io.api.core.v1} becomes {@code v1}. */
    private static String apiVersionOf(FileDescriptor file) {
        String[] parts = file.getPackage().split("\\.");
        if (parts.length != 5 || !file.getPackage().startsWith("k8s.io.api.")) {
            throw new IllegalArgumentException("not a Kubernetes API package: " + file.getPackage());
        }
        String group = GROUPS.get(parts[3]);
        if (group == null) {
            throw new IllegalArgumentException("no API group known for package " + file.getPackage());
        }
        return new GroupVersionKind(group, parts[4], "").apiVersion();
    }

    private static boolean isKind(Descriptor message) {
        FieldDescriptor metadata = message.findFieldByName("metadata");
        if (metadata == null || metadata.getJavaType() != FieldDescriptor.JavaType.MESSAGE
                || NOT_KINDS.contains(message.getName())) {
            return false;
        }
        String metaType = metadata.getMessageType().getFullName();
        return metaType.equals(Meta.ObjectMeta.getDescriptor().getFullName())
                || metaType.equals(Meta.ListMeta.getDescriptor().getFullName());
    }

    /** The message for {@code gvk}, as {@code Scheme.New} finds it: by group version first, then unversioned. */
    Optional<Descriptor> find(GroupVersionKind gvk) {
        Descriptor registered = kindsByApiVersion.getOrDefault(gvk.apiVersion(), Map.of()).get(gvk.kind());
        return Optional.ofNullable(registered != null ? registered : unversionedKinds.get(gvk.kind()));
    }

    /** Every registered (apiVersion, kind) as {@code apiVersion/Kind} strings, sorted; for tests and diagnostics. */
    Set<String> registeredKinds() {
        Set<String> all = new TreeSet<>();
        kindsByApiVersion.forEach((apiVersion, kinds) -> kinds.keySet().forEach(k -> all.add(apiVersion + " " + k)));
        return all;
    }

    /** The message {@code Scheme.New} returns for an unknown kind, with kube-apiserver's scheme name. */
    static String notRegisteredMessage(GroupVersionKind gvk) {
        if (gvk.version().equals("__internal")) {
            return "no kind " + GoStrings.quote(gvk.kind()) + " is registered for the internal version of group "
                    + GoStrings.quote(gvk.group()) + " in scheme " + GoStrings.quote(SCHEME_NAME);
        }
        return "no kind " + GoStrings.quote(gvk.kind()) + " is registered for version "
                + GoStrings.quote(gvk.apiVersion()) + " in scheme " + GoStrings.quote(SCHEME_NAME);
    }
}
