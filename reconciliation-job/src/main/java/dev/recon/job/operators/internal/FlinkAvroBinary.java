package dev.recon.job.operators.internal;

import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * The binary layout Flink's {@code AvroSerializer} writes (its {@code DataOutputEncoder}): ints,
 * enums and union indexes as 4 bytes, longs as 8, strings as a 4-byte length and UTF-8, array item
 * counts as unsigned varints closed by a zero byte. Reads and writes it without Avro.
 */
final class FlinkAvroBinary {
    /** Reused by {@link #readString}, so an instance is not thread-safe. */
    private byte[] scratch = new byte[64];

    /** Writes a string (the JDK's UTF-8 encoder: vectorized, faster than any loop here). */
    void writeString(DataOutputView out, String s) throws IOException {
        byte[] utf8 = s.getBytes(StandardCharsets.UTF_8);
        out.writeInt(utf8.length);
        out.write(utf8);
    }

    /** Writes a {@code ["null", "string"]} union. */
    void writeNullableString(DataOutputView out, String s) throws IOException {
        out.writeInt(s == null ? 0 : 1);
        if (s != null) {
            writeString(out, s);
        }
    }

    /** Reads a string written by {@link #writeString} or by Flink's Avro encoder. */
    String readString(DataInputView in) throws IOException {
        int n = in.readInt();
        if (n < 0) {
            throw new IOException("corrupt state: negative string length " + n);
        }
        if (n > scratch.length) {
            scratch = new byte[Math.max(n, scratch.length * 2)];
        }
        in.readFully(scratch, 0, n);
        return new String(scratch, 0, n, StandardCharsets.UTF_8);
    }

    /** Reads a {@code ["null", "string"]} union. */
    String readNullableString(DataInputView in) throws IOException {
        return unionIndex(in, 2) == 0 ? null : readString(in);
    }

    /** Reads a union branch index and checks it against the union's size. */
    static int unionIndex(DataInputView in, int branches) throws IOException {
        int i = in.readInt();
        if (i < 0 || i >= branches) {
            throw new IOException("corrupt state: union branch " + i + " of " + branches);
        }
        return i;
    }

    /** Writes an array block count, an unsigned varint (0 closes the array). */
    static void writeCount(DataOutputView out, long n) throws IOException {
        while ((n & ~0x7FL) != 0) {
            out.write((int) ((n & 0x7F) | 0x80));
            n >>>= 7;
        }
        out.write((int) n);
    }

    /** Reads an array block count. */
    static long readCount(DataInputView in) throws IOException {
        long n = 0;
        for (int shift = 0; shift < 64; shift += 7) {
            int b = in.readUnsignedByte();
            n |= (long) (b & 0x7F) << shift;
            if ((b & 0x80) == 0) {
                return n;
            }
        }
        throw new IOException("corrupt state: array count longer than 64 bits");
    }
}
