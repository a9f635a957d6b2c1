package dev.gatehouse.kube.authn.tokens.tokenfile;

import dev.gatehouse.kube.authn.tokens.TokenUser;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A loaded static token file. Each record is {@code token,user name,uid[,groups[,ignored...]]} where groups is one
 * comma-separated field (quote it to hold commas). As upstream:
 * <ul>
 *   <li>a record with fewer than 3 columns fails the whole file;</li>
 *   <li>a record with an empty token is skipped with a warning;</li>
 *   <li>a repeated token replaces the earlier one, with a warning;</li>
 *   <li>there are no comment lines: Go's CSV reader is used without a comment character, so {@code #a,b,c} defines
 *       the token {@code #a} and a lone {@code # note} line fails for having one column;</li>
 *   <li>a present but empty groups column yields one empty group name ({@code strings.Split("", ",")}).</li>
 * </ul>
 * Lookup is by the SHA-256 digest of the presented token: a map keyed by the digest's first 8 bytes finds the
 * candidates and {@link MessageDigest#isEqual} compares whole digests, so timing never depends on how many leading
 * characters of a real token the caller guessed. Instances are immutable and thread-safe.
 */
public final class TokenFile {
    /** The source name used by {@link #parse(String)}, which has no file path to quote. */
    public static final String DEFAULT_SOURCE = "token-auth-file";

    private record Entry(byte[] digest, TokenUser user) {
    }

    /** What {@link #read} yields: the file, or why it could not be loaded. */
    public sealed interface Result permits Loaded, Invalid {
    }

    public record Loaded(TokenFile file) implements Result {
    }

    public record Invalid(TokenFileError error) implements Result {
    }

    private final Map<Long, Entry[]> byDigestPrefix;
    private final int size;
    private final List<TokenFileWarning> warnings;

    private TokenFile(Map<Long, Entry[]> byDigestPrefix, int size, List<TokenFileWarning> warnings) {
        this.byDigestPrefix = byDigestPrefix;
        this.size = size;
        this.warnings = List.copyOf(warnings);
    }

    /** Parses file contents, naming the file {@value #DEFAULT_SOURCE} in messages. */
    public static TokenFile parse(String csv) {
        return parse(DEFAULT_SOURCE, csv);
    }

    /** Parses file contents; {@code source} (normally the path) is quoted in messages as upstream quotes the path. */
    public static TokenFile parse(String source, String csv) {
        Result result = read(source, csv);
        if (result instanceof Invalid invalid) {
            throw new TokenFileException(invalid.error());
        }
        return ((Loaded) result).file();
    }

    /** Like {@link #parse(String, String)} but returns the error as data. */
    public static Result read(String source, String csv) {
        GoCsvReader reader = new GoCsvReader(csv);
        Map<String, TokenUser> users = new HashMap<>();
        List<TokenFileWarning> warnings = new ArrayList<>();
        int recordNumber = 0;
        while (true) {
            GoCsvReader.Read read = reader.next();
            if (read instanceof GoCsvReader.End) {
                break;
            }
            if (read instanceof GoCsvReader.Failure f) {
                return new Invalid(new TokenFileError(source, f.line(), f.column(), f.message()));
            }
            GoCsvReader.Row row = (GoCsvReader.Row) read;
            List<String> record = row.fields();
            if (record.size() < 3) {
                return new Invalid(new TokenFileError(source, row.line(), 0, "token file '" + source
                        + "' must have at least 3 columns (token, user name, user uid), found " + record.size()));
            }
            recordNumber++;
            String token = record.get(0);
            if (token.isEmpty()) {
                warnings.add(new TokenFileWarning(row.line(), recordNumber, "empty token has been found in token file '"
                        + source + "', record number '" + recordNumber + "'"));
                continue;
            }
            if (users.containsKey(token)) {
                warnings.add(new TokenFileWarning(row.line(), recordNumber, "duplicate token has been found in token file '"
                        + source + "', record number '" + recordNumber + "'"));
            }
            List<String> groups = record.size() >= 4 ? Arrays.asList(record.get(3).split(",", -1)) : List.of();
            users.put(token, new TokenUser(record.get(1), record.get(2), groups));
        }
        return new Loaded(index(users, warnings));
    }

    private static TokenFile index(Map<String, TokenUser> users, List<TokenFileWarning> warnings) {
        Map<Long, Entry[]> byPrefix = new HashMap<>();
        users.forEach((token, user) -> {
            byte[] digest = sha256(token);
            byPrefix.merge(prefix(digest), new Entry[] {new Entry(digest, user)}, (a, b) -> {
                Entry[] both = Arrays.copyOf(a, a.length + b.length);
                System.arraycopy(b, 0, both, a.length, b.length);
                return both;
            });
        });
        return new TokenFile(byPrefix, users.size(), warnings);
    }

    /** The user a token belongs to, or empty when the token is not in the file. */
    public Optional<TokenUser> authenticate(String token) {
        if (token == null || token.isEmpty()) {
            return Optional.empty();
        }
        byte[] digest = sha256(token);
        Entry[] candidates = byDigestPrefix.get(prefix(digest));
        TokenUser match = null;
        if (candidates != null) {
            for (Entry candidate : candidates) {
                if (MessageDigest.isEqual(candidate.digest(), digest)) {
                    match = candidate.user();
                }
            }
        }
        return Optional.ofNullable(match);
    }

    /** The number of distinct tokens loaded. */
    public int size() {
        return size;
    }

    /** Upstream's load-time warnings (empty and duplicate tokens), in file order. */
    public List<TokenFileWarning> warnings() {
        return warnings;
    }

    private static long prefix(byte[] digest) {
        return ByteBuffer.wrap(digest, 0, Long.BYTES).getLong();
    }

    private static byte[] sha256(String token) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime provides SHA-256", e);
        }
    }
}
