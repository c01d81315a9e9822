package io.mosaic.crm.platform.jobs.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Decodes UTF-8 strictly (a decoder that REPORTs malformed input instead of replacing it) and
 * drops a leading byte-order mark. A malformed sequence does not end the file: it is counted and
 * stands in the text as U+FFFD, so that the CSV row holding it can be refused as
 * {@code invalid_utf8} while the rows after it are still read. Nothing with U+FFFD from a
 * malformed byte is ever imported.
 */
final class StrictUtf8Reader extends Reader {
    static final char MARK = '\uFFFD';
    private final InputStream in;
    private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
    private final ByteBuffer bytes = ByteBuffer.allocate(1 << 16);
    private final CharBuffer chars = CharBuffer.allocate(1 << 16);
    private boolean eof;
    private boolean started;
    private long malformed;

    StrictUtf8Reader(InputStream in) {
        this.in = in;
        bytes.flip();
        chars.flip();
    }

    /** Malformed sequences met so far. */
    long malformed() {
        return malformed;
    }

    @Override
    public int read(char[] buffer, int offset, int length) throws IOException {
        while (!chars.hasRemaining()) {
            if (!fill()) {
                return -1;
            }
        }
        if (!started) {
            started = true;
            if (chars.get(chars.position()) == '\uFEFF') {
                chars.get();
                if (!chars.hasRemaining()) {
                    return read(buffer, offset, length);
                }
            }
        }
        int n = Math.min(length, chars.remaining());
        chars.get(buffer, offset, n);
        return n;
    }

    /** Decodes more; false at the end of input. */
    private boolean fill() throws IOException {
        if (eof && !bytes.hasRemaining()) {
            return false;
        }
        bytes.compact();
        int read = eof ? -1 : in.read(bytes.array(), bytes.position(), bytes.remaining());
        if (read < 0) {
            eof = true;
        } else {
            bytes.position(bytes.position() + read);
        }
        bytes.flip();
        chars.clear();
        while (true) {
            CoderResult result = decoder.decode(bytes, chars, eof);
            if (result.isMalformed() || result.isUnmappable()) {
                if (!chars.hasRemaining()) {
                    break; // no room for the mark: the decoder reports it again next time
                }
                malformed++;
                bytes.position(bytes.position() + result.length());
                chars.put(MARK);
                continue;
            }
            if (eof && result.isUnderflow()) {
                decoder.flush(chars);
            }
            break;
        }
        chars.flip();
        return chars.hasRemaining() || !eof || bytes.hasRemaining();
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
