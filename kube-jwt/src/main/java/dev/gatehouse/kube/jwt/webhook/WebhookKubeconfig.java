package dev.gatehouse.kube.jwt.webhook;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.gatehouse.kube.jwt.config.ConfigurationException;
import dev.gatehouse.kube.jwt.internal.Pem;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/**
 * The connection settings kube-apiserver reads from {@code --authentication-token-webhook-config-file}, a
 * kubeconfig: the cluster of the current context (or the first cluster) gives the URL and CA, its user (or the
 * first user) the client certificate or token. Relative file paths are resolved against the kubeconfig's
 * directory, as client-go does.
 *
 * @param server      the TokenReview endpoint (the whole URL is used, path included)
 * @param trustedCas  CAs to trust; empty means the JVM's default trust store
 * @param clientKey   the client certificate key, when the user has one
 * @param clientChain the client certificate chain
 * @param bearerToken a bearer token to send, when the user has one
 */
public record WebhookKubeconfig(URI server, List<X509Certificate> trustedCas, Optional<PrivateKey> clientKey,
                                List<X509Certificate> clientChain, Optional<String> bearerToken) {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    public WebhookKubeconfig {
        trustedCas = List.copyOf(trustedCas);
        clientChain = List.copyOf(clientChain);
    }

    public static WebhookKubeconfig load(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new ConfigurationException("reading webhook kubeconfig " + file + ": " + e.getMessage());
        }
        Path dir = file.toAbsolutePath().getParent();
        return parse(text, dir == null ? Path.of(".") : dir);
    }

    /** @param baseDir the directory relative file references are resolved against */
    public static WebhookKubeconfig parse(String yaml, Path baseDir) {
        JsonNode root;
        try {
            root = YAML.readTree(yaml);
        } catch (IOException e) {
            throw new ConfigurationException("invalid webhook kubeconfig: " + e.getMessage());
        }
        if (root == null || !root.isObject()) {
            throw new ConfigurationException("invalid configuration: no configuration has been provided");
        }
        String currentContext = text(root, "current-context");
        String clusterName = "";
        String userName = "";
        if (!currentContext.isEmpty()) {
            JsonNode context = named(root, "contexts", currentContext, "context").orElseThrow(() ->
                    new ConfigurationException("invalid configuration: context was not found for specified context: "
                            + currentContext));
            clusterName = text(context, "cluster");
            userName = text(context, "user");
        }
        JsonNode cluster = clusterName.isEmpty() ? first(root, "clusters", "cluster") : named(root, "clusters",
                clusterName, "cluster").orElse(null);
        if (cluster == null) {
            throw new ConfigurationException("invalid configuration: no server found for cluster "
                    + (clusterName.isEmpty() ? "(first)" : "\"" + clusterName + "\""));
        }
        JsonNode user = userName.isEmpty() ? first(root, "users", "user") : named(root, "users", userName, "user")
                .orElse(null);
        return fromParts(cluster, user, baseDir);
    }

    private static WebhookKubeconfig fromParts(JsonNode cluster, JsonNode user, Path baseDir) {
        String server = text(cluster, "server");
        if (server.isEmpty()) {
            throw new ConfigurationException("invalid configuration: no server found for cluster");
        }
        URI uri;
        try {
            uri = new URI(server);
        } catch (URISyntaxException e) {
            throw new ConfigurationException("invalid configuration: server " + server + ": " + e.getMessage());
        }
        if (!"https".equalsIgnoreCase(uri.getScheme()) && !"http".equalsIgnoreCase(uri.getScheme())) {
            throw new ConfigurationException("invalid configuration: server " + server + " is not an http(s) URL");
        }
        if (cluster.path("insecure-skip-tls-verify").asBoolean(false)) {
            throw new ConfigurationException("insecure-skip-tls-verify is not supported for the token webhook");
        }
        List<X509Certificate> cas = List.of();
        Optional<String> caPem = material(cluster, "certificate-authority", "certificate-authority-data", baseDir);
        if (caPem.isPresent()) {
            try {
                cas = Pem.certificates(caPem.get());
            } catch (Pem.PemException e) {
                throw new ConfigurationException("unable to load root certificates: " + e.getMessage());
            }
        }
        Optional<PrivateKey> key = Optional.empty();
        List<X509Certificate> chain = List.of();
        Optional<String> token = Optional.empty();
        if (user != null) {
            Optional<String> certPem = material(user, "client-certificate", "client-certificate-data", baseDir);
            Optional<String> keyPem = material(user, "client-key", "client-key-data", baseDir);
            if (certPem.isPresent() != keyPem.isPresent()) {
                throw new ConfigurationException("invalid configuration: client-cert-data and client-key-data "
                        + "must both be specified to use the client certificate");
            }
            if (certPem.isPresent()) {
                try {
                    chain = Pem.certificates(certPem.get());
                    key = Optional.of(Pem.privateKey(keyPem.get()));
                } catch (Pem.PemException e) {
                    throw new ConfigurationException("tls: failed to load client certificate: " + e.getMessage());
                }
            }
            String inline = text(user, "token");
            String tokenFile = text(user, "tokenFile");
            if (!inline.isEmpty()) {
                token = Optional.of(inline);
            } else if (!tokenFile.isEmpty()) {
                token = Optional.of(read(baseDir.resolve(tokenFile)).strip());
            }
            for (String unsupported : List.of("exec", "auth-provider", "username", "password")) {
                if (user.has(unsupported)) {
                    throw new ConfigurationException("the token webhook kubeconfig user field " + unsupported
                            + " is not supported");
                }
            }
        }
        return new WebhookKubeconfig(uri, cas, key, chain, token);
    }

    /** A file reference or inline base64 data; client-go refuses both at once. */
    private static Optional<String> material(JsonNode node, String fileField, String dataField, Path baseDir) {
        String file = text(node, fileField);
        String data = text(node, dataField);
        if (!file.isEmpty() && !data.isEmpty()) {
            throw new ConfigurationException("invalid configuration: " + dataField + " and " + fileField
                    + " are both specified");
        }
        if (!data.isEmpty()) {
            try {
                return Optional.of(new String(Base64.getMimeDecoder().decode(data), StandardCharsets.UTF_8));
            } catch (IllegalArgumentException e) {
                throw new ConfigurationException("invalid configuration: " + dataField + " is not valid base64");
            }
        }
        if (!file.isEmpty()) {
            return Optional.of(read(baseDir.resolve(file)));
        }
        return Optional.empty();
    }

    private static String read(Path path) {
        try {
            return Files.readString(path, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new ConfigurationException("unable to read " + path + ": " + e.getMessage());
        }
    }

    private static JsonNode first(JsonNode root, String listField, String innerField) {
        JsonNode list = root.path(listField);
        if (!list.isArray() || list.isEmpty()) {
            return null;
        }
        JsonNode inner = list.get(0).get(innerField);
        return inner != null && inner.isObject() ? inner : null;
    }

    private static Optional<JsonNode> named(JsonNode root, String listField, String name, String innerField) {
        for (JsonNode entry : root.path(listField)) {
            if (name.equals(text(entry, "name")) && entry.path(innerField).isObject()) {
                return Optional.of(entry.get(innerField));
            }
        }
        return Optional.empty();
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node == null ? null : node.get(field);
        return value != null && value.isValueNode() && !value.isNull() ? value.asText() : "";
    }
}
