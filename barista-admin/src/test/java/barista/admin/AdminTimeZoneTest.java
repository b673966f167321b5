package barista.admin;

import static org.assertj.core.api.Assertions.assertThat;

import barista.auth.ApiKeyInfo;
import barista.auth.Auth;
import barista.inference.Prediction;
import barista.inference.log.PredictionLog;
import barista.inference.tensor.Tensor;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Times on the admin pages in the viewer's zone (the {@code barista_tz} cookie admin.js sets):
 * shown, typed into the log's filters and chosen as a key's expiry day. Kolkata is five and a
 * half hours from UTC all year, so a page that still used UTC would fail every check.
 */
class AdminTimeZoneTest {
    private static final ZoneId KOLKATA = ZoneId.of("Asia/Kolkata");
    private static final DateTimeFormatter TYPED = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");

    @TempDir
    Path dir;

    @Test
    void a_zone_name_java_does_not_know_or_a_forged_one_means_utc() {
        assertThat(AdminTime.named("Asia/Kolkata").zone()).isEqualTo(KOLKATA);
        assertThat(AdminTime.named("Asia/Kolkata").label()).isEqualTo("Asia/Kolkata");
        for (String bad : new String[] {null, "", "Mars/Olympus", "<script>", "../../etc", "Europe/Paris\r\nX: 1"}) {
            assertThat(AdminTime.named(bad)).as(String.valueOf(bad)).isEqualTo(AdminTime.UTC);
        }
        assertThat(AdminTime.UTC.label()).isEqualTo("UTC");
    }

    @Test
    void the_log_shows_and_filters_times_in_the_viewers_zone() {
        try (TestAdmin admin = TestAdmin.start(dir)) {
            TestAdmin.Browser root = admin.userWithRoles("root", "admin");
            root.cookies.put(AdminTime.COOKIE, "Asia/Kolkata");
            PredictionLog log = PredictionLog.of(admin.app);
            log.record("req-zone", "alice", 100, Map.of("input", Tensor.ofFloats(new float[][] {{1f}})),
                    new Prediction("iris", "1", Map.of("output", Tensor.ofFloats(new float[][] {{1f}})), List.of())).join();
            Instant at = log.find("req-zone").orElseThrow().time();

            String page = root.get("/admin/predictions").text();
            assertThat(page).contains("Time (Asia/Kolkata)").contains("From (Asia/Kolkata)")
                    .contains(AdminTime.named("Asia/Kolkata").format(at));

            String minuteBefore = TYPED.format(at.minusSeconds(60).atZone(KOLKATA));
            String minuteAfter = TYPED.format(at.plusSeconds(60).atZone(KOLKATA));
            assertThat(root.get("/admin/predictions?from=" + minuteBefore + "&to=" + minuteAfter).text())
                    .contains("req-zone");
            assertThat(root.get("/admin/predictions?from=" + minuteAfter).text()).doesNotContain("req-zone");
            assertThat(root.get("/admin/predictions.csv?to=" + minuteBefore).text()).doesNotContain("req-zone");

            // a link with typed times names their zone, so it shows the same rows in another zone
            String filtered = root.get("/admin/predictions?from=" + minuteBefore).text();
            assertThat(filtered).contains("href=\"/admin/predictions.csv?from=" + minuteBefore.replace(":", "%3A")
                    + "&amp;tz=Asia%2FKolkata\"");
            TestAdmin.Browser elsewhere = admin.userWithRoles("viewer", "admin");
            elsewhere.cookies.put(AdminTime.COOKIE, "America/New_York");
            assertThat(elsewhere.get("/admin/predictions?from=" + minuteBefore + "&tz=Asia/Kolkata").text())
                    .contains("req-zone").contains("Time (Asia/Kolkata)");
            assertThat(elsewhere.get("/admin/predictions?from=" + minuteBefore).text()).doesNotContain("req-zone");
        }
    }

    @Test
    void a_key_expires_at_the_end_of_the_chosen_day_in_the_viewers_zone() {
        try (TestAdmin admin = TestAdmin.start(dir)) {
            TestAdmin.Browser root = admin.userWithRoles("root", "admin");
            root.cookies.put(AdminTime.COOKIE, "Asia/Kolkata");
            assertThat(root.get("/admin/keys").text()).contains("Created (Asia/Kolkata)")
                    .contains("Expires after (a date, Asia/Kolkata; empty: never)");

            root.postWithToken("/admin/keys", Map.of("username", "root", "name", "nightly", "expires", "2030-01-01"));

            ApiKeyInfo key = Auth.of(admin.app).apiKeys().list("root").stream()
                    .filter(k -> k.name().equals("nightly")).findFirst().orElseThrow();
            assertThat(key.expiresAt()).isEqualTo(LocalDate.of(2030, 1, 2).atStartOfDay(KOLKATA).toInstant())
                    .isEqualTo(Instant.parse("2030-01-01T18:30:00Z"));
        }
    }
}
