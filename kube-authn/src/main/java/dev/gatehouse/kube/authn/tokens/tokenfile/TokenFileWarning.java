package dev.gatehouse.kube.authn.tokens.tokenfile;

/**
 * Something upstream logs as a warning while loading a token file, without failing.
 *
 * @param line         the 1-based line the record starts on
 * @param recordNumber upstream's record counter (records with at least three columns, counted from 1)
 * @param message      upstream's text, e.g. {@code duplicate token has been found in token file 'f', record number '3'}
 */
public record TokenFileWarning(int line, int recordNumber, String message) {
}
