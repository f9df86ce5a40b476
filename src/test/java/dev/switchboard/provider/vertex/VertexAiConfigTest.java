package dev.switchboard.provider.vertex;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.switchboard.config.ConfigCheck;
import dev.switchboard.provider.ProviderId;
import dev.switchboard.provider.ProviderInstances;
import dev.switchboard.provider.ProviderType;
import dev.switchboard.support.TestConfig;

/** A vertex-ai instance's start-up errors, each naming the key to fix; and what a good one needs. */
class VertexAiConfigTest {

    private static final String KEY = "switchboard.providers.vertex-eu";

    @TempDir
    Path directory;

    private static List<String> problems(String... properties) {
        List<String> all = new ArrayList<>(List.of(KEY + ".type", "vertex-ai"));
        all.addAll(List.of(properties));
        return ConfigCheck.problems(TestConfig.load(TestConfig.seed(all.toArray(String[]::new))));
    }

    private String goodKeyFile() {
        return TestServiceAccount.create(directory, ServiceAccountKey.GOOGLE_TOKEN_URI).file().toString();
    }

    @Test
    void aMetadataInstanceNeedsAProjectAndALocationOnly() {
        assertThat(problems(KEY + ".project", "my-project", KEY + ".location", "europe-west4",
                KEY + ".credentials", "metadata")).isEmpty();
        assertThat(ProviderInstances.of(TestConfig.load(TestConfig.seed(KEY + ".type", "vertex-ai",
                KEY + ".project", "p", KEY + ".location", "global"))).named("vertex-eu"))
                .contains(new ProviderId("vertex-eu", ProviderType.VERTEX_AI));
    }

    @Test
    void aServiceAccountInstanceWithAGoodKeyFileHasNoProblem() {
        assertThat(problems(KEY + ".project", "my-project", KEY + ".location", "global",
                KEY + ".credentials", "service-account", KEY + ".service-account-file", goodKeyFile())).isEmpty();
        // A named key file without a mode means service-account.
        assertThat(problems(KEY + ".project", "my-project", KEY + ".location", "global",
                KEY + ".service-account-file", goodKeyFile())).isEmpty();
    }

    @Test
    void aMissingProjectNamesTheKey() {
        assertThat(problems(KEY + ".location", "europe-west4"))
                .anySatisfy(p -> assertThat(p).startsWith(KEY + ".project: missing"));
    }

    @Test
    void aMissingLocationNamesTheKey() {
        assertThat(problems(KEY + ".project", "my-project"))
                .anySatisfy(p -> assertThat(p).startsWith(KEY + ".location: missing"))
                .noneSatisfy(p -> assertThat(p).startsWith(KEY + ".url"));
    }

    @Test
    void aLocationThatIsNoRegionNamesTheKey() {
        assertThat(problems(KEY + ".project", "my-project", KEY + ".location", "evil.example.com/x"))
                .anySatisfy(p -> assertThat(p).startsWith(KEY + ".location: 'evil.example.com/x' is not a Google Cloud region"));
    }

    @Test
    void serviceAccountCredentialsWithoutAFileNameTheKey() {
        assertThat(problems(KEY + ".project", "my-project", KEY + ".location", "global",
                KEY + ".credentials", "service-account"))
                .anySatisfy(p -> assertThat(p).startsWith(KEY + ".service-account-file: missing"));
    }

    @Test
    void anUnreadableKeyFileNamesTheKey() {
        String absent = directory.resolve("no-such-key.json").toString();
        assertThat(problems(KEY + ".project", "my-project", KEY + ".location", "global",
                KEY + ".credentials", "service-account", KEY + ".service-account-file", absent))
                .anySatisfy(p -> assertThat(p).startsWith(KEY + ".service-account-file: cannot read " + absent));
    }

    @Test
    void aKeyFileThatIsNotJsonNamesTheKey() throws IOException {
        Path file = Files.writeString(directory.resolve("key.json"), "not json at all");
        assertThat(problems(KEY + ".project", "my-project", KEY + ".location", "global",
                KEY + ".service-account-file", file.toString()))
                .anySatisfy(p -> assertThat(p).startsWith(KEY + ".service-account-file: " + file + " is not JSON"));
    }

    @Test
    void aMalformedPrivateKeyNamesTheKeyAndNeverQuotesIt() throws IOException {
        String secret = "MIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcwggSjAgEAAoIBAQ-not-a-key";
        Path file = Files.writeString(directory.resolve("key.json"), "{\"type\":\"service_account\","
                + "\"client_email\":\"a@b.iam.gserviceaccount.com\",\"private_key\":\"-----BEGIN PRIVATE KEY-----\\n"
                + secret + "\\n-----END PRIVATE KEY-----\\n\"}");
        List<String> problems = problems(KEY + ".project", "my-project", KEY + ".location", "global",
                KEY + ".service-account-file", file.toString());
        assertThat(problems).anySatisfy(p -> assertThat(p)
                .isEqualTo(KEY + ".service-account-file: " + file + ": private_key is not a PKCS#8 RSA private key"));
        assertThat(String.join("\n", problems)).doesNotContain(secret);
    }

    @Test
    void aKeyFileWithoutAnAccountNamesTheKey() throws IOException {
        Path file = Files.writeString(directory.resolve("key.json"), "{\"type\":\"service_account\"}");
        assertThat(problems(KEY + ".project", "my-project", KEY + ".location", "global",
                KEY + ".service-account-file", file.toString()))
                .anySatisfy(p -> assertThat(p).isEqualTo(KEY + ".service-account-file: " + file + " has no client_email"));
    }

    @Test
    void anUnknownCredentialsModeNamesTheKey() {
        assertThat(problems(KEY + ".project", "my-project", KEY + ".location", "global", KEY + ".credentials", "api-key"))
                .anySatisfy(p -> assertThat(p).startsWith(KEY + ".credentials: unknown 'api-key'"));
    }

    @Test
    void aKeyFileBesideMetadataCredentialsIsAContradiction() {
        assertThat(problems(KEY + ".project", "my-project", KEY + ".location", "global",
                KEY + ".credentials", "metadata", KEY + ".service-account-file", goodKeyFile()))
                .anySatisfy(p -> assertThat(p).startsWith(KEY + ".service-account-file: set, but credentials=metadata"));
    }

    @Test
    void aSimulatedInstanceNeedsNoProjectLocationOrCredentials() {
        assertThat(problems(KEY + ".simulated", "true")).isEmpty();
    }

    @Test
    void vertexAiCannotContinueNorEmbed() {
        assertThat(problems(KEY + ".project", "my-project", KEY + ".location", "global",
                KEY + ".continuation", "true"))
                .anySatisfy(p -> assertThat(p).startsWith(KEY + ".continuation:"));
        assertThat(problems(KEY + ".project", "my-project", KEY + ".location", "global",
                "switchboard.embedding-routes.vx.provider", "vertex-eu",
                "switchboard.embedding-routes.vx.model", "text-embedding-005",
                "switchboard.embedding-routes.vx.dimensions", "768"))
                .anySatisfy(p -> assertThat(p).startsWith("switchboard.embedding-routes.vx.provider"));
    }

    @Test
    void theHostFollowsTheLocation() {
        assertThat(VertexAiSettings.hostFor("europe-west4")).isEqualTo("https://europe-west4-aiplatform.googleapis.com");
        assertThat(VertexAiSettings.hostFor("global")).isEqualTo("https://aiplatform.googleapis.com");
    }
}
