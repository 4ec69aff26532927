package dev.scimkit.benchmarks.load;

import java.nio.charset.StandardCharsets;

/** One request of a load phase: method, path with query, and an optional JSON body. */
record LoadRequest(String method, String pathAndQuery, byte[] body) {

    static LoadRequest get(String pathAndQuery) {
        return new LoadRequest("GET", pathAndQuery, null);
    }

    static LoadRequest post(String path, String json) {
        return new LoadRequest("POST", path, json.getBytes(StandardCharsets.UTF_8));
    }

    static LoadRequest patch(String path, String json) {
        return new LoadRequest("PATCH", path, json.getBytes(StandardCharsets.UTF_8));
    }
}
