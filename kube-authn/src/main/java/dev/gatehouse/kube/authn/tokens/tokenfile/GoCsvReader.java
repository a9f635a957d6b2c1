package dev.gatehouse.kube.authn.tokens.tokenfile;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Reads records the way Go's {@code encoding/csv.Reader} does with the options kube-apiserver uses for the token file
 * (comma separator, no comment character, {@code FieldsPerRecord = -1}, strict quotes, no space trimming):
 * <ul>
 *   <li>{@code \r\n} becomes {@code \n}, and a {@code \r} just before end of input is dropped;</li>
 *   <li>empty lines are skipped (a line of spaces is a record with one field);</li>
 *   <li>quoted fields may hold commas, doubled quotes and newlines;</li>
 *   <li>a quote inside an unquoted field, or text after a closing quote, is an error whose line and 1-based byte
 *       column match Go's {@code ParseError}.</li>
 * </ul>
 * The reader works on UTF-8 bytes because Go's columns count bytes, not characters.
 */
final class GoCsvReader {
    private static final String BARE_QUOTE = "bare \" in non-quoted-field";
    private static final String QUOTE = "extraneous or missing \" in quoted-field";

    /** What one {@link #next()} call yields. */
    sealed interface Read permits Row, End, Failure {
    }

    /** A record and the line it starts on. */
    record Row(int line, List<String> fields) implements Read {
    }

    /** No more records. */
    record End() implements Read {
    }

    /** A syntax error; {@code message} is Go's {@code ParseError.Error()} text. */
    record Failure(int startLine, int line, int column, String message) implements Read {
    }

    private final byte[] input;
    private int offset;
    private int lineNumber;

    GoCsvReader(String text) {
        this.input = text.getBytes(StandardCharsets.UTF_8);
    }

    Read next() {
        byte[] line;
        do {
            line = readLine();
            if (line.length == 0) {
                return new End();
            }
        } while (line.length == newlineLength(line, 0));

        int startLine = lineNumber;
        int posLine = lineNumber;
        int posCol = 1;
        int p = 0;
        List<String> fields = new ArrayList<>();
        while (true) {
            if (p == line.length || line[p] != '"') {
                int comma = indexOf(line, (byte) ',', p, line.length);
                int end = comma >= 0 ? comma : line.length - newlineLength(line, p);
                int quote = indexOf(line, (byte) '"', p, end);
                if (quote >= 0) {
                    return failure(startLine, lineNumber, posCol + (quote - p), BARE_QUOTE);
                }
                fields.add(new String(line, p, end - p, StandardCharsets.UTF_8));
                if (comma < 0) {
                    return new Row(startLine, fields);
                }
                posCol += comma - p + 1;
                p = comma + 1;
                continue;
            }
            // A quoted field: runs until a closing quote followed by a comma or the end of a line.
            ByteArrayOutputStream field = new ByteArrayOutputStream();
            p++;
            posCol++;
            while (true) {
                int quote = indexOf(line, (byte) '"', p, line.length);
                if (quote >= 0) {
                    field.write(line, p, quote - p);
                    posCol += quote - p + 1;
                    p = quote + 1;
                    if (p < line.length && line[p] == '"') {
                        field.write('"');
                        p++;
                        posCol++;
                    } else if (p < line.length && line[p] == ',') {
                        p++;
                        posCol++;
                        fields.add(field.toString(StandardCharsets.UTF_8));
                        break;
                    } else if (line.length - p == newlineLength(line, p)) {
                        fields.add(field.toString(StandardCharsets.UTF_8));
                        return new Row(startLine, fields);
                    } else {
                        return failure(startLine, lineNumber, posCol - 1, QUOTE);
                    }
                } else if (p < line.length) {
                    field.write(line, p, line.length - p);
                    posCol += line.length - p;
                    line = readLine();
                    p = 0;
                    if (line.length > 0) {
                        posLine++;
                        posCol = 1;
                    }
                } else {
                    return failure(startLine, posLine, posCol, QUOTE);
                }
            }
        }
    }

    private static Failure failure(int startLine, int line, int column, String error) {
        String message = startLine != line
                ? "record on line " + startLine + "; parse error on line " + line + ", column " + column + ": " + error
                : "parse error on line " + line + ", column " + column + ": " + error;
        return new Failure(startLine, line, column, message);
    }

    /** The next physical line with its {@code \n}, normalised as Go's {@code readLine}; empty only at the end. */
    private byte[] readLine() {
        int start = offset;
        int newline = indexOf(input, (byte) '\n', start, input.length);
        int end = newline >= 0 ? newline + 1 : input.length;
        offset = end;
        lineNumber++;
        byte[] line = Arrays.copyOfRange(input, start, end);
        int n = line.length;
        if (newline < 0 && n > 0 && line[n - 1] == '\r') {
            return Arrays.copyOf(line, n - 1);
        }
        if (n >= 2 && line[n - 2] == '\r' && line[n - 1] == '\n') {
            line = Arrays.copyOf(line, n - 1);
            line[n - 2] = '\n';
        }
        return line;
    }

    /** 1 if the bytes from {@code from} to the end are non-empty and end in {@code \n}, else 0. */
    private static int newlineLength(byte[] line, int from) {
        return line.length > from && line[line.length - 1] == '\n' ? 1 : 0;
    }

    private static int indexOf(byte[] bytes, byte b, int from, int to) {
        for (int i = from; i < to; i++) {
            if (bytes[i] == b) {
                return i;
            }
        }
        return -1;
    }
}
