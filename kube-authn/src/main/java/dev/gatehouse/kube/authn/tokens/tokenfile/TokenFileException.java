package dev.gatehouse.kube.authn.tokens.tokenfile;

/** Thrown by {@link TokenFile#parse} when the file is invalid; {@link #error()} carries the details. */
public final class TokenFileException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;
    private final transient TokenFileError error;

    public TokenFileException(TokenFileError error) {
        super(error.message());
        this.error = error;
    }

    public TokenFileError error() {
        return error;
    }
}
