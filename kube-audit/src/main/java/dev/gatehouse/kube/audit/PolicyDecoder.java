package dev.gatehouse.kube.audit;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;

/**
 * Turns a policy document into a {@link RawPolicy} with the failures upstream's codec reports: group/version/kind
 * resolution as {@code runtime.Scheme} and the json serializer do it, and Go {@code encoding/json} type errors
 * ({@code json: cannot unmarshal string into Go struct field PolicyRule.rules.users of type []string}). Unknown
 * fields are collected as upstream's strict-decoding warning instead of failing.
 */
final class PolicyDecoder {
    static final String GROUP = "audit.k8s.io";
    static final String VERSION = "v1";
    private static final String INTERNAL_VERSION = "__internal";
    private static final String KIND = "Policy";
    /** Upstream's scheme is named after the line that creates it (naming.GetNameFromCallsite). */
    private static final String SCHEME_NAME = "k8s.io/apiserver/pkg/audit/scheme.go:30";
    /** How Go prints the anonymous struct SimpleMetaFactory.Interpret decodes apiVersion and kind into. */
    private static final String FIND_KIND_TYPE =
            "struct { APIVersion string \"json:\\\"apiVersion,omitempty\\\"\"; Kind string \"json:\\\"kind,omitempty\\\"\" }";

    private static final YAMLMapper YAML = new YAMLMapper();

    private static final Set<String> POLICY_FIELDS =
            Set.of("kind", "apiVersion", "metadata", "rules", "omitStages", "omitManagedFields");
    private static final Set<String> RULE_FIELDS = Set.of("level", "users", "userGroups", "verbs", "resources",
            "namespaces", "nonResourceURLs", "omitStages", "omitManagedFields");
    private static final Set<String> GROUP_RESOURCES_FIELDS = Set.of("group", "resources", "resourceNames");

    private PolicyDecoder() {
    }

    static RawPolicy decode(String document) {
        JsonNode root = readTree(document);
        String apiVersion = typeMetaField(root, "apiVersion");
        String kind = typeMetaField(root, "kind");
        GroupVersion gv = GroupVersion.parse(apiVersion);

        // gvkWithDefaults: the decode target (the internal Policy) fills in what the document leaves out.
        if (kind.isEmpty()) {
            kind = KIND;
        }
        if (gv.version().isEmpty() && (gv.group().isEmpty() || gv.group().equals(GROUP))) {
            gv = new GroupVersion(GROUP, INTERNAL_VERSION);
        }
        if (gv.version().isEmpty()) {
            throw failedDecoding("Object 'apiVersion' is missing in '" + document + "'");
        }
        boolean internal = gv.group().equals(GROUP) && gv.version().equals(INTERNAL_VERSION);
        boolean registered = kind.equals(KIND)
                && gv.group().equals(GROUP) && (internal || gv.version().equals(VERSION));
        if (!registered) {
            throw failedDecoding(internal
                    ? "no kind " + GoText.quote(kind) + " is registered for the internal version of group "
                            + GoText.quote(GROUP) + " in scheme " + GoText.quote(SCHEME_NAME)
                    : "no kind " + GoText.quote(kind) + " is registered for version " + GoText.quote(gv.toString())
                            + " in scheme " + GoText.quote(SCHEME_NAME));
        }

        Decoding decoding = new Decoding(internal ? "audit." : "v1.");
        RawPolicy policy = decoding.policy(root);
        if (internal) {
            // Decoding succeeded, but LoadPolicyFromBytes insists on a served version.
            throw new InvalidAuditPolicyException("unknown group version field " + GROUP + "/" + INTERNAL_VERSION
                    + ", Kind=" + KIND + " in policy");
        }
        return policy;
    }

    private static JsonNode readTree(String document) {
        JsonNode root;
        try {
            root = YAML.readTree(document);
        } catch (JacksonException e) {
            throw failedDecoding("error converting YAML to JSON: yaml: " + yamlProblem(e));
        }
        if (root == null || root.isMissingNode() || root.isNull()) {
            return JsonNodeFactory.instance.objectNode();
        }
        if (!root.isObject()) {
            throw failedDecoding("couldn't get version/kind; json parse error: json: cannot unmarshal "
                    + jsonKind(root) + " into Go value of type " + FIND_KIND_TYPE);
        }
        return root;
    }

    /**
     * go-yaml's one-line shape, {@code line 5: <problem>}. The problem text is SnakeYAML's (e.g. {@code expected
     * <block end>, but found '<block mapping start>'}), not go-yaml's wording.
     */
    private static String yamlProblem(JacksonException e) {
        // SnakeYAML's text is: context, "in 'reader', line..", snippet, caret, problem, "in 'reader'..", snippet,
        // caret. The problem is the line before the last location line.
        String[] lines = String.valueOf(e.getOriginalMessage()).split("\\R");
        String problem = lines[0].strip();
        for (int i = lines.length - 1; i > 0; i--) {
            if (lines[i].strip().startsWith("in '")) {
                problem = lines[i - 1].strip();
                break;
            }
        }
        int line = e.getLocation() == null ? -1 : e.getLocation().getLineNr();
        return line > 0 ? "line " + line + ": " + problem : problem;
    }

    private static String typeMetaField(JsonNode root, String name) {
        JsonNode value = root.get(name);
        if (value == null || value.isNull()) {
            return "";
        }
        if (!value.isTextual()) {
            throw failedDecoding("couldn't get version/kind; json parse error: json: cannot unmarshal "
                    + jsonKind(value) + " into Go struct field ." + name + " of type string");
        }
        return value.asText();
    }

    private static InvalidAuditPolicyException failedDecoding(String cause) {
        return new InvalidAuditPolicyException("failed decoding: " + cause);
    }

    /** The word Go's decoder uses for a JSON value in {@code UnmarshalTypeError}. */
    static String jsonKind(JsonNode node) {
        if (node.isTextual()) {
            return "string";
        }
        if (node.isNumber()) {
            return "number";
        }
        if (node.isBoolean()) {
            return "bool";
        }
        if (node.isArray()) {
            return "array";
        }
        return "object";
    }

    /** Upstream {@code schema.ParseGroupVersion}. */
    record GroupVersion(String group, String version) {
        static GroupVersion parse(String value) {
            if (value.isEmpty() || value.equals("/")) {
                return new GroupVersion("", "");
            }
            int slash = value.indexOf('/');
            if (slash < 0) {
                return new GroupVersion("", value);
            }
            if (value.indexOf('/', slash + 1) >= 0) {
                throw failedDecoding("unexpected GroupVersion string: " + value);
            }
            return new GroupVersion(value.substring(0, slash), value.substring(slash + 1));
        }

        @Override
        public String toString() {
            return group.isEmpty() ? version : group + "/" + version;
        }
    }

    /**
     * One decoding pass. Go's decoder reports the innermost struct type and the JSON field names leading to the bad
     * value (array indices are not part of that path), while strict-mode unknown fields are reported with indices.
     */
    private static final class Decoding {
        private final String typePrefix;
        private final List<String> unknownFields = new ArrayList<>();

        Decoding(String typePrefix) {
            this.typePrefix = typePrefix;
        }

        RawPolicy policy(JsonNode root) {
            collectUnknown(root, POLICY_FIELDS, "");
            Context context = new Context("Policy", "", "");
            JsonNode metadata = root.get("metadata");
            if (metadata != null && !metadata.isNull() && !metadata.isObject()) {
                throw typeError(metadata, context.field("metadata"), typePrefix + "ObjectMeta");
            }
            List<RawPolicy.Rule> rules = objects(root.get("rules"), context.field("rules"), "PolicyRule",
                    this::rule);
            List<String> omitStages = strings(root.get("omitStages"), context.field("omitStages"),
                    typePrefix + "Stage");
            Boolean omit = bool(root.get("omitManagedFields"), context.field("omitManagedFields"));
            List<String> warnings = unknownFields.isEmpty() ? List.of()
                    : List.of("strict decoding error: " + String.join(", ", unknownFields));
            return new RawPolicy(rules, omitStages, omit != null && omit, warnings);
        }

        private RawPolicy.Rule rule(JsonNode node, Context context) {
            collectUnknown(node, RULE_FIELDS, context.indexedPath());
            return new RawPolicy.Rule(
                    string(node.get("level"), context.field("level"), typePrefix + "Level"),
                    strings(node.get("users"), context.field("users"), "string"),
                    strings(node.get("userGroups"), context.field("userGroups"), "string"),
                    strings(node.get("verbs"), context.field("verbs"), "string"),
                    objects(node.get("resources"), context.field("resources"), "GroupResources",
                            this::groupResources),
                    strings(node.get("namespaces"), context.field("namespaces"), "string"),
                    strings(node.get("nonResourceURLs"), context.field("nonResourceURLs"), "string"),
                    strings(node.get("omitStages"), context.field("omitStages"), typePrefix + "Stage"),
                    bool(node.get("omitManagedFields"), context.field("omitManagedFields")));
        }

        private GroupResources groupResources(JsonNode node, Context context) {
            collectUnknown(node, GROUP_RESOURCES_FIELDS, context.indexedPath());
            return new GroupResources(
                    string(node.get("group"), context.field("group"), "string"),
                    strings(node.get("resources"), context.field("resources"), "string"),
                    strings(node.get("resourceNames"), context.field("resourceNames"), "string"));
        }

        private <T> List<T> objects(JsonNode node, Context field, String structName,
                                    BiFunction<JsonNode, Context, T> element) {
            if (node == null || node.isNull()) {
                return List.of();
            }
            if (!node.isArray()) {
                throw typeError(node, field, "[]" + typePrefix + structName);
            }
            List<T> result = new ArrayList<>();
            for (int i = 0; i < node.size(); i++) {
                JsonNode item = node.get(i);
                if (item.isNull()) {
                    item = JsonNodeFactory.instance.objectNode();
                } else if (!item.isObject()) {
                    throw typeError(item, field, typePrefix + structName);
                }
                result.add(element.apply(item, field.enter(structName, i)));
            }
            return result;
        }

        private List<String> strings(JsonNode node, Context field, String elementType) {
            if (node == null || node.isNull()) {
                return List.of();
            }
            if (!node.isArray()) {
                throw typeError(node, field, "[]" + elementType);
            }
            List<String> result = new ArrayList<>();
            for (JsonNode item : node) {
                result.add(string(item, field, elementType));
            }
            return result;
        }

        private String string(JsonNode node, Context field, String type) {
            if (node == null || node.isNull()) {
                return "";
            }
            if (!node.isTextual()) {
                throw typeError(node, field, type);
            }
            return node.asText();
        }

        private Boolean bool(JsonNode node, Context field) {
            if (node == null || node.isNull()) {
                return null;
            }
            if (!node.isBoolean()) {
                throw typeError(node, field, "bool");
            }
            return node.booleanValue();
        }

        private void collectUnknown(JsonNode object, Set<String> known, String path) {
            Iterator<Map.Entry<String, JsonNode>> fields = object.fields();
            while (fields.hasNext()) {
                String name = fields.next().getKey();
                if (!known.contains(name)) {
                    unknownFields.add("unknown field " + GoText.quote(path.isEmpty() ? name : path + "." + name));
                }
            }
        }

        private static InvalidAuditPolicyException typeError(JsonNode value, Context field, String type) {
            return failedDecoding("json: cannot unmarshal " + jsonKind(value) + " into Go struct field "
                    + field.structName() + "." + field.fieldPath() + " of type " + type);
        }
    }

    /**
     * Where the decoder is: the struct being filled, the dotted JSON field path Go reports, and the indexed path
     * strict decoding reports for unknown fields.
     */
    private record Context(String structName, String fieldPath, String indexedPath) {
        Context field(String name) {
            return new Context(structName, join(fieldPath, name), join(indexedPath, name));
        }

        Context enter(String struct, int index) {
            return new Context(struct, fieldPath, indexedPath + "[" + index + "]");
        }

        private static String join(String path, String name) {
            return path.isEmpty() ? name : path + "." + name;
        }
    }
}
