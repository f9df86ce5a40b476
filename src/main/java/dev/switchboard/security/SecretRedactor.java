package dev.switchboard.security;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import dev.switchboard.config.SwitchboardConfig;
import dev.switchboard.provider.ProviderEndpoints;

/**
 * Removes secrets from any text that leaves the gateway: upstream error messages shown to callers,
 * log lines, metric tags. It knows every configured key and, as a second line of defence, the
 * shapes of well-known provider keys (some providers echo a masked key in their 401 message).
 */
@ApplicationScoped
public class SecretRedactor {

    static final String MASK = "[redacted]";

    /**
     * Provider keys; Google OAuth access tokens ({@code ya29.}), signed JWTs (a service account's
     * assertion) and PEM private keys, which Vertex AI instances hold in memory; any bearer credential.
     */
    private static final Pattern KEY_SHAPES = Pattern.compile(
            "(sk-(?:ant-|proj-)?[A-Za-z0-9_*\\-]{8,}|AIza[0-9A-Za-z_\\-]{20,}|Bearer\\s+\\S+"
                    + "|ya29\\.[0-9A-Za-z_\\-.]+|eyJ[0-9A-Za-z_\\-]+\\.eyJ[0-9A-Za-z_\\-]+\\.[0-9A-Za-z_\\-]*"
                    + "|-----BEGIN [A-Z ]*PRIVATE KEY-----[\\s\\S]*?-----END [A-Z ]*PRIVATE KEY-----)");

    private final List<String> secrets;

    @Inject
    public SecretRedactor(SwitchboardConfig config) {
        this(Stream.of(
                config.providers().values().stream().map(SwitchboardConfig.Provider::apiKey).flatMap(Optional::stream),
                config.providers().values().stream().map(SwitchboardConfig.Provider::apiKeyEnv).flatMap(Optional::stream)
                        .map(ProviderEndpoints::variable).flatMap(Optional::stream),
                config.auth().apiKeys().orElse(List.of()).stream(),
                config.auth().adminKey().stream()).flatMap(keys -> keys).toList());
    }

    SecretRedactor(List<String> secrets) {
        // Longest first, so a key that contains another is masked whole.
        this.secrets = secrets.stream().filter(s -> !s.isBlank())
                .sorted((a, b) -> b.length() - a.length()).toList();
    }

    public String redact(String text) {
        if (text == null) {
            return null;
        }
        String result = text;
        for (String secret : secrets) {
            result = result.replace(secret, MASK);
        }
        return KEY_SHAPES.matcher(result).replaceAll(MASK);
    }
}
