package dev.gatehouse.kube.jwt.config;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.gatehouse.kube.jwt.config.AuthenticationConfiguration.Anonymous;
import dev.gatehouse.kube.jwt.config.AuthenticationConfiguration.AnonymousCondition;
import dev.gatehouse.kube.jwt.config.AuthenticationConfiguration.ClaimMappings;
import dev.gatehouse.kube.jwt.config.AuthenticationConfiguration.ClaimOrExpression;
import dev.gatehouse.kube.jwt.config.AuthenticationConfiguration.ClaimValidationRule;
import dev.gatehouse.kube.jwt.config.AuthenticationConfiguration.ExtraMapping;
import dev.gatehouse.kube.jwt.config.AuthenticationConfiguration.Issuer;
import dev.gatehouse.kube.jwt.config.AuthenticationConfiguration.Jwt;
import dev.gatehouse.kube.jwt.config.AuthenticationConfiguration.PrefixedClaimOrExpression;
import dev.gatehouse.kube.jwt.config.AuthenticationConfiguration.UserValidationRule;
import dev.gatehouse.kube.jwt.internal.GoFormat;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Decodes the document the way kube-apiserver's strict universal decoder does: apiVersion/kind first (with
 * apimachinery's messages), then every field by exact name, reporting the first type mismatch as encoding/json
 * words it, else all unknown fields as one {@code strict decoding error}.
 */
final class ConfigDecoder {

    /** Where the scheme that refuses unknown kinds lives upstream; part of apimachinery's message. */
    private static final String SCHEME_NAME = "k8s.io/kubernetes/pkg/kubeapiserver/options/authentication.go";

    private static final ObjectMapper YAML = new ObjectMapper(
            new YAMLFactory().enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION));

    private final String version;
    private final List<String> unknownFields = new ArrayList<>();
    private String firstTypeError;

    private ConfigDecoder(String version) {
        this.version = version;
    }

    static AuthenticationConfiguration decode(String data) {
        if (data == null || data.isEmpty()) {
            throw new ConfigurationException("empty config data");
        }
        JsonNode root = parseYaml(data);
        if (root != null && !root.isNull() && !root.isObject()) {
            throw new ConfigurationException("couldn't get version/kind; json parse error: json: cannot unmarshal "
                    + GoFormat.jsonKind(root) + " into Go value of type struct { APIVersion string; Kind string }");
        }
        String kind = typeMetaString(root, "kind");
        String apiVersion = typeMetaString(root, "apiVersion");
        if (kind.isEmpty()) {
            throw new ConfigurationException("Object 'Kind' is missing in '" + data + "'");
        }
        if (apiVersion.isEmpty()) {
            throw new ConfigurationException("Object 'apiVersion' is missing in '" + data + "'");
        }
        int slash = apiVersion.indexOf('/');
        String group = slash < 0 ? "" : apiVersion.substring(0, slash);
        String version = slash < 0 ? apiVersion : apiVersion.substring(slash + 1);
        if (!AuthenticationConfiguration.GROUP.equals(group)
                || !AuthenticationConfiguration.SUPPORTED_VERSIONS.contains(version)
                || !AuthenticationConfiguration.KIND.equals(kind)) {
            throw new ConfigurationException("no kind " + GoFormat.quote(kind) + " is registered for version "
                    + GoFormat.quote(apiVersion) + " in scheme " + GoFormat.quote(SCHEME_NAME));
        }
        ConfigDecoder decoder = new ConfigDecoder(version);
        AuthenticationConfiguration config = decoder.configuration(root, apiVersion);
        if (decoder.firstTypeError != null) {
            throw new ConfigurationException(decoder.firstTypeError);
        }
        if (!decoder.unknownFields.isEmpty()) {
            List<String> parts = decoder.unknownFields.stream().map(f -> "unknown field " + GoFormat.quote(f)).toList();
            throw new ConfigurationException("strict decoding error: " + String.join(", ", parts));
        }
        return config;
    }

    private static JsonNode parseYaml(String data) {
        try {
            return YAML.readTree(data);
        } catch (JsonProcessingException e) {
            String message = e.getOriginalMessage();
            int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
            if (message != null && message.startsWith("Duplicate field")) {
                String key = message.replaceFirst("^Duplicate field '(.*)'.*$", "$1");
                throw new ConfigurationException("strict decoding error: yaml: unmarshal errors:\n  line " + line
                        + ": key " + GoFormat.quote(key) + " already set in map");
            }
            throw new ConfigurationException("error converting YAML to JSON: yaml: line " + line + ": "
                    + (message == null ? "invalid document" : message.lines().findFirst().orElse("")));
        }
    }

    private static String typeMetaString(JsonNode root, String field) {
        if (root == null || !root.isObject()) {
            return "";
        }
        JsonNode value = root.get(field);
        if (value == null || value.isNull()) {
            return "";
        }
        if (!value.isTextual()) {
            throw new ConfigurationException("couldn't get version/kind; json parse error: json: cannot unmarshal "
                    + GoFormat.jsonKind(value) + " into Go struct field ." + field + " of type string");
        }
        return value.textValue();
    }

    // ---- per-type decoding --------------------------------------------------------------------------------------

    private AuthenticationConfiguration configuration(JsonNode root, String apiVersion) {
        ObjectView o = object(root, "", "AuthenticationConfiguration", Set.of("apiVersion", "kind", "jwt", "anonymous"));
        List<Jwt> jwt = o.list("jwt", "[]" + version + ".JWTAuthenticator", this::jwt);
        Optional<Anonymous> anonymous = o.optionalObject("anonymous", version + ".AnonymousAuthConfig", this::anonymous);
        return new AuthenticationConfiguration(apiVersion, jwt, anonymous);
    }

    private Jwt jwt(Element e) {
        ObjectView o = object(e.node(), e.path(), "JWTAuthenticator",
                Set.of("issuer", "claimValidationRules", "claimMappings", "userValidationRules"));
        Issuer issuer = o.optionalObject("issuer", version + ".Issuer", this::issuer)
                .orElse(new Issuer("", "", "", List.of(), ""));
        List<ClaimValidationRule> rules = o.list("claimValidationRules", "[]" + version + ".ClaimValidationRule",
                this::claimValidationRule);
        ClaimMappings mappings = o.optionalObject("claimMappings", version + ".ClaimMappings", this::claimMappings)
                .orElse(new ClaimMappings(PrefixedClaimOrExpression.EMPTY, PrefixedClaimOrExpression.EMPTY,
                        ClaimOrExpression.EMPTY, List.of()));
        List<UserValidationRule> userRules = o.list("userValidationRules", "[]" + version + ".UserValidationRule",
                this::userValidationRule);
        return new Jwt(issuer, rules, mappings, userRules);
    }

    private Issuer issuer(Element e) {
        ObjectView o = object(e.node(), e.path(), "Issuer",
                Set.of("url", "discoveryURL", "certificateAuthority", "audiences", "audienceMatchPolicy"));
        return new Issuer(o.string("url", "string"), o.string("discoveryURL", "string"),
                o.string("certificateAuthority", "string"),
                o.list("audiences", "[]string", el -> o.elementString(el, "audiences")),
                o.string("audienceMatchPolicy", version + ".AudienceMatchPolicyType"));
    }

    private ClaimValidationRule claimValidationRule(Element e) {
        ObjectView o = object(e.node(), e.path(), "ClaimValidationRule",
                Set.of("claim", "requiredValue", "expression", "message"));
        return new ClaimValidationRule(o.string("claim", "string"), o.string("requiredValue", "string"),
                o.string("expression", "string"), o.string("message", "string"));
    }

    private ClaimMappings claimMappings(Element e) {
        ObjectView o = object(e.node(), e.path(), "ClaimMappings", Set.of("username", "groups", "uid", "extra"));
        String prefixed = version + ".PrefixedClaimOrExpression";
        PrefixedClaimOrExpression username = o.optionalObject("username", prefixed, this::prefixed)
                .orElse(PrefixedClaimOrExpression.EMPTY);
        PrefixedClaimOrExpression groups = o.optionalObject("groups", prefixed, this::prefixed)
                .orElse(PrefixedClaimOrExpression.EMPTY);
        ClaimOrExpression uid = o.optionalObject("uid", version + ".ClaimOrExpression", this::claimOrExpression)
                .orElse(ClaimOrExpression.EMPTY);
        List<ExtraMapping> extra = o.list("extra", "[]" + version + ".ExtraMapping", this::extraMapping);
        return new ClaimMappings(username, groups, uid, extra);
    }

    private PrefixedClaimOrExpression prefixed(Element e) {
        ObjectView o = object(e.node(), e.path(), "PrefixedClaimOrExpression", Set.of("claim", "prefix", "expression"));
        return new PrefixedClaimOrExpression(o.string("claim", "string"), o.optionalString("prefix"),
                o.string("expression", "string"));
    }

    private ClaimOrExpression claimOrExpression(Element e) {
        ObjectView o = object(e.node(), e.path(), "ClaimOrExpression", Set.of("claim", "expression"));
        return new ClaimOrExpression(o.string("claim", "string"), o.string("expression", "string"));
    }

    private ExtraMapping extraMapping(Element e) {
        ObjectView o = object(e.node(), e.path(), "ExtraMapping", Set.of("key", "valueExpression"));
        return new ExtraMapping(o.string("key", "string"), o.string("valueExpression", "string"));
    }

    private UserValidationRule userValidationRule(Element e) {
        ObjectView o = object(e.node(), e.path(), "UserValidationRule", Set.of("expression", "message"));
        return new UserValidationRule(o.string("expression", "string"), o.string("message", "string"));
    }

    private Anonymous anonymous(Element e) {
        ObjectView o = object(e.node(), e.path(), "AnonymousAuthConfig", Set.of("enabled", "conditions"));
        return new Anonymous(o.bool("enabled"),
                o.list("conditions", "[]" + version + ".AnonymousAuthCondition", this::anonymousCondition));
    }

    private AnonymousCondition anonymousCondition(Element e) {
        ObjectView o = object(e.node(), e.path(), "AnonymousAuthCondition", Set.of("path"));
        return new AnonymousCondition(o.string("path", "string"));
    }

    // ---- strict-decoding plumbing -------------------------------------------------------------------------------

    /** A node to decode plus its JSON path with indices (for unknown fields) and without (for type errors). */
    private record Element(JsonNode node, String path, String typePath) {
    }

    private ObjectView object(JsonNode node, String path, String goStruct, Set<String> known) {
        return new ObjectView(node, path, goStruct, known);
    }

    private void typeError(JsonNode value, String goStruct, String typePath, String goType) {
        if (firstTypeError == null) {
            firstTypeError = "json: cannot unmarshal " + GoFormat.jsonKind(value) + " into Go struct field " + goStruct
                    + "." + typePath + " of type " + goType;
        }
    }

    /** Field access on one JSON object that records unknown fields and type errors as it goes. */
    private final class ObjectView {
        private final JsonNode node;
        private final String path;
        private final String typePath;
        private final String goStruct;

        ObjectView(JsonNode node, String path, String goStruct, Set<String> known) {
            this.node = node;
            this.path = path;
            this.typePath = path.replaceAll("\\[\\d+]", "");
            this.goStruct = goStruct;
            if (node != null && node.isObject()) {
                for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                    String name = it.next().getKey();
                    if (!known.contains(name)) {
                        unknownFields.add(childPath(name));
                    }
                }
            }
        }

        private String childPath(String name) {
            return path.isEmpty() ? name : path + "." + name;
        }

        private String childTypePath(String name) {
            return typePath.isEmpty() ? name : typePath + "." + name;
        }

        private JsonNode get(String name) {
            JsonNode v = node == null ? null : node.get(name);
            return v == null || v.isNull() ? null : v;
        }

        String string(String name, String goType) {
            return optionalString(name, goType).orElse("");
        }

        Optional<String> optionalString(String name) {
            return optionalString(name, "string");
        }

        private Optional<String> optionalString(String name, String goType) {
            JsonNode v = get(name);
            if (v == null) {
                return Optional.empty();
            }
            if (!v.isTextual()) {
                typeError(v, goStruct, childTypePath(name), goType);
                return Optional.empty();
            }
            return Optional.of(v.textValue());
        }

        boolean bool(String name) {
            JsonNode v = get(name);
            if (v == null) {
                return false;
            }
            if (!v.isBoolean()) {
                typeError(v, goStruct, childTypePath(name), "bool");
                return false;
            }
            return v.booleanValue();
        }

        String elementString(Element e, String name) {
            if (e.node() == null || e.node().isNull()) {
                return "";
            }
            if (!e.node().isTextual()) {
                typeError(e.node(), goStruct, childTypePath(name), "string");
                return "";
            }
            return e.node().textValue();
        }

        <T> List<T> list(String name, String goType, Function<Element, T> decodeElement) {
            JsonNode v = get(name);
            if (v == null) {
                return List.of();
            }
            if (!v.isArray()) {
                typeError(v, goStruct, childTypePath(name), goType);
                return List.of();
            }
            String elementType = goType.substring(2);
            boolean structElements = !elementType.equals("string");
            List<T> out = new ArrayList<>();
            for (int i = 0; i < v.size(); i++) {
                JsonNode element = v.get(i);
                if (structElements && !element.isNull() && !element.isObject()) {
                    typeError(element, goStruct, childTypePath(name), elementType);
                    continue;
                }
                out.add(decodeElement.apply(new Element(element, childPath(name) + "[" + i + "]",
                        childTypePath(name))));
            }
            return out;
        }

        <T> Optional<T> optionalObject(String name, String goType, Function<Element, T> decode) {
            JsonNode v = get(name);
            if (v == null) {
                return Optional.empty();
            }
            if (!v.isObject()) {
                typeError(v, goStruct, childTypePath(name), goType);
                return Optional.empty();
            }
            return Optional.of(decode.apply(new Element(v, childPath(name), childTypePath(name))));
        }
    }
}
