package dev.gatehouse.kube.proto;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Robustness: corrupted variants of every valid case body either decode or fail with a
 * {@link ProtobufDecodeException}; nothing else may escape (no index errors, no parser exceptions). Seeded, so a
 * failure reproduces.
 */
class MutatedBodiesTest {

    private static final long SEED = 20240102L;
    private static final int MUTATIONS_PER_BODY = 300;

    @Test
    void corruptedBodiesFailCleanly() {
        ProtobufDecoder decoder = new ProtobufDecoder();
        Random random = new Random(SEED);
        List<String> escaped = new ArrayList<>();
        int refused = 0;
        for (byte[] valid : validBodies()) {
            for (int i = 0; i < MUTATIONS_PER_BODY; i++) {
                byte[] body = mutate(valid, random);
                try {
                    decoder.decode(body);
                } catch (ProtobufDecodeException e) {
                    refused++;
                    assertThat(e.getMessage()).isNotBlank().doesNotContain("\n", "Exception", "java.");
                } catch (RuntimeException | StackOverflowError e) {
                    escaped.add(e + " for " + java.util.HexFormat.of().formatHex(body));
                }
            }
        }
        assertThat(escaped).isEmpty();
        assertThat(refused).as("the mutations must actually break bodies").isPositive();
    }

    private static List<byte[]> validBodies() {
        List<byte[]> bodies = new ArrayList<>();
        for (String table : List.of("rbac.yaml", "core.yaml", "workloads.yaml", "reviews.yaml", "encoding.yaml")) {
            for (ProtobufDecoderCasesTest.DecodeCase c
                    : TestData.load("cases/" + table, ProtobufDecoderCasesTest.DecodeCase.class)) {
                bodies.add(c.typedMessage().body());
            }
        }
        return bodies;
    }

    /** One of: flip a bit, overwrite a byte, cut the tail, duplicate a slice, or insert a varint-looking run. */
    private static byte[] mutate(byte[] valid, Random random) {
        byte[] body = valid.clone();
        int at = 4 + random.nextInt(body.length - 4);
        switch (random.nextInt(5)) {
            case 0 -> body[at] ^= (byte) (1 << random.nextInt(8));
            case 1 -> body[at] = (byte) random.nextInt(256);
            case 2 -> body = Arrays.copyOf(body, at);
            case 3 -> {
                int length = 1 + random.nextInt(Math.min(16, body.length - at));
                byte[] grown = Arrays.copyOf(body, body.length + length);
                System.arraycopy(body, at, grown, at + length, body.length - at);
                body = grown;
            }
            default -> {
                byte[] grown = new byte[body.length + 10];
                System.arraycopy(body, 0, grown, 0, at);
                Arrays.fill(grown, at, at + 10, (byte) 0xff);
                System.arraycopy(body, at, grown, at + 10, body.length - at);
                body = grown;
            }
        }
        return body;
    }
}
