package barista.admin.html;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The writer escapes what it is given and refuses what the admin's CSP or CSRF rules forbid. */
class PageTest {
    @Test
    void text_and_attribute_values_are_escaped() {
        Page p = new Page("t");
        p.el("p", "<b>&\"'", "title", "\"><script>");
        assertThat(p.finish()).isEqualTo("<!doctype html><p title=\"&quot;&gt;&lt;script&gt;\">&lt;b&gt;&amp;&quot;&#39;</p>");
    }

    @Test
    void post_forms_always_carry_the_csrf_field() {
        Page p = new Page("tok\"en");
        p.postForm("/admin/x").close();
        assertThat(p.finish()).contains("<form method=\"post\" action=\"/admin/x\"><input type=\"hidden\" name=\"_csrf\" value=\"tok&quot;en\"></form>");
        assertThatThrownBy(() -> new Page(null).postForm("/admin/x")).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> new Page("t").open("form")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void inline_script_style_and_event_handlers_cannot_be_written() {
        assertThatThrownBy(() -> new Page("t").open("script")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Page("t").open("style")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Page("t").open("div", "onclick", "x()")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Page("t").open("div", "style", "color:red")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Page("t").open("di v")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void links_stay_on_this_server() {
        for (String url : new String[] {"javascript:alert(1)", "https://evil.example", "//evil.example", "/\\evil", ""}) {
            assertThatThrownBy(() -> new Page("t").el("a", "x", "href", url)).as(url).isInstanceOf(IllegalArgumentException.class);
        }
        assertThat(new Page("t").el("a", "x", "href", "/admin?a=1&b=2").finish()).contains("href=\"/admin?a=1&amp;b=2\"");
    }

    @Test
    void an_unclosed_page_is_refused() {
        Page p = new Page("t");
        p.open("div");
        assertThatThrownBy(p::finish).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> new Page("t").close()).isInstanceOf(IllegalStateException.class);
    }
}
