package dev.scimkit.filter.parse;

import org.antlr.v4.runtime.CharStream;
import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.IntStream;
import org.antlr.v4.runtime.misc.Interval;

/**
 * A {@link CharStream} that reads a string in place. {@link CharStreams#fromString} first copies the
 * text into a code-point buffer, which for a short filter costs as much as lexing it. For text without
 * surrogates a char is a code point, so indices, columns in error details and token texts are exactly
 * those of the code-point stream; text with surrogates takes the code-point stream ({@link #of}).
 */
final class StringCharStream implements CharStream {

    private final String text;
    private int position;

    private StringCharStream(String text) {
        this.text = text;
    }

    /** The cheapest stream that reads {@code text} exactly as {@link CharStreams#fromString} does. */
    static CharStream of(String text) {
        for (int i = 0, n = text.length(); i < n; i++) {
            if (Character.isSurrogate(text.charAt(i))) {
                return CharStreams.fromString(text);
            }
        }
        return new StringCharStream(text);
    }

    @Override
    public int LA(int i) {
        if (i > 0) {
            int offset = position + i - 1;
            return offset < text.length() ? text.charAt(offset) : IntStream.EOF;
        }
        if (i < 0) {
            int offset = position + i;
            return offset >= 0 ? text.charAt(offset) : IntStream.EOF;
        }
        return 0; // undefined, as in CodePointCharStream
    }

    @Override
    public void consume() {
        if (position >= text.length()) {
            throw new IllegalStateException("cannot consume EOF");
        }
        position++;
    }

    @Override
    public int index() {
        return position;
    }

    @Override
    public int size() {
        return text.length();
    }

    @Override
    public int mark() {
        return -1; // the whole text is in memory: marks need no bookkeeping
    }

    @Override
    public void release(int marker) {
        // nothing to release
    }

    @Override
    public void seek(int index) {
        position = index;
    }

    @Override
    public String getText(Interval interval) {
        int start = Math.min(interval.a, text.length());
        int length = Math.min(interval.b - interval.a + 1, text.length() - start);
        return length <= 0 ? "" : text.substring(start, start + length);
    }

    @Override
    public String getSourceName() {
        return IntStream.UNKNOWN_SOURCE_NAME;
    }

    @Override
    public String toString() {
        return text;
    }
}
