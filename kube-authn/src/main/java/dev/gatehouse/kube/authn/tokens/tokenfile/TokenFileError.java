package dev.gatehouse.kube.authn.tokens.tokenfile;

/**
 * Why a token file cannot be loaded. kube-apiserver refuses to start on any of these.
 *
 * @param source  the file's name as it appears in messages
 * @param line    the 1-based line where the offending record starts (for a CSV syntax error, the line of the error)
 * @param column  the 1-based byte column of a CSV syntax error, or 0 when the error is about a whole record
 * @param message upstream's text, e.g. {@code parse error on line 2, column 7: bare " in non-quoted-field} or
 *                {@code token file '/etc/tokens.csv' must have at least 3 columns (token, user name, user uid), found 2}
 */
public record TokenFileError(String source, int line, int column, String message) {
}
