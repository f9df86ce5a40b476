package dev.switchboard.provider.vertex;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

import dev.switchboard.config.SwitchboardConfig;

/**
 * A vertex-ai instance's own settings: where its Gemini models live ({@code project}, {@code location})
 * and where its access tokens come from ({@code credentials}, {@code service-account-file}). Checked at
 * start-up by {@link #problems}, each problem naming its key.
 *
 * @param serviceAccountFile set exactly when {@code credentials} is {@link Credentials#SERVICE_ACCOUNT}
 */
public record VertexAiSettings(String project, String location, Credentials credentials, Optional<Path> serviceAccountFile) {

    /** Where an instance's access tokens come from. */
    public enum Credentials {
        /** The GCE/GKE metadata server: the service account attached to the VM or, on GKE, workload identity. */
        METADATA("metadata"),
        /** A service-account key file: a JWT signed with its private key, exchanged at its {@code token_uri}. */
        SERVICE_ACCOUNT("service-account");

        private final String configName;

        Credentials(String configName) {
            this.configName = configName;
        }

        static Optional<Credentials> fromConfigName(String name) {
            for (Credentials credentials : values()) {
                if (credentials.configName.equals(name)) {
                    return Optional.of(credentials);
                }
            }
            return Optional.empty();
        }

        @Override
        public String toString() {
            return configName;
        }
    }

    /**
     * A location goes into a host name, so only what Google's region names are made of: lower-case
     * letters, digits and hyphens ({@code europe-west4}, {@code us-central1}, {@code global}).
     */
    private static final Pattern LOCATION = Pattern.compile("[a-z][a-z0-9-]*[a-z0-9]");

    /** What a simulated instance's path names when it is configured without a project or location. */
    private static final String SIMULATED_PROJECT = "simulated";
    private static final String GLOBAL = "global";

    /** The settings of a checked instance; a simulated one may leave the project and location out. */
    public static VertexAiSettings of(SwitchboardConfig.Provider settings) {
        Credentials credentials = credentials(settings).orElse(Credentials.METADATA);
        return new VertexAiSettings(settings.project().orElse(SIMULATED_PROJECT), settings.location().orElse(GLOBAL),
                credentials, credentials == Credentials.SERVICE_ACCOUNT ? settings.serviceAccountFile().map(Path::of)
                        : Optional.empty());
    }

    /**
     * The API host for the location: regional endpoints are {@code <location>-aiplatform.googleapis.com},
     * the global one has no prefix. The version is part of each call's path.
     */
    public static String hostFor(String location) {
        return GLOBAL.equals(location) ? "https://aiplatform.googleapis.com"
                : "https://" + location + "-aiplatform.googleapis.com";
    }

    /** What is wrong with a real (not simulated) vertex-ai instance's settings, each naming the key. */
    public static List<String> problems(String key, SwitchboardConfig.Provider settings) {
        List<String> problems = new ArrayList<>();
        if (settings.project().filter(project -> !project.isBlank()).isEmpty()) {
            problems.add(key + ".project: missing; the Google Cloud project a vertex-ai instance calls Gemini in");
        }
        Optional<String> location = settings.location().filter(l -> !l.isBlank());
        if (location.isEmpty()) {
            problems.add(key + ".location: missing; a Google Cloud region such as europe-west4, or global");
        } else if (!LOCATION.matcher(location.get()).matches()) {
            problems.add(key + ".location: '" + location.get() + "' is not a Google Cloud region such as europe-west4, or global");
        }
        Optional<Credentials> credentials = credentials(settings);
        if (settings.credentials().isPresent() && credentials.isEmpty()) {
            problems.add(key + ".credentials: unknown '" + settings.credentials().get()
                    + "'; metadata (the metadata server, workload identity) or service-account (a key file)");
            return problems;
        }
        Optional<String> file = settings.serviceAccountFile().filter(f -> !f.isBlank());
        if (credentials.orElse(Credentials.METADATA) == Credentials.SERVICE_ACCOUNT) {
            if (file.isEmpty()) {
                problems.add(key + ".service-account-file: missing; credentials=service-account needs the key file");
            } else {
                ServiceAccountKey.problem(Path.of(file.get())).ifPresent(problem ->
                        problems.add(key + ".service-account-file: " + problem));
            }
        } else if (file.isPresent()) {
            problems.add(key + ".service-account-file: set, but credentials=metadata takes tokens from the metadata "
                    + "server; remove one of the two");
        }
        return problems;
    }

    /** The configured mode; with none, a named key file means service-account. */
    private static Optional<Credentials> credentials(SwitchboardConfig.Provider settings) {
        if (settings.credentials().isPresent()) {
            return Credentials.fromConfigName(settings.credentials().get().strip().toLowerCase(Locale.ROOT));
        }
        return Optional.of(settings.serviceAccountFile().filter(f -> !f.isBlank()).isPresent()
                ? Credentials.SERVICE_ACCOUNT : Credentials.METADATA);
    }
}
