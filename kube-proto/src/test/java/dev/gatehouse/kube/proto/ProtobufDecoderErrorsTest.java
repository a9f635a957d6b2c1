package dev.gatehouse.kube.proto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.Arrays;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Table-driven: every body in errors.yaml is refused with kube-apiserver's exact message. */
class ProtobufDecoderErrorsTest {

    record ErrorCase(String name, String bodyHex, String apiVersion, String kind, String message, String rawHex,
            Integer truncate, String error, String errorPrefix, GroupVersionKind decodedKind, String badRequestFor,
            String badRequest) {

        byte[] body() {
            byte[] body;
            if (bodyHex != null) {
                body = TestData.hex(bodyHex);
            } else if (rawHex != null) {
                body = GogoMessages.envelope(apiVersion, kind, TestData.hex(rawHex));
            } else {
                body = new TypedMessage(apiVersion, kind, message, true, null, null, null).body();
            }
            return truncate == null ? body : Arrays.copyOf(body, body.length - truncate);
        }
    }

    static Stream<Named<ErrorCase>> cases() {
        return TestData.load("errors.yaml", ErrorCase.class).stream().map(c -> Named.of(c.name(), c));
    }

    private final ProtobufDecoder decoder = new ProtobufDecoder();

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void refusesWithUpstreamWording(ErrorCase testCase) {
        byte[] body = testCase.body();

        ProtobufDecodeException e = catchThrowableOfType(ProtobufDecodeException.class, () -> decoder.decode(body));

        assertThat(e).as("decoding must fail").isNotNull();
        if (testCase.error() != null) {
            assertThat(e.getMessage()).isEqualTo(testCase.error());
        } else {
            assertThat(e.getMessage()).startsWith(testCase.errorPrefix()).doesNotContain("\n", "com.fasterxml");
        }
        assertThat(e.decodedKind()).isEqualTo(java.util.Optional.ofNullable(testCase.decodedKind()));
        if (testCase.badRequestFor() != null) {
            assertThat(e.badRequestMessage(testCase.badRequestFor(), body)).isEqualTo(testCase.badRequest());
        }
        assertThat(e.getStackTrace()).as("no stack trace is captured for bad input").isEmpty();
    }
}
