package dev.switchboard.security;

import java.util.List;
import java.util.Optional;

import jakarta.enterprise.event.Observes;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import dev.switchboard.config.SwitchboardConfig;
import io.quarkus.runtime.StartupEvent;

/**
 * When an admin key is configured ({@code switchboard.auth.admin-key}), every {@code /admin} path
 * requires it as a Bearer token. Gateway keys do not open admin paths: callers of {@code /v1} are
 * applications, and the admin status says which providers fail, why, and how often, which is for
 * operators. The check runs before matching, so unknown admin paths are refused the same way and
 * their absence reveals nothing. Without an admin key, admin paths are open, and start-up warns
 * when that is probably an oversight (the gateway itself is locked).
 */
public class AdminAuthFilter {

    private static final Logger LOG = Logger.getLogger(AdminAuthFilter.class);

    /** Every admin path starts so; a prefix match also covers spellings like {@code /admin;x}. */
    static final String ADMIN_PATHS = "/admin";

    private final BearerKeys key;
    private final Optional<String> openWarning;

    public AdminAuthFilter(SwitchboardConfig config) {
        this.key = BearerKeys.of(config.auth().adminKey().stream().toList());
        this.openWarning = openWarning(config);
    }

    void warnWhenOpen(@Observes StartupEvent event) {
        openWarning.ifPresent(LOG::warn);
    }

    /** The start-up warning owed when gateway keys lock {@code /v1} but nothing locks {@code /admin}. */
    static Optional<String> openWarning(SwitchboardConfig config) {
        boolean gatewayLocked = !config.auth().apiKeys().orElse(List.of()).isEmpty();
        if (gatewayLocked && config.auth().adminKey().isEmpty()) {
            return Optional.of("Gateway keys are set but no admin key: /admin is open to anyone who can reach it."
                    + " Set switchboard.auth.admin-key (SWITCHBOARD_AUTH_ADMIN_KEY) to require one.");
        }
        return Optional.empty();
    }

    @ServerRequestFilter(preMatching = true)
    public Response authenticate(ContainerRequestContext request) {
        if (key.isEmpty() || !request.getUriInfo().getPath().startsWith(ADMIN_PATHS)) {
            return null;
        }
        String header = request.getHeaderString(HttpHeaders.AUTHORIZATION);
        if (key.admit(header)) {
            return null;
        }
        return BearerKeys.unauthorized(header == null
                ? "Missing admin key: send it as 'Authorization: Bearer <admin-key>'."
                : "Incorrect admin key provided.");
    }
}
