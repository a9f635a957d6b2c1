package dev.gatehouse.kube.meta.names;

import java.util.random.RandomGenerator;

/**
 * Upstream {@code names.SimpleNameGenerator}: {@code generateName} truncated to 58 bytes plus five random
 * characters from an alphabet without vowels (so generated names spell no words).
 */
public final class NameGenerator {
    private NameGenerator() {
    }

    private static final String ALPHABET = "bcdfghjklmnpqrstvwxz2456789";
    public static final int RANDOM_LENGTH = 5;
    public static final int MAX_GENERATED_NAME_LENGTH = 63 - RANDOM_LENGTH;

    public static String generate(String base, RandomGenerator random) {
        String prefix = base.length() > MAX_GENERATED_NAME_LENGTH ? base.substring(0, MAX_GENERATED_NAME_LENGTH) : base;
        StringBuilder sb = new StringBuilder(prefix);
        for (int i = 0; i < RANDOM_LENGTH; i++) {
            sb.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return sb.toString();
    }
}
