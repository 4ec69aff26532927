package dev.scimkit.server.servlet;

import dev.scimkit.server.HttpHeaders;
import dev.scimkit.server.ScimRequest;
import dev.scimkit.server.ScimResponse;
import dev.scimkit.server.ScimServer;
import dev.scimkit.server.spi.Authenticator;
import dev.scimkit.server.spi.ScimPrincipal;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A Jakarta Servlet that hosts a {@link ScimServer}: mount it at the SCIM base path with a
 * {@code /*} mapping (for example {@code /scim/v2/*}) and every request below is answered by the engine.
 *
 * <p>The servlet only translates. It reads the body up to the server's payload limit and answers
 * 413 without reading the rest; it decodes the raw query string itself, treating {@code +} as a space
 * (Entra ID sends {@code filter=userName+eq+"x"}), so container settings do not matter.
 */
public class ScimServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    /** Bodies up to this size are read (and dropped) before a 413, so the client receives it. */
    private static final long DRAIN_CAP = 16L * 1024 * 1024;
    private static final byte[] NO_BODY = new byte[0];

    /**
     * The request attribute in which the servlet leaves the {@link ScimPrincipal} the engine admitted a
     * request as, for the filters around it ({@link #principalOf}); absent when the request was refused.
     */
    public static final String PRINCIPAL_ATTRIBUTE = ScimPrincipal.class.getName();

    private final transient ScimServer server;

    public ScimServlet(ScimServer server) {
        this.server = server;
    }

    @Override
    protected void service(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        int limit = server.limits().maxPayloadBytes();
        long declared = req.getContentLengthLong();
        long drainCap = Math.max(4L * limit, DRAIN_CAP);
        ScimResponse response;
        if (declared > drainCap) {
            // Far too big to be worth reading: answer now and close, the client sees the 413.
            resp.setHeader("Connection", "close");
            response = tooLarge(limit);
        } else {
            Optional<byte[]> body = declared == 0 ? Optional.of(NO_BODY) : readBody(req.getInputStream(), limit, drainCap, declared);
            response = body.isEmpty() ? tooLarge(limit)
                    : server.handle(toScimRequest(req, body.get()), admitted -> req.setAttribute(PRINCIPAL_ATTRIBUTE, admitted));
        }
        write(response, resp);
    }

    /** Converts a servlet request; public so that frameworks wrapping the servlet API can reuse it. */
    public static ScimRequest toScimRequest(HttpServletRequest req, byte[] body) {
        String path = req.getPathInfo() == null ? "" : req.getPathInfo();
        ScimRequest.Builder b = ScimRequest.builder(req.getMethod(), path)
                .body(body)
                .baseUrl(baseUrl(req))
                .remoteAddress(req.getRemoteAddr());
        decodeQuery(req.getQueryString()).forEach((name, values) -> values.forEach(v -> b.queryParameter(name, v)));
        Map<String, List<String>> headers = new LinkedHashMap<>();
        for (String name : Collections.list(req.getHeaderNames())) {
            headers.put(name, Collections.list(req.getHeaders(name)));
        }
        return b.headers(HttpHeaders.of(headers)).build();
    }

    /**
     * The client a request's credentials name, for filters around the servlet that log or measure by
     * tenant and client. After the servlet has admitted the request, the principal it left in
     * {@link #PRINCIPAL_ATTRIBUTE}: authenticating every request twice cost about a tenth of a small
     * request's CPU. Otherwise (before the servlet, or for a request it refused) {@code authenticator}
     * is asked, from the headers alone (the body is not read).
     */
    public static Optional<ScimPrincipal> principalOf(HttpServletRequest req, Authenticator authenticator) {
        if (req.getAttribute(PRINCIPAL_ATTRIBUTE) instanceof ScimPrincipal admitted) {
            return Optional.of(admitted);
        }
        return authenticator.authenticate(toScimRequest(req, NO_BODY));
    }

    /**
     * Decodes a raw query string as {@code application/x-www-form-urlencoded}: {@code +} is a space,
     * {@code %XX} escapes are UTF-8. A malformed escape is kept literally instead of failing, so the
     * filter parser, not the binding, reports what is wrong with it.
     */
    public static Map<String, List<String>> decodeQuery(String raw) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        if (raw == null || raw.isEmpty()) {
            return out;
        }
        for (String pair : raw.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = decode(eq < 0 ? pair : pair.substring(0, eq));
            String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
            out.computeIfAbsent(name, n -> new ArrayList<>()).add(value);
        }
        return out;
    }

    private static String decode(String s) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '+') {
                bytes.write(' ');
            } else if (c == '%' && i + 2 < s.length() && hex(s.charAt(i + 1)) >= 0 && hex(s.charAt(i + 2)) >= 0) {
                bytes.write(hex(s.charAt(i + 1)) * 16 + hex(s.charAt(i + 2)));
                i += 2;
            } else {
                byte[] utf8 = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
                if (Character.isHighSurrogate(c) && i + 1 < s.length()) {
                    utf8 = s.substring(i, i + 2).getBytes(StandardCharsets.UTF_8);
                    i++;
                }
                bytes.write(utf8, 0, utf8.length);
            }
        }
        // Invalid UTF-8 becomes U+FFFD, which no filter or id matches: a clean 400 or an empty result.
        return bytes.toString(StandardCharsets.UTF_8);
    }

    private static int hex(char c) {
        return Character.digit(c, 16);
    }

    private static String baseUrl(HttpServletRequest req) {
        String scheme = req.getScheme().toLowerCase(Locale.ROOT);
        int port = req.getServerPort();
        boolean defaultPort = scheme.equals("http") && port == 80 || scheme.equals("https") && port == 443;
        String host = req.getServerName();
        if (host.indexOf(':') >= 0 && !host.startsWith("[")) {
            host = "[" + host + "]";
        }
        return scheme + "://" + host + (defaultPort || port <= 0 ? "" : ":" + port)
                + req.getContextPath() + req.getServletPath();
    }

    private static ScimResponse tooLarge(int limit) {
        return ScimResponse.error(413, "The request body exceeds " + limit + " bytes");
    }

    /**
     * The body, or empty when it is longer than {@code limit}. Nothing beyond the limit is kept; the
     * excess is read and dropped up to {@code drainCap} bytes, because HTTP clients that are still
     * sending when the server answers often lose the answer to a connection reset.
     */
    private static Optional<byte[]> readBody(InputStream in, int limit, long drainCap, long declared) throws IOException {
        // Sized by Content-Length when it is given; small when it is not (a GET has no body).
        int size = declared < 0 ? 1024 : (int) Math.min(8192, declared + 1);
        ByteArrayOutputStream out = new ByteArrayOutputStream(declared < 0 ? 256 : (int) Math.min(limit, declared));
        byte[] buffer = new byte[size];
        long total = 0;
        int n;
        while ((n = in.read(buffer)) != -1) {
            total += n;
            if (total > limit) {
                while (total <= drainCap && (n = in.read(buffer)) != -1) {
                    total += n;
                }
                return Optional.empty();
            }
            out.write(buffer, 0, n);
        }
        return Optional.of(out.toByteArray());
    }

    /** Writes an engine response (status, headers, body) to a servlet response. */
    static void write(ScimResponse response, HttpServletResponse resp) throws IOException {
        resp.setStatus(response.status());
        response.headers().asMap().forEach((name, values) -> values.forEach(v -> resp.addHeader(name, v)));
        if (response.bodyLength() > 0) {
            resp.setContentLength(response.bodyLength());
            response.writeBodyTo(resp.getOutputStream());
        }
    }
}
