package dev.scimkit.benchmarks.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.Callback;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The load run's client reads what Jetty sends, with a length or chunked, over one kept-alive connection. */
class Http1ConnectionTest {

    private Server jetty;

    @AfterEach
    void stop() throws Exception {
        if (jetty != null) {
            jetty.stop();
        }
    }

    @Test
    void readsFixedLengthBodiesRepeatedlyOnOneConnection() throws Exception {
        int port = start(new PlainJsonHandler("{\"userName\":\"alice\"}"));
        Http1Connection connection = new Http1Connection("127.0.0.1", port);
        for (int i = 0; i < 3; i++) {
            Http1Connection.Response response = connection.send(LoadRequest.get("/x"), "Bearer t", true);
            assertThat(response.status()).isEqualTo(200);
            assertThat(response.body()).isEqualTo("{\"userName\":\"alice\"}");
        }
        connection.close();
    }

    @Test
    void readsChunkedBodiesAndSendsRequestBodies() throws Exception {
        int port = start(new Handler.Abstract() {
            @Override
            public boolean handle(Request request, Response response, Callback callback) throws Exception {
                String body = Request.asInputStream(request).readAllBytes().length + " bytes;";
                response.setStatus(201);
                // Two writes without a length: Jetty answers chunked.
                response.write(false, ByteBuffer.wrap(body.getBytes(StandardCharsets.UTF_8)), Callback.NOOP);
                response.write(true, ByteBuffer.wrap(" done".getBytes(StandardCharsets.UTF_8)), callback);
                return true;
            }
        });
        Http1Connection connection = new Http1Connection("127.0.0.1", port);
        Http1Connection.Response first = connection.send(LoadRequest.post("/Users", "{\"a\":1}"), "Bearer t", true);
        Http1Connection.Response second = connection.send(LoadRequest.patch("/Users/1", "{}"), "Bearer t", true);
        assertThat(first.status()).isEqualTo(201);
        assertThat(first.body()).isEqualTo("7 bytes; done");
        assertThat(second.body()).isEqualTo("2 bytes; done");
        connection.close();
    }

    private int start(Handler handler) throws Exception {
        jetty = new Server();
        ServerConnector connector = new ServerConnector(jetty);
        connector.setHost("127.0.0.1");
        connector.setPort(0);
        jetty.addConnector(connector);
        jetty.setHandler(handler);
        jetty.start();
        return connector.getLocalPort();
    }
}
