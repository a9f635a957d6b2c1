package dev.gatehouse.kube.proto;

import com.google.protobuf.Descriptors.FieldDescriptor;

/**
 * A read position inside one message's bytes, {@code [start, end)}, with the bounds checks of gogo's generated
 * decoders and their error values ({@code io.ErrUnexpectedEOF}, {@code ErrIntOverflowGenerated}, ...).
 */
final class WireCursor {

    static final String UNEXPECTED_EOF = "unexpected EOF";
    static final String INTEGER_OVERFLOW = "proto: integer overflow";
    static final String NEGATIVE_LENGTH = "proto: negative length found during unmarshaling";
    static final String UNEXPECTED_END_OF_GROUP = "proto: unexpected end of group";

    final byte[] data;
    final int start;
    final int end;
    int pos;

    WireCursor(byte[] data, int start, int end) {
        this.data = data;
        this.start = start;
        this.end = end;
        this.pos = start;
    }

    long varint() {
        long value = 0;
        for (int shift = 0; ; shift += 7) {
            if (shift >= 64) {
                throw new DecodeFailure(INTEGER_OVERFLOW);
            }
            if (pos >= end) {
                throw new DecodeFailure(UNEXPECTED_EOF);
            }
            byte b = data[pos++];
            value |= (long) (b & 0x7F) << shift;
            if ((b & 0x80) == 0) {
                return value;
            }
        }
    }

    /** Reads a length prefix and returns where the delimited bytes end; Go's checks, in Go's order. */
    int lengthDelimitedEnd() {
        long length = varint();
        if (length < 0) {
            throw new DecodeFailure(NEGATIVE_LENGTH);
        }
        long relativeEnd = (pos - start) + length;
        if (relativeEnd < 0) {
            throw new DecodeFailure(NEGATIVE_LENGTH);
        }
        if (relativeEnd > end - start) {
            throw new DecodeFailure(UNEXPECTED_EOF);
        }
        return (int) (start + relativeEnd);
    }

    Object numeric(FieldDescriptor.Type type) {
        return switch (type) {
            case DOUBLE -> Double.longBitsToDouble(fixed(8));
            case FLOAT -> Float.intBitsToFloat((int) fixed(4));
            case FIXED64, SFIXED64 -> fixed(8);
            case FIXED32 -> fixed(4);
            case SFIXED32 -> (long) (int) fixed(4);
            case BOOL -> varint() != 0;
            case INT32, ENUM -> (long) (int) varint();
            case UINT32 -> varint() & 0xFFFF_FFFFL;
            case SINT32 -> {
                int raw = (int) varint();
                yield (long) ((raw >>> 1) ^ -(raw & 1));
            }
            case SINT64 -> {
                long raw = varint();
                yield (raw >>> 1) ^ -(raw & 1);
            }
            default -> varint();
        };
    }

    private long fixed(int size) {
        if (pos + size > end) {
            throw new DecodeFailure(UNEXPECTED_EOF);
        }
        long value = 0;
        for (int i = size - 1; i >= 0; i--) {
            value = (value << 8) | (data[pos + i] & 0xFF);
        }
        pos += size;
        return value;
    }

    /** Skips one unknown field (groups included) like gogo's {@code skipGenerated}, then checks the bounds. */
    void skipField() {
        int skipped = skipLength();
        if ((long) pos + skipped > end) {
            throw new DecodeFailure(UNEXPECTED_EOF);
        }
        pos += skipped;
    }

    /** How many bytes the field at {@code pos} spans, scanning at most to the end of the enclosing message. */
    int skipLength() {
        WireCursor scan = new WireCursor(data, pos, end);
        long offset = 0;
        int depth = 0;
        while (scan.pos < end) {
            int wireType = (int) (scan.varint() & 7);
            offset = scan.pos - pos;
            switch (wireType) {
                case 0 -> {
                    scan.varint();
                    offset = scan.pos - pos;
                }
                case 1 -> offset += 8;
                case 2 -> {
                    long length = scan.varint();
                    if (length < 0) {
                        throw new DecodeFailure(NEGATIVE_LENGTH);
                    }
                    offset = scan.pos - pos + length;
                }
                case 3 -> depth++;
                case 4 -> {
                    if (depth == 0) {
                        throw new DecodeFailure(UNEXPECTED_END_OF_GROUP);
                    }
                    depth--;
                }
                case 5 -> offset += 4;
                default -> throw new DecodeFailure("proto: illegal wireType " + wireType);
            }
            if (offset < 0) {
                throw new DecodeFailure(NEGATIVE_LENGTH);
            }
            if (depth == 0) {
                if (offset > Integer.MAX_VALUE) {
                    throw new DecodeFailure(UNEXPECTED_EOF);
                }
                return (int) offset;
            }
            if (pos + offset > end) {
                throw new DecodeFailure(UNEXPECTED_EOF);
            }
            scan.pos = (int) (pos + offset);
        }
        throw new DecodeFailure(UNEXPECTED_EOF);
    }
}
