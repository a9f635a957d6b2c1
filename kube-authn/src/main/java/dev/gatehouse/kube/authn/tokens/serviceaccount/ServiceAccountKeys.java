package dev.gatehouse.kube.authn.tokens.serviceaccount;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.interfaces.RSAPublicKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The service-account signing keys: one current {@link SigningKey} plus older keys kept only for verification until
 * the tokens they signed have expired (their {@code retainUntil}). Upstream's equivalent is the pair of flags
 * {@code --service-account-signing-key-file} and {@code --service-account-key-file}.
 *
 * <p>Rotation: {@link #rotate(Duration)} makes a fresh key current and keeps the old one verifying for the given
 * time, which should be the longest lifetime the issuers may grant plus the one-minute validation leeway (see
 * {@link BoundTokenIssuer#longestTokenLifetime()}). Legacy Secret-based tokens never expire, so they stop working once
 * the key that signed them is pruned.
 *
 * <p>Persistence: {@link #toPem()} writes the current private key as PKCS#8 and each retired key as a
 * {@code PUBLIC KEY} block preceded by a {@code # retain-until: <instant>} line. PEM readers (Go's {@code pem.Decode},
 * OpenSSL) skip text between blocks, so the file also works as kube-apiserver's key files.
 *
 * <p>Thread-safe: readers see an immutable snapshot; rotation swaps it atomically.
 */
public final class ServiceAccountKeys {
    private static final Pattern RETAIN_UNTIL = Pattern.compile("(?im)^#\\s*retain-until:\\s*(\\S+)\\s*$");

    private record State(SigningKey current, List<VerificationKey> retired) {
    }

    private final Clock clock;
    private final AtomicReference<State> state;

    private ServiceAccountKeys(Clock clock, State initial) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.state = new AtomicReference<>(initial);
    }

    /** A key set with a freshly generated RSA-2048 key. */
    public static ServiceAccountKeys generate(Clock clock) {
        return of(SigningKey.generate(), clock);
    }

    public static ServiceAccountKeys of(SigningKey current, Clock clock) {
        return new ServiceAccountKeys(clock, new State(current, List.of()));
    }

    /**
     * Loads what {@link #toPem()} wrote, or any PEM file whose first private key is the signing key. Later key blocks
     * (public keys, certificates, further private keys) become verification keys, retained until the instant of a
     * preceding {@code # retain-until:} line or, without one, indefinitely.
     */
    public static ServiceAccountKeys fromPem(byte[] pem, Clock clock) {
        SigningKey current = null;
        List<VerificationKey> retired = new ArrayList<>();
        for (Pem.Block block : Pem.decode(pem)) {
            if (current == null && Pem.isPrivateKey(block)) {
                current = new SigningKey(Pem.privateKey(block));
            } else if (Pem.isPrivateKey(block) || Pem.isPublicKey(block)) {
                VerificationKey key = VerificationKey.of(Pem.publicKey(block), retainUntil(block.preamble()));
                if (!(current != null && key.keyId().equals(current.keyId()))) {
                    retired.add(key);
                }
            }
        }
        if (current == null) {
            throw new IllegalArgumentException("no RSA private key found in PEM data");
        }
        return new ServiceAccountKeys(clock, new State(current, List.copyOf(retired)));
    }

    private static Instant retainUntil(String preamble) {
        Matcher m = RETAIN_UNTIL.matcher(preamble);
        Instant found = null;
        while (m.find()) {
            try {
                found = Instant.parse(m.group(1));
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException("invalid retain-until instant " + m.group(1), e);
            }
        }
        return found;
    }

    /** The current private key and every retired key (including ones past retention; see {@link #prune()}). */
    public byte[] toPem() {
        State s = state.get();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(s.current().toPem());
        for (VerificationKey key : s.retired()) {
            if (key.retainUntil() != null) {
                out.writeBytes(("# retain-until: " + key.retainUntil() + "\n").getBytes(StandardCharsets.US_ASCII));
            }
            out.writeBytes(key.toPem());
        }
        return out.toByteArray();
    }

    /** The key new tokens are signed with. */
    public SigningKey signingKey() {
        return state.get().current();
    }

    /** The keys that verify tokens now: the current key first, then retired keys still retained, newest first. */
    public List<VerificationKey> verificationKeys() {
        State s = state.get();
        Instant now = clock.instant();
        List<VerificationKey> keys = new ArrayList<>(1 + s.retired().size());
        keys.add(s.current().verificationKey());
        for (VerificationKey key : s.retired()) {
            if (key.retainedAt(now)) {
                keys.add(key);
            }
        }
        return keys;
    }

    /**
     * Upstream's {@code GetPublicKeys(kid)}: the live keys with this key ID, or all live keys when the token names
     * none.
     */
    List<VerificationKey> verificationKeys(String keyIdHint) {
        List<VerificationKey> all = verificationKeys();
        if (keyIdHint == null || keyIdHint.isEmpty()) {
            return all;
        }
        List<VerificationKey> matching = new ArrayList<>(1);
        for (VerificationKey key : all) {
            if (key.keyId().equals(keyIdHint)) {
                matching.add(key);
            }
        }
        return matching;
    }

    /** Whether the key with this ID still verifies now (a cached verification is only as good as its key). */
    boolean verifies(String keyId) {
        State s = state.get();
        if (s.current().keyId().equals(keyId)) {
            return true;
        }
        Instant now = clock.instant();
        for (VerificationKey key : s.retired()) {
            if (key.keyId().equals(keyId) && key.retainedAt(now)) {
                return true;
            }
        }
        return false;
    }

    /** Makes a freshly generated key current; the previous one verifies for {@code retainPrevious} more. */
    public SigningKey rotate(Duration retainPrevious) {
        SigningKey next = SigningKey.generate();
        rotate(next, retainPrevious);
        return next;
    }

    /** Makes {@code next} current; the previous one verifies for {@code retainPrevious} more. */
    public synchronized void rotate(SigningKey next, Duration retainPrevious) {
        Objects.requireNonNull(next, "next");
        if (retainPrevious.isNegative()) {
            throw new IllegalArgumentException("retainPrevious must not be negative");
        }
        State s = state.get();
        List<VerificationKey> retired = new ArrayList<>();
        if (!s.current().keyId().equals(next.keyId())) {
            SigningKey previous = s.current();
            retired.add(new VerificationKey(previous.keyId(), previous.publicKey(), clock.instant().plus(retainPrevious)));
        }
        for (VerificationKey key : s.retired()) {
            if (!key.keyId().equals(next.keyId())) {
                retired.add(key);
            }
        }
        state.set(new State(next, List.copyOf(retired)));
    }

    /** Adds a key that only verifies, e.g. another server's signing key, until {@code retainUntil} (null: always). */
    public synchronized void addVerificationKey(RSAPublicKey publicKey, Instant retainUntil) {
        State s = state.get();
        VerificationKey key = VerificationKey.of(publicKey, retainUntil);
        List<VerificationKey> retired = new ArrayList<>(s.retired().size() + 1);
        for (VerificationKey existing : s.retired()) {
            if (!existing.keyId().equals(key.keyId())) {
                retired.add(existing);
            }
        }
        if (!key.keyId().equals(s.current().keyId())) {
            retired.add(key);
        }
        state.set(new State(s.current(), List.copyOf(retired)));
    }

    /** Forgets retired keys whose retention has passed; returns how many were dropped. */
    public synchronized int prune() {
        State s = state.get();
        Instant now = clock.instant();
        List<VerificationKey> kept = s.retired().stream().filter(k -> k.retainedAt(now)).toList();
        state.set(new State(s.current(), kept));
        return s.retired().size() - kept.size();
    }

    /** The JWKS kube-apiserver serves at {@code /openid/v1/jwks}: every key that verifies now. */
    public String jwks() {
        return OidcDocuments.jwks(verificationKeys());
    }

    /**
     * The document kube-apiserver serves at {@code /.well-known/openid-configuration}. Both URLs must be https, and the
     * issuer may not carry a query or fragment (upstream's messages are thrown as {@link IllegalArgumentException}).
     */
    public String openIdConfiguration(String issuer, String jwksUri) {
        return OidcDocuments.openIdConfiguration(issuer, jwksUri);
    }

    /** {@code https://<externalAddress>/openid/v1/jwks}, upstream's JWKS URI when none is configured. */
    public static String defaultJwksUri(String externalAddress) {
        return OidcDocuments.defaultJwksUri(externalAddress);
    }
}
