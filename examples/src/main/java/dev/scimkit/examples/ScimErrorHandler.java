package dev.scimkit.examples;

import dev.scimkit.server.ScimResponse;
import dev.scimkit.server.servlet.ScimContainerErrors;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

import java.nio.ByteBuffer;

/**
 * Errors that Jetty answers before the SCIM engine sees a request (a URI or header block too long, a
 * malformed request line, an unknown path) still reach the client as an RFC 7644 §3.12 body, never
 * as an HTML page or a stack trace.
 */
final class ScimErrorHandler extends ErrorHandler {

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        int status = response.getStatus() >= 400 ? response.getStatus() : 500;
        ScimResponse error = ScimContainerErrors.response(status);
        response.setStatus(status);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/scim+json;charset=UTF-8");
        response.write(true, ByteBuffer.wrap(error.body()), callback);
        return true;
    }
}
