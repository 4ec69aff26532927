package dev.scimkit.server.auth.jwt;

import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

/** An issuer's JWKS endpoint on a real loopback HTTP server; the test changes the keys it publishes. */
final class JwksServer implements AutoCloseable {

    private final HttpServer http;
    private volatile String body = "{\"keys\":[]}";
    private volatile int status = 200;
    final AtomicInteger fetches = new AtomicInteger();
    private volatile CountDownLatch held = new CountDownLatch(0);

    JwksServer() throws IOException {
        http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        http.createContext("/jwks", exchange -> {
            fetches.incrementAndGet();
            try {
                held.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(status, bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        });
        http.start();
    }

    /** Publishes the public parts of {@code keys}. */
    void publish(List<JWK> keys) {
        body = new JWKSet(keys).toPublicJWKSet().toString();
        status = 200;
    }

    void fail() {
        status = 503;
    }

    /** Answers {@code status} with {@code body} as it is, whatever it holds. */
    void serve(int status, String body) {
        this.body = body;
        this.status = status;
    }

    /** Requests wait without an answer until {@link #release}: an issuer that does not answer yet. */
    void hold() {
        held = new CountDownLatch(1);
    }

    void release() {
        held.countDown();
    }

    URI uri() {
        return URI.create("http://127.0.0.1:" + http.getAddress().getPort() + "/jwks");
    }

    @Override
    public void close() {
        release();
        http.stop(0);
    }
}
