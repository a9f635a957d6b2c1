package dev.gatehouse.kube.jwt.oidc;

import java.util.Base64;
import java.util.Optional;

/** Go's {@code base64.RawURLEncoding}: no padding, URL alphabet, Go's error text. */
final class Base64Url {

    private Base64Url() {
    }

    /** Decoded bytes, or Go's {@code illegal base64 data at input byte N} error. */
    static Decoded decode(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean ok = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-'
                    || c == '_';
            if (!ok) {
                return Decoded.failure(i);
            }
        }
        if (s.length() % 4 == 1) {
            return Decoded.failure(s.length() - 1);
        }
        try {
            return new Decoded(Base64.getUrlDecoder().decode(s), Optional.empty());
        } catch (IllegalArgumentException e) {
            return Decoded.failure(s.length() - 1);
        }
    }

    /** The bytes, or the error message when {@code error} is present. */
    record Decoded(byte[] bytes, Optional<String> error) {
        static Decoded failure(int position) {
            return new Decoded(new byte[0], Optional.of("illegal base64 data at input byte " + position));
        }
    }
}
