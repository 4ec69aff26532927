package dev.scimkit.benchmarks.load;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * The ceiling of the HTTP stack: a bare Jetty handler that answers every request with the same JSON
 * body (a User as a GET would return it), without routing, parsing, authentication or storage.
 */
final class PlainJsonHandler extends Handler.Abstract {

    private final byte[] body;

    PlainJsonHandler(String json) {
        this.body = json.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        response.setStatus(200);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/scim+json");
        response.getHeaders().put(HttpHeader.CONTENT_LENGTH, body.length);
        response.write(true, ByteBuffer.wrap(body), callback);
        return true;
    }
}
