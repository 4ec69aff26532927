package dev.scimkit.examples;

import dev.scimkit.console.TokenHint;
import dev.scimkit.server.auth.TokenFile;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every tenant the server knows at start, with what the console's setup page may show of its tokens:
 * a token of {@code --tenant} shows its client name and last four characters; a token of the token file
 * only its name (the file holds hashes, never a token); a tenant of {@code --jwt-tenant} has no tokens
 * of its own to list. A token file edited later changes who may call, not these hints.
 */
final class ConsoleTokenHints {

    private ConsoleTokenHints() {
    }

    static Map<String, List<TokenHint>> of(ServerOptions options) {
        Map<String, List<TokenHint>> hints = new LinkedHashMap<>();
        options.tenants().forEach((tenant, credentials) -> credentials.forEach(c ->
                hints.computeIfAbsent(tenant, t -> new ArrayList<>()).add(TokenHint.of(c.client(), c.secret()))));
        options.security().tokensFile().ifPresent(file -> readTokenFile(file).forEach((tenant, names) -> names.forEach(name ->
                hints.computeIfAbsent(tenant.value(), t -> new ArrayList<>()).add(new TokenHint(name, "")))));
        options.security().jwt().flatMap(SecurityOptions.Jwt::tenant)
                .ifPresent(tenant -> hints.computeIfAbsent(tenant, t -> new ArrayList<>()));
        return hints;
    }

    private static Map<dev.scimkit.server.spi.TenantId, List<String>> readTokenFile(Path file) {
        try {
            return TokenFile.tokenNames(Files.readAllBytes(file));
        } catch (IOException e) {
            throw new ServerOptions.InvalidOptionsException("--tokens-file " + file + " cannot be read: " + e.getMessage());
        } catch (TokenFile.InvalidTokenFileException e) {
            throw new ServerOptions.InvalidOptionsException("--tokens-file " + e.getMessage());
        }
    }
}
