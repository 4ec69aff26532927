package dev.scimkit.benchmarks.load;

import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * A minimal HTTP/1.1 client on one kept-alive loopback connection, for the load run. The JDK's
 * {@code HttpClient} spends more CPU per request than a small handler does, and client and server
 * share two cores here, so a heavy client would hide the server's cost behind its own. This one writes
 * the request bytes and reads status, headers and a {@code Content-Length} or chunked body: nothing
 * else. Not thread-safe: one per load worker.
 */
final class Http1Connection implements Closeable {

    private static final int MAX_HEADER_LINE = 16 * 1024;
    private static final int MAX_BODY = 64 * 1024 * 1024;

    private final String host;
    private final int port;
    private Socket socket;
    private InputStream in;
    private OutputStream out;

    Http1Connection(String host, int port) {
        this.host = host;
        this.port = port;
    }

    /** A response: the status and, when asked for, the body as text. */
    record Response(int status, String body) {
    }

    /** Sends one request and reads the whole response; reconnects once if the server had closed. */
    Response send(LoadRequest request, String authorization, boolean keepBody) throws IOException {
        byte[] head = head(request, authorization);
        for (int attempt = 0; ; attempt++) {
            try {
                connectIfNeeded();
                out.write(head);
                if (request.body() != null) {
                    out.write(request.body());
                }
                out.flush();
                return read(keepBody);
            } catch (IOException e) {
                close();
                if (attempt > 0) {
                    throw e;
                }
            }
        }
    }

    private byte[] head(LoadRequest request, String authorization) {
        StringBuilder head = new StringBuilder(256).append(request.method()).append(' ').append(request.pathAndQuery())
                .append(" HTTP/1.1\r\nHost: ").append(host).append(':').append(port)
                .append("\r\nAccept: application/scim+json\r\nAuthorization: ").append(authorization).append("\r\n");
        if (request.body() != null) {
            head.append("Content-Type: application/scim+json\r\nContent-Length: ").append(request.body().length).append("\r\n");
        }
        return head.append("\r\n").toString().getBytes(StandardCharsets.ISO_8859_1);
    }

    private void connectIfNeeded() throws IOException {
        if (socket == null) {
            socket = new Socket();
            socket.setTcpNoDelay(true);
            socket.setSoTimeout(30_000);
            socket.connect(new InetSocketAddress(host, port), 5_000);
            in = new java.io.BufferedInputStream(socket.getInputStream(), 64 * 1024);
            out = new java.io.BufferedOutputStream(socket.getOutputStream(), 16 * 1024);
        }
    }

    private Response read(boolean keepBody) throws IOException {
        String statusLine = line();
        if (!statusLine.startsWith("HTTP/1.")) {
            throw new IOException("not an HTTP response: " + statusLine);
        }
        int status = Integer.parseInt(statusLine.substring(9, 12));
        long length = -1;
        boolean chunked = false;
        boolean close = false;
        for (String header = line(); !header.isEmpty(); header = line()) {
            String lower = header.toLowerCase(Locale.ROOT);
            if (lower.startsWith("content-length:")) {
                length = Long.parseLong(lower.substring(15).trim());
            } else if (lower.startsWith("transfer-encoding:") && lower.contains("chunked")) {
                chunked = true;
            } else if (lower.startsWith("connection:") && lower.contains("close")) {
                close = true;
            }
        }
        ByteArrayOutputStream body = keepBody ? new ByteArrayOutputStream() : null;
        if (chunked) {
            for (long size = Long.parseLong(line().split(";")[0].trim(), 16); size > 0;
                    size = Long.parseLong(line().split(";")[0].trim(), 16)) {
                copy(size, body);
                line();
            }
            while (!line().isEmpty()) {
                // trailers
            }
        } else if (length > 0) {
            copy(length, body);
        }
        if (close) {
            close();
        }
        return new Response(status, body == null ? null : body.toString(StandardCharsets.UTF_8));
    }

    private void copy(long size, ByteArrayOutputStream sink) throws IOException {
        if (size > MAX_BODY) {
            throw new IOException("response body too large: " + size);
        }
        byte[] buffer = new byte[8192];
        long left = size;
        while (left > 0) {
            int n = in.read(buffer, 0, (int) Math.min(buffer.length, left));
            if (n < 0) {
                throw new EOFException("connection closed inside a body");
            }
            if (sink != null) {
                sink.write(buffer, 0, n);
            }
            left -= n;
        }
    }

    private String line() throws IOException {
        StringBuilder line = new StringBuilder(64);
        while (true) {
            int b = in.read();
            if (b < 0) {
                throw new EOFException("connection closed");
            }
            if (b == '\n') {
                int end = line.length();
                return end > 0 && line.charAt(end - 1) == '\r' ? line.substring(0, end - 1) : line.toString();
            }
            if (line.length() >= MAX_HEADER_LINE) {
                throw new IOException("header line too long");
            }
            line.append((char) b);
        }
    }

    @Override
    public void close() {
        if (socket != null) {
            try {
                socket.close();
            } catch (IOException ignored) {
                // closing a loopback socket we are discarding anyway
            }
            socket = null;
        }
    }
}
