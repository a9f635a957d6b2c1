package dev.gatehouse.kube.authn.tokens.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Golden files under {@code src/test/resources/dev/gatehouse/kube/authn/tokens/golden}. Run with
 * {@code -Dupdate.golden=true} to rewrite them from the current output (then review the diff).
 */
public final class Golden {
    private static final Path SOURCE_ROOT = Path.of("src/test/resources/dev/gatehouse/kube/authn/tokens/golden");

    private Golden() {
    }

    public static void assertMatches(String name, String actual) {
        if (Boolean.getBoolean("update.golden")) {
            try {
                Path file = SOURCE_ROOT.resolve(name);
                Files.createDirectories(file.getParent());
                Files.writeString(file, actual, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return;
        }
        String expected = new String(Cases.bytes("golden/" + name), StandardCharsets.UTF_8);
        assertThat(actual)
                .as("golden file golden/%s differs; rerun with -Dupdate.golden=true to regenerate it", name)
                .isEqualTo(expected);
    }
}
