package dev.gatehouse.kube.authn.tokens.serviceaccount;

import com.fasterxml.jackson.databind.JsonNode;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * An in-memory {@link BoundObjects}, keyed as the test data names objects: {@code serviceaccount/<ns>/<name>},
 * {@code pod/<ns>/<name>}, {@code secret/<ns>/<name>}, {@code node/<name>} and {@code tokensecret/<ns>/<name>}.
 */
final class FakeObjects implements BoundObjects {
    private final Map<String, LiveObject> objects = new ConcurrentHashMap<>();
    private final Map<String, TokenSecret> tokenSecrets = new ConcurrentHashMap<>();
    final AtomicLong lookups = new AtomicLong();

    void put(String key, LiveObject object) {
        objects.put(key, object);
    }

    void remove(String key) {
        objects.remove(key);
        tokenSecrets.remove(key);
    }

    /** Sets an entry from test data: a UID string, or {uid, deletingSecondsAgo, token, invalidSince}. */
    void set(String key, JsonNode entry, String issuedToken, Clock clock) {
        String uid = entry.isTextual() ? entry.asText() : entry.get("uid").asText();
        Instant deleting = entry.has("deletingSecondsAgo")
                ? clock.instant().minusSeconds(entry.get("deletingSecondsAgo").asLong()) : null;
        if (key.startsWith("tokensecret/")) {
            String token = entry.path("token").asText("");
            token = token.equals("$token") ? issuedToken : token;
            String invalidSince = entry.has("invalidSince") ? entry.get("invalidSince").asText() : null;
            tokenSecrets.put(key, new TokenSecret(uid, deleting, token.getBytes(StandardCharsets.UTF_8), invalidSince));
        } else {
            objects.put(key, new LiveObject(uid, deleting));
        }
    }

    @Override
    public Optional<LiveObject> serviceAccount(String namespace, String name) {
        return lookup("serviceaccount/" + namespace + "/" + name);
    }

    @Override
    public Optional<LiveObject> pod(String namespace, String name) {
        return lookup("pod/" + namespace + "/" + name);
    }

    @Override
    public Optional<LiveObject> secret(String namespace, String name) {
        return lookup("secret/" + namespace + "/" + name);
    }

    @Override
    public Optional<LiveObject> node(String name) {
        return lookup("node/" + name);
    }

    @Override
    public Optional<TokenSecret> tokenSecret(String namespace, String name) {
        lookups.incrementAndGet();
        return Optional.ofNullable(tokenSecrets.get("tokensecret/" + namespace + "/" + name));
    }

    private Optional<LiveObject> lookup(String key) {
        lookups.incrementAndGet();
        return Optional.ofNullable(objects.get(key));
    }
}
