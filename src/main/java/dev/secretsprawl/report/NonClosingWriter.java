package dev.secretsprawl.report;

import java.io.FilterWriter;
import java.io.IOException;
import java.io.Writer;

/** Lets a serializer flush into a writer the caller still owns (stdout) without closing it. */
final class NonClosingWriter extends FilterWriter {
    NonClosingWriter(Writer out) {
        super(out);
    }

    @Override
    public void close() throws IOException {
        flush();
    }
}
