package barista.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringWriter;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class RequestLogTest {

    @Test
    void one_logfmt_line_per_request_with_method_path_status_duration_and_id() throws Exception {
        StringWriter out = new StringWriter();
        RequestLog log = new RequestLog(out);
        log.log("GET", "/predict", 200, TimeUnit.MICROSECONDS.toNanos(1234), "abc-1", "127.0.0.1:5000");
        log.flush();
        Thread.sleep(50);
        assertThat(out.toString()).matches(
                "\\d{4}-\\d\\d-\\d\\dT[0-9:.]+Z INFO request method=GET path=/predict status=200 duration_ms=1\\.234 "
                        + "request_id=abc-1 remote=127\\.0\\.0\\.1:5000\\n");
    }

    @Test
    void values_that_would_break_the_line_are_quoted() {
        StringBuilder sb = new StringBuilder();
        RequestLog.format(new RequestLog.Entry(0, "GET", "/a b\"c\n", 200, 0, "id", null), "1970-01-01T00:00:00Z", sb);
        assertThat(sb.toString()).contains("path=\"/a b\\\"c\\u000a\"").endsWith("\n").hasLineCount(1);
    }
}
