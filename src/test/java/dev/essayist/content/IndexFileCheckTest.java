package dev.essayist.content;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IndexFileCheckTest {

    private final IndexFileCheck check = new IndexFileCheck("Europe/Berlin", "https://blog.example.org", false);

    @TempDir
    Path folder;

    /** Writes an H2 file at {@code base} with the given fingerprint row and {@code posts} post rows. */
    private String index(Path base, String fingerprint, int posts) throws Exception {
        String url = "jdbc:h2:file:" + base;
        try (Connection connection = DriverManager.getConnection(url, "sa", "");
             Statement sql = connection.createStatement()) {
            sql.execute("CREATE TABLE index_meta (name VARCHAR PRIMARY KEY, setting VARCHAR)");
            sql.execute("INSERT INTO index_meta VALUES ('fingerprint', '" + fingerprint + "')");
            sql.execute("CREATE TABLE post (id INT)");
            for (int i = 0; i < posts; i++) {
                sql.execute("INSERT INTO post VALUES (" + i + ")");
            }
        }
        return url;
    }

    @Test
    void fingerprintNamesTheFormatZoneBaseUrlAndPreview() {
        assertThat(check.fingerprint()).endsWith("; format " + IndexStore.FORMAT
                + "; zone Europe/Berlin; base https://blog.example.org; preview false");
        assertThat(new IndexFileCheck("Europe/Berlin", "https://blog.example.org", true).fingerprint())
                .isNotEqualTo(check.fingerprint());
    }

    @Test
    void keepsACurrentFileWithPostsAndHandsOverItsConnection() throws Exception {
        Path base = folder.resolve("index");
        String url = index(base, check.fingerprint(), 2);

        IndexFileCheck.Outcome outcome = check.check(url, base, "sa", "", () -> null);
        try {
            assertThat(outcome.url()).isEqualTo(url);
            assertThat(outcome.current()).isTrue();
            assertThat(outcome.held()).isNotNull();
            assertThat(outcome.held().isClosed()).isFalse();
        } finally {
            IndexFiles.closeQuietly(outcome.held());
        }
    }

    @Test
    void holdsNothingForACurrentFileWithoutPosts() throws Exception {
        Path base = folder.resolve("index");
        String url = index(base, check.fingerprint(), 0);

        IndexFileCheck.Outcome outcome = check.check(url, base, "sa", "", () -> null);

        assertThat(outcome.current()).isTrue();
        assertThat(outcome.held()).isNull();
        assertThat(Files.exists(folder.resolve("index.mv.db"))).isTrue();
    }

    @Test
    void deletesAFileBuiltUnderAnotherFingerprint() throws Exception {
        Path base = folder.resolve("index");
        String url = index(base, "essayist 0.9 build 1; format 1", 2);

        IndexFileCheck.Outcome outcome = check.check(url, base, "sa", "", () -> null);

        assertThat(outcome).isEqualTo(new IndexFileCheck.Outcome(url, false, null));
        assertThat(Files.exists(folder.resolve("index.mv.db"))).isFalse();
    }

    @Test
    void deletesAFileThatIsNotAnH2Database() throws Exception {
        Path base = folder.resolve("index");
        Files.writeString(folder.resolve("index.mv.db"), "not a database");
        String url = "jdbc:h2:file:" + base;

        IndexFileCheck.Outcome outcome = check.check(url, base, "sa", "", () -> null);

        assertThat(outcome).isEqualTo(new IndexFileCheck.Outcome(url, false, null));
        assertThat(Files.exists(folder.resolve("index.mv.db"))).isFalse();
    }
}
